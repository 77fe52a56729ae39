import { Alert, Badge, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import type { AdminGrant } from '../../../common/roles.ts';
import { useInvitePerson, useSetAdminGrant } from '../../api/people.ts';
import { useEndPersonSessions } from '../../api/sessions.ts';
import { useMe } from '../../api/session.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PersonTwoFactor } from './PersonTwoFactor.tsx';

const GRANT_OPTIONS = ['', 'hr', 'district_admin'] as const;

/** Whether the person can sign in, the invitation to do so, and (for admins) HR / admin access. */
export function PersonAccount({ person }: { person: Person }) {
  const { t } = useTranslation();
  const invite = useInvitePerson(person.id);
  const setGrant = useSetAdminGrant(person.id);
  const account = person.account;
  const endSessions = useEndPersonSessions(person.id);
  const me = useMe();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [grant, setGrantValue] = useState<string>(account?.adminGrant ?? '');
  if (!account) return null;

  const sendInvite = () => invite.mutate(undefined, { onSuccess: () => notifySuccess(t('account.invited', { email: person.email })) });
  const saveGrant = () =>
    setGrant.mutate((grant || null) as AdminGrant | null, { onSuccess: () => notifySuccess(t('account.grantSaved')) });
  const canInvite = person.abilities.invite && account.status !== 'active' && person.active;

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('account.signInTitle')}
      </Title>
      <Group gap="sm">
        <Badge variant="light" color={account.status === 'active' ? 'green' : account.status === 'invited' ? 'yellow' : 'gray'}>
          {t(`account.status.${account.status}`)}
        </Badge>
        {account.email ? <Text size="sm">{account.email}</Text> : null}
      </Group>
      {canInvite ? (
        <Group>
          <Button variant="default" onClick={sendInvite} loading={invite.isPending} disabled={!person.email}>
            {account.status === 'invited' ? t('account.resendInvite') : t('account.invite')}
          </Button>
          {!person.email ? (
            <Text size="sm" c="dimmed">
              {t('account.needsEmail')}
            </Text>
          ) : null}
        </Group>
      ) : null}
      {(invite.error as { details?: { code?: string } } | null)?.details?.code === 'email_in_district' ? (
        <Alert color="red" role="alert" title={t('error.title')}>
          {t('account.emailInDistrict')}
        </Alert>
      ) : (
        <ErrorAlert error={invite.error} />
      )}
      {person.abilities.grantAccess && account.status !== 'none' ? (
        <Group align="flex-end">
          <NativeSelect
            label={t('account.grantLabel')}
            value={grant}
            onChange={(e) => setGrantValue(e.currentTarget.value)}
            data={GRANT_OPTIONS.map((value) => ({ value, label: value ? t(`access.${value}`) : t('account.noGrant') }))}
          />
          <Button variant="default" onClick={saveGrant} loading={setGrant.isPending} disabled={grant === (account.adminGrant ?? '')}>
            {t('account.saveGrant')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={setGrant.error} />
      {account.status === 'active' ? <PersonTwoFactor person={person} /> : null}
      {person.abilities.endSessions && account.status === 'active' && me.person.id !== person.id ? (
        <>
          <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => setConfirmEnd(true)}>
            {t('account.endSessions')}
          </Button>
          <ConfirmModal
            opened={confirmEnd}
            title={t('account.endSessionsTitle')}
            confirmLabel={t('account.endSessions')}
            danger
            loading={endSessions.isPending}
            error={endSessions.error}
            onClose={() => setConfirmEnd(false)}
            onConfirm={() =>
              endSessions.mutate(undefined, {
                onSuccess: (r) => {
                  setConfirmEnd(false);
                  notifySuccess(t('account.sessionsEnded', { count: r.ended }));
                },
              })
            }
          >
            {t('account.endSessionsBody')}
          </ConfirmModal>
        </>
      ) : null}
    </Stack>
  );
}
