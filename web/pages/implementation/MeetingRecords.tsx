import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DRIVERS, type Driver } from '../../../common/implementation.ts';
import type { Meeting } from '../../../common/schemas/implementation-teams.ts';
import { useAddActionItem, useAddDecision, useUpdateActionItem } from '../../api/implementation-teams.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { personName } from '../../components/personName.ts';

/** The meeting's decisions, each routed to a driver or not, and (for members) a form to record one. */
export function DecisionsSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('implementation');
  const add = useAddDecision(meeting.team.id, meeting.id);
  const [text, setText] = useState('');
  const [driver, setDriver] = useState<Driver | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    add.mutate({ text, driver }, { onSuccess: () => (setText(''), setDriver(null)) });
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('teams.meeting.decisionsTitle')}
      </Title>
      {meeting.decisions.length === 0 ? <Text c="dimmed">{t('teams.meeting.noDecisions')}</Text> : null}
      {meeting.decisions.map((d) => (
        <Group key={d.id} gap="xs" wrap="nowrap" align="flex-start">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{d.text}</Text>
          {d.driver ? <Badge variant="light">{t('teams.meeting.routedTo', { driver: t(`drivers.${d.driver}`) })}</Badge> : null}
        </Group>
      ))}
      {meeting.abilities.edit ? (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label={t('teams.meeting.newDecision')}
              required
              autosize
              minRows={2}
              maxLength={5_000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Select
              label={t('teams.meeting.driver')}
              description={t('teams.meeting.driverHelp')}
              clearable
              data={DRIVERS.map((d) => ({ value: d, label: t(`drivers.${d}`) }))}
              value={driver}
              onChange={(v) => setDriver(v as Driver | null)}
            />
            <ErrorAlert error={add.error} />
            <Button type="submit" loading={add.isPending} disabled={!text.trim()} style={{ alignSelf: 'flex-start' }}>
              {t('teams.meeting.recordDecision')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

/** The meeting's action items (owner, due date, done) and, for members, a form to add one. */
export function ActionItemsSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('implementation');
  const add = useAddActionItem(meeting.team.id, meeting.id);
  const update = useUpdateActionItem(meeting.team.id);
  const [text, setText] = useState('');
  const [ownerPersonId, setOwner] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState(todayIso());
  const [decisionId, setDecisionId] = useState<string | null>(null);
  const today = todayIso();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || !ownerPersonId || !dueOn) return;
    add.mutate({ text, ownerPersonId, dueOn, decisionId }, { onSuccess: () => (setText(''), setOwner(null), setDecisionId(null)) });
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('teams.meeting.actionItemsTitle')}
      </Title>
      <ErrorAlert error={update.error} />
      {meeting.actionItems.length === 0 ? (
        <Text c="dimmed">{t('teams.meeting.noActionItems')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('teams.meeting.done')}</Table.Th>
                <Table.Th>{t('teams.meeting.item')}</Table.Th>
                <Table.Th>{t('teams.meeting.owner')}</Table.Th>
                <Table.Th>{t('teams.meeting.dueOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.actionItems.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('teams.meeting.markDone', { item: i.text })}
                      checked={i.doneAt !== null}
                      disabled={!meeting.abilities.edit || update.isPending}
                      onChange={(e) => update.mutate({ itemId: i.id, version: i.version, done: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>{i.text}</Table.Td>
                  <Table.Td>{personName(i.owner)}</Table.Td>
                  <Table.Td>
                    {formatDate(i.dueOn)}
                    {i.doneAt === null && i.dueOn < today ? (
                      <Badge ml="xs" color="red" variant="light">
                        {t('teams.meeting.overdue')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {meeting.abilities.edit ? (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <TextInput
              label={t('teams.meeting.newActionItem')}
              required
              maxLength={2_000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <PersonPicker label={t('teams.meeting.owner')} value={ownerPersonId} onChange={setOwner} />
            <TextInput
              type="date"
              label={t('teams.meeting.dueOn')}
              required
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
            />
            {meeting.decisions.length ? (
              <Select
                label={t('teams.meeting.fromDecision')}
                clearable
                data={meeting.decisions.map((d) => ({ value: d.id, label: d.text.slice(0, 120) }))}
                value={decisionId}
                onChange={setDecisionId}
              />
            ) : null}
            <ErrorAlert error={add.error} />
            <Button type="submit" loading={add.isPending} disabled={!text.trim() || !ownerPersonId} style={{ alignSelf: 'flex-start' }}>
              {t('teams.meeting.addActionItem')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
