import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import { usePersonTwoFactor, useResetTwoFactor } from '../../api/mfa.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { personName } from '../../components/personName.ts';

/** Whether the person uses two-factor sign-in, and (district admins) "Reset two-factor sign-in" for a lost phone. */
export function PersonTwoFactor({ person }: { person: Person }) {
  const { t } = useTranslation('mfa');
  const me = useMe();
  const status = usePersonTwoFactor(person.id, true);
  const reset = useResetTwoFactor(person.id);
  const [confirming, setConfirming] = useState(false);
  if (status.error) return <ErrorAlert error={status.error} />;
  if (!status.data) return null;
  const s = status.data;
  const name = personName(person);
  const close = () => {
    setConfirming(false);
    reset.reset();
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('person.title')}
      </Title>
      <Text size="sm">{s.enrolled ? t('person.on', { date: formatDate(s.enrolledAt) }) : t('person.off')}</Text>
      {s.required && !s.enrolled ? (
        <Text size="sm" c="dimmed">
          {s.requiredBy === 'district' ? t('person.requiredNoteDistrict') : t('person.requiredNote')}
        </Text>
      ) : null}
      {s.abilities.reset ? (
        <Group>
          <Button variant="default" color="red" onClick={() => setConfirming(true)}>
            {t('person.reset')}
          </Button>
        </Group>
      ) : s.enrolled && person.id === me.person.id && me.adminGrant === 'district_admin' ? (
        <Text size="sm" c="dimmed">
          {t('person.ownNote')}
        </Text>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={t('person.resetTitle', { name })}
        confirmLabel={t('person.reset')}
        danger
        loading={reset.isPending}
        error={reset.error}
        onClose={close}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: () => {
              close();
              notifySuccess(t('person.resetDone', { name }));
            },
          })
        }
      >
        {t('person.resetBody')}
      </ConfirmModal>
    </Stack>
  );
}
