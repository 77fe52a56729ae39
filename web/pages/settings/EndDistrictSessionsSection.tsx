import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEndDistrictSessions } from '../../api/sessions.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { formatNumber } from '../../app/format.ts';
import { notifySuccess } from '../../components/notify.ts';

/**
 * "Sign everyone out" (district admins): ends every session in the district but the admin's own,
 * after a confirmation that names the consequence; the message after says how many were ended.
 */
export function EndDistrictSessionsSection() {
  const { t } = useTranslation('sso');
  const end = useEndDistrictSessions();
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    setConfirming(false);
    end.reset();
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="end-sessions-title">
      <Title order={2} size="h3" id="end-sessions-title">
        {t('settings.endAllTitle')}
      </Title>
      <Text>{t('settings.endAllHelp')}</Text>
      <Button color="red" variant="outline" style={{ alignSelf: 'flex-start' }} onClick={() => setConfirming(true)}>
        {t('settings.endAll')}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t('settings.endAllConfirmTitle')}
        confirmLabel={t('settings.endAll')}
        danger
        loading={end.isPending}
        error={end.error}
        onClose={close}
        onConfirm={() =>
          end.mutate(undefined, {
            onSuccess: (r) => {
              setConfirming(false);
              notifySuccess(t('settings.endAllDone', { count: r.ended, formatted: formatNumber(r.ended) }));
            },
          })
        }
      >
        {t('settings.endAllConfirm')}
      </ConfirmModal>
    </Stack>
  );
}
