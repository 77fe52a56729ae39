import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INITIATIVE_LIMITS } from '../../../common/implementation.ts';
import { InviteGuestInput } from '../../../common/schemas/initiatives.ts';
import { useGuests, useInviteGuest, useRevokeGuest, type GuestRow, type Initiative } from '../../api/initiatives.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { addDays, formatDate, todayIso } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

const STATE_COLOR = { active: 'green', expired: 'gray', revoked: 'red' } as const;

function InviteModal({ initiativeId, onClose }: { initiativeId: string; onClose: () => void }) {
  const { t } = useTranslation('implementation');
  const invite = useInviteGuest(initiativeId);
  const [failed, setFailed] = useState<unknown>(null);
  const today = todayIso();
  const last = addDays(today, INITIATIVE_LIMITS.guestMaxDays);
  const initialValues = { givenName: '', familyName: '', email: '', expiresOn: addDays(today, 90) };
  const form = useForm({
    initialValues,
    ...schemaForm(InviteGuestInput, t, {
      check: (v: typeof initialValues) => ({
        expiresOn:
          v.expiresOn && (v.expiresOn < today || v.expiresOn > last)
            ? t('initiatives.guests.expiresRange', { count: INITIATIVE_LIMITS.guestMaxDays })
            : undefined,
      }),
    }),
  });
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      await invite.mutateAsync(input);
      notifySuccess(t('initiatives.guests.invited', { email: input.email }));
      onClose();
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={t('initiatives.guests.invite')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('initiatives.guests.inviteHelp')}</Text>
          <TextInput label={t('initiatives.guests.givenName')} required data-autofocus {...form.getInputProps('givenName')} />
          <TextInput label={t('initiatives.guests.familyName')} required {...form.getInputProps('familyName')} />
          <TextInput type="email" label={t('initiatives.guests.email')} required {...form.getInputProps('email')} />
          <TextInput
            type="date"
            label={t('initiatives.guests.expiresOn')}
            description={t('initiatives.guests.expiresHelp', { count: INITIATIVE_LIMITS.guestMaxDays })}
            required
            min={today}
            max={last}
            {...form.getInputProps('expiresOn')}
          />
          <ErrorAlert error={failed} />
          <FormModalFooter onCancel={onClose} saving={invite.isPending} submitLabel={t('initiatives.guests.send')} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The partner's guest accounts: who, until when, whether they accepted; invite and revoke. */
export function GuestsSection({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation('implementation');
  const guests = useGuests(initiative.id, true);
  const revoke = useRevokeGuest(initiative.id);
  const [inviting, setInviting] = useState(false);
  const [revoking, setRevoking] = useState<GuestRow | null>(null);
  const items = guests.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="initiative-guests">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="initiative-guests">
          {t('initiatives.guests.title')}
        </Title>
        <Button variant="light" onClick={() => setInviting(true)}>
          {t('initiatives.guests.invite')}
        </Button>
      </Group>
      <Text size="sm" mb="sm">
        {t('initiatives.guests.intro')}
      </Text>
      <ErrorAlert error={guests.error} />
      {!guests.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text>{t('initiatives.guests.empty')}</Text>
      ) : (
        <ScrollRegion label={t('initiatives.guests.title')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {(['name', 'email', 'expiresOn', 'state', 'actions'] as const).map((col) => (
                  <Table.Th key={col} scope="col">
                    {t(`initiatives.guests.col.${col}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Th scope="row">{`${g.givenName} ${g.familyName}`}</Table.Th>
                  <Table.Td>{g.email}</Table.Td>
                  <Table.Td>{formatDate(g.expiresOn)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Badge variant="light" color={STATE_COLOR[g.state]}>
                        {t(`initiatives.guests.state.${g.state}`)}
                      </Badge>
                      {!g.accepted && g.state === 'active' && <Text size="sm">{t('initiatives.guests.notAccepted')}</Text>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {g.state !== 'revoked' && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setRevoking(g)}
                        aria-label={t('initiatives.guests.revokeOf', { name: `${g.givenName} ${g.familyName}` })}
                      >
                        {t('initiatives.guests.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {inviting && <InviteModal initiativeId={initiative.id} onClose={() => setInviting(false)} />}
      <ConfirmModal
        opened={revoking !== null}
        title={t('initiatives.guests.revokeTitle')}
        confirmLabel={t('initiatives.guests.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={() =>
          revoking && revoke.mutate({ guestId: revoking.id, version: revoking.version }, { onSuccess: () => setRevoking(null) })
        }
      >
        {t('initiatives.guests.revokeBody', { name: revoking ? `${revoking.givenName} ${revoking.familyName}` : '' })}
      </ConfirmModal>
    </Paper>
  );
}
