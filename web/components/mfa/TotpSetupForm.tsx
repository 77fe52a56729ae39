import { Anchor, Box, Button, Code, CopyButton, Group, Image, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnrolmentDetails } from '../../../common/schemas/mfa.ts';
import { CodeForm } from './CodeForm.tsx';

/**
 * Adding Trellis to an authenticator app: install, scan the QR code (or type the key, or on a phone
 * open the app from the link), then confirm with the first code.
 */
export function TotpSetupForm({
  details,
  onConfirm,
  loading,
  failure,
}: {
  details: EnrolmentDetails;
  onConfirm: (code: string) => void;
  loading: boolean;
  failure: string | null;
}) {
  const { t } = useTranslation('mfa');
  return (
    <Stack>
      <List type="ordered" spacing="md">
        <List.Item>
          <Text>{t('enrol.installStep')}</Text>
        </List.Item>
        <List.Item>
          <Stack gap="xs">
            <Text>{t('enrol.scanStep')}</Text>
            <Box bg="white" p={4} w={196} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}>
              <Image src={details.qrCode} alt={t('enrol.qrAlt')} w={186} h={186} />
            </Box>
            <Text size="sm" fw={600} id="totp-secret-label">
              {t('enrol.secretLabel')}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Code aria-labelledby="totp-secret-label" fz="md" style={{ wordBreak: 'break-word' }} data-testid="totp-secret">
                {details.secret}
              </Code>
              <CopyButton value={details.secret.replace(/\s/g, '')}>
                {({ copied, copy }) => (
                  <Button variant="default" size="xs" onClick={copy}>
                    {copied ? t('enrol.copied') : t('enrol.copySecret')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Anchor href={details.otpauthUrl} size="sm">
              {t('enrol.openInApp')}
            </Anchor>
          </Stack>
        </List.Item>
        <List.Item>
          <Text>{t('enrol.codeStep')}</Text>
        </List.Item>
      </List>
      <CodeForm
        onSubmit={(_method, code) => onConfirm(code)}
        loading={loading}
        failure={failure}
        submitLabel={t('enrol.submit')}
        allowRecovery={false}
        autoFocus={false}
        showIntro={false}
      />
    </Stack>
  );
}
