import {
  ActionIcon,
  Button,
  Checkbox,
  Drawer,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateOneOnOneInput, type OneOnOne } from '../../../common/schemas/one-on-ones.ts';
import { useMe } from '../../api/session.ts';
import { useCreateOneOnOne, useDeleteOneOnOne, useOneOnOneMembers, useOneOnOnes, useUpdateOneOnOne } from '../../api/team-goals.ts';
import { formatDateTime, fromZoneInput } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';

function NewOneOnOneModal({ onClose, onCreated }: { onClose: () => void; onCreated: (o: OneOnOne) => void }) {
  const { t } = useTranslation('performance');
  const members = useOneOnOneMembers(true);
  const create = useCreateOneOnOne();
  const form = useForm({
    initialValues: { memberPersonId: '', meetsAt: '', topics: '' },
    ...schemaForm(CreateOneOnOneInput, t, {
      toInput: (v: { memberPersonId: string; meetsAt: string; topics: string }) => ({
        memberPersonId: v.memberPersonId,
        meetsAt: fromZoneInput(v.meetsAt) ?? '',
        agenda: v.topics
          .split('\n')
          .map((topic) => topic.trim())
          .filter(Boolean)
          .map((topic) => ({ topic, done: false })),
      }),
    }),
  });
  const submit = form.onSubmit(
    (input) => create.mutate(input, { onSuccess: (o) => (notifySuccess(t('oneOnOnes.created')), onCreated(o)) }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('oneOnOnes.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('oneOnOnes.member')}
            required
            searchable
            nothingFoundMessage={t('oneOnOnes.noMembers')}
            data={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.schoolName}` }))}
            {...form.getInputProps('memberPersonId')}
          />
          <TextInput type="datetime-local" label={t('oneOnOnes.meetsAt')} required {...form.getInputProps('meetsAt')} />
          <Textarea
            label={t('oneOnOnes.agendaTopics')}
            description={t('oneOnOnes.agendaHelp')}
            autosize
            minRows={3}
            {...form.getInputProps('topics')}
          />
          <ErrorAlert error={create.error ?? members.error} />
          <FormModalFooter onCancel={onClose} saving={create.isPending} submitLabel={t('oneOnOnes.create')} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** One 1:1: the agenda as a checklist, decisions and notes, saved with the version it was read at. */
function OneOnOneDrawer({ item, onClose }: { item: OneOnOne; onClose: () => void }) {
  const { t } = useTranslation('performance');
  const update = useUpdateOneOnOne(item.id);
  const remove = useDeleteOneOnOne();
  const [agenda, setAgenda] = useState(item.agenda);
  const [topic, setTopic] = useState('');
  const [decisions, setDecisions] = useState(item.decisions);
  const [notes, setNotes] = useState(item.notes);
  const edit = item.can.edit;
  const save = () =>
    update.mutate(
      { version: item.version, agenda, decisions, notes },
      { onSuccess: () => (notifySuccess(t('oneOnOnes.saved')), onClose()) },
    );
  const addTopic = () => {
    if (topic.trim()) setAgenda((a) => [...a, { topic: topic.trim(), done: false }]);
    setTopic('');
  };
  return (
    <Drawer opened onClose={onClose} position="right" title={t('oneOnOnes.with', { leader: item.leader.name, member: item.member.name })}>
      <Stack>
        <Text size="sm">{formatDateTime(item.meetsAt)}</Text>
        <Stack gap="xs" role="group" aria-label={t('oneOnOnes.agenda')}>
          <Text fw={600}>{t('oneOnOnes.agenda')}</Text>
          {agenda.length === 0 ? <Text c="dimmed">{t('oneOnOnes.noAgenda')}</Text> : null}
          {agenda.map((a, i) => (
            <Group key={i} justify="space-between" wrap="nowrap">
              <Checkbox
                label={a.topic}
                checked={a.done}
                disabled={!edit}
                onChange={(e) => {
                  const done = e.currentTarget.checked;
                  setAgenda((list) => list.map((x, j) => (j === i ? { ...x, done } : x)));
                }}
              />
              {edit ? (
                <ActionIcon
                  variant="subtle"
                  onClick={() => setAgenda((l) => l.filter((_, j) => j !== i))}
                  aria-label={t('oneOnOnes.removeTopic', { topic: a.topic })}
                >
                  ×
                </ActionIcon>
              ) : null}
            </Group>
          ))}
          {edit ? (
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('oneOnOnes.newTopic')}
                value={topic}
                onChange={(e) => setTopic(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  addTopic();
                }}
              />
              <Button variant="default" onClick={addTopic}>
                {t('oneOnOnes.addTopic')}
              </Button>
            </Group>
          ) : null}
        </Stack>
        <Textarea
          label={t('oneOnOnes.decisions')}
          autosize
          minRows={3}
          readOnly={!edit}
          value={decisions}
          onChange={(e) => setDecisions(e.currentTarget.value)}
        />
        <Textarea
          label={t('oneOnOnes.notes')}
          autosize
          minRows={3}
          readOnly={!edit}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <ErrorAlert error={update.error ?? remove.error} />
        <Group justify="space-between">
          {item.can.delete ? (
            <Button
              color="red"
              variant="subtle"
              loading={remove.isPending}
              onClick={() => remove.mutate(item.id, { onSuccess: () => (notifySuccess(t('oneOnOnes.deleted')), onClose()) })}
            >
              {t('oneOnOnes.delete')}
            </Button>
          ) : (
            <span />
          )}
          {edit ? (
            <Button onClick={save} loading={update.isPending}>
              {t('teamGoals.save')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Drawer>
  );
}

/** The caller's 1:1s, as leader or as member; leaders start new ones with the people they lead. */
export default function OneOnOnesPage() {
  const { t } = useTranslation('performance');
  const me = useMe();
  const list = useOneOnOnes();
  const [open, setOpen] = useState<OneOnOne | null>(null);
  const [creating, setCreating] = useState(false);
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Loading />;
  const leads = me.abilities.manageTeams;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('oneOnOnes.title')}
        subtitle={t('oneOnOnes.subtitle')}
        actions={leads ? <Button onClick={() => setCreating(true)}>{t('oneOnOnes.new')}</Button> : null}
      />
      {list.data.items.length === 0 ? (
        <Text>{t('oneOnOnes.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('oneOnOnes.when')}</Table.Th>
                <Table.Th>{t('oneOnOnes.withWhom')}</Table.Th>
                <Table.Th>{t('oneOnOnes.agenda')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <UnstyledButton onClick={() => setOpen(o)} style={{ textDecoration: 'underline' }}>
                      {formatDateTime(o.meetsAt)}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{t('oneOnOnes.pair', { leader: o.leader.name, member: o.member.name })}</Table.Td>
                  <Table.Td>{t('oneOnOnes.agendaDone', { done: o.agenda.filter((a) => a.done).length, total: o.agenda.length })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating ? <NewOneOnOneModal onClose={() => setCreating(false)} onCreated={(o) => (setCreating(false), setOpen(o))} /> : null}
      {open ? <OneOnOneDrawer key={`${open.id}-${open.version}`} item={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
