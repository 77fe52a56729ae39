import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Someone else saved this first": offers to load their version into the form. */
export function ConflictNotice({ onLoad }: { onLoad: () => void }) {
  const { t } = useTranslation('pathways');
  return (
    <Alert color="orange" role="alert" title={t('conflict.title')}>
      <Stack gap="xs" align="flex-start">
        {t('conflict.body')}
        <Button size="xs" variant="default" onClick={onLoad}>
          {t('conflict.loadTheirs')}
        </Button>
      </Stack>
    </Alert>
  );
}
