import { Alert, Button, Checkbox, CopyButton, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Recovery codes shown once: copy, download, and a tick that they were saved before going on. */
export function RecoveryCodesPanel({
  codes,
  email,
  onDone,
  doneLabel,
  headingOrder = 2,
}: {
  codes: string[];
  email: string;
  onDone: () => void;
  doneLabel: string;
  headingOrder?: 1 | 2 | 3;
}) {
  const { t } = useTranslation('mfa');
  const [saved, setSaved] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // It replaces the form that was just sent: start screen-reader and keyboard users here.
  useEffect(() => headingRef.current?.focus(), []);
  const text = `${t('codes.fileHeader', { email })}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'trellis-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack>
      <Title order={headingOrder} size={headingOrder === 1 ? 'h2' : 'h3'} ref={headingRef} tabIndex={-1}>
        {t('codes.title')}
      </Title>
      <Alert color="yellow" variant="light">
        {t('codes.intro')}
      </Alert>
      <SimpleGrid
        component="ol"
        cols={2}
        spacing="xs"
        aria-label={t('codes.listLabel')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {codes.map((code) => (
          <Text component="li" key={code} ff="monospace" fz="md" data-testid="recovery-code">
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" size="sm" onClick={copy}>
              {copied ? t('codes.copied') : t('codes.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" size="sm" onClick={download}>
          {t('codes.download')}
        </Button>
      </Group>
      <Checkbox label={t('codes.saved')} checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} />
      <Button onClick={onDone} disabled={!saved} w="fit-content">
        {doneLabel}
      </Button>
    </Stack>
  );
}
