import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ADMINISTRATION_ROLES, type AdministrationRole } from '../../../common/assessments.ts';
import { AdministrationFields } from '../../../common/schemas/assessments.ts';
import { useCreateAdministration, useInstruments } from '../../api/assessments.ts';
import { useImplementationTeam } from '../../api/implementation-teams.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useUrlState } from '../../components/useUrlState.ts';

/** A team role's usual part in an administration (changed per person below). */
const ROLE_FOR: Record<string, AdministrationRole> = {
  facilitator: 'facilitator',
  data_lead: 'note_taker',
  administrator: 'administrator',
};

interface Values {
  versionId: string;
  heldOn: string;
  title: string;
  attendees: { personId: string; name: string; role: AdministrationRole | '' }[];
}

/**
 * /assessments/new?teamId=: a team starts an administration of an instrument's latest published
 * version, listing who attends in which role (the facilitator and note taker record the
 * consensus; an administrator attends and does not vote). It keeps that version for good.
 */
export default function NewAdministrationPage() {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const [{ teamId }] = useUrlState({ teamId: '' });
  const team = useImplementationTeam(teamId);
  const instruments = useInstruments();
  const create = useCreateAdministration();
  if (team.error || instruments.error) return <ErrorAlert error={team.error ?? instruments.error} />;
  if (!team.data || !instruments.data) return <Loading />;
  const d = team.data;
  const options = instruments.data.items.flatMap((i) => {
    const v = i.versions.find((x) => x.status === 'published');
    return v ? [{ value: v.id, label: t('administrations.instrumentVersion', { name: i.name, number: v.versionNumber }) }] : [];
  });
  const members = d.members.filter((m) => m.current);
  return (
    <NewAdministrationForm
      title={t('administrations.new', { team: d.name })}
      options={options}
      members={members.map((m) => ({ personId: m.person.id, name: personName(m.person), role: ROLE_FOR[m.role] ?? 'voting_member' }))}
      saving={create.isPending}
      error={create.error}
      backTo={`/implementation-teams/${d.id}`}
      onSubmit={(v) =>
        create.mutate(
          {
            versionId: v.versionId,
            teamId: d.id,
            orgUnitId: d.orgUnit.id,
            initiativeId: d.initiative?.id ?? null,
            heldOn: v.heldOn,
            title: v.title,
            attendees: v.attendees.filter((a) => a.role).map((a) => ({ personId: a.personId, role: a.role as AdministrationRole })),
          },
          { onSuccess: (a) => void navigate(`/assessments/administrations/${a.id}`) },
        )
      }
      tApp={tApp}
    />
  );
}

function NewAdministrationForm(props: {
  title: string;
  options: { value: string; label: string }[];
  members: Values['attendees'];
  saving: boolean;
  error: unknown;
  backTo: string;
  onSubmit: (v: Values) => void;
  tApp: Parameters<typeof schemaForm>[1];
}) {
  const { t } = useTranslation('assessments');
  const initialValues: Values = { versionId: '', heldOn: todayIso(), title: '', attendees: props.members };
  const form = useForm({
    initialValues,
    ...schemaForm(AdministrationFields.pick({ versionId: true, heldOn: true, title: true }), props.tApp, {
      toInput: (v: Values) => ({ versionId: v.versionId, heldOn: v.heldOn, title: v.title }),
    }),
  });
  return (
    <form onSubmit={form.onSubmit((input) => props.onSubmit({ ...form.values, ...input }), focusFirstError)} noValidate>
      <Stack gap="lg">
        <Anchor component={Link} to={props.backTo} size="sm">
          {t('administrations.backToTeam')}
        </Anchor>
        <PageHeader title={props.title} subtitle={t('administrations.newIntro')} />
        {props.options.length === 0 ? <Text c="dimmed">{t('administrations.noPublished')}</Text> : null}
        <Select label={t('administrations.instrument')} required data={props.options} {...form.getInputProps('versionId')} />
        <TextInput type="date" label={t('administrations.heldOn')} required {...form.getInputProps('heldOn')} />
        <TextInput label={t('administrations.titleLabel')} maxLength={200} {...form.getInputProps('title')} />
        <ScrollRegion label={t('administrations.attendees')}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('administrations.person')}</Table.Th>
                <Table.Th>{t('administrations.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.attendees.map((a, i) => (
                <Table.Tr key={a.personId}>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('administrations.roleOf', { name: a.name })}
                      placeholder={t('administrations.notAttending')}
                      clearable
                      data={ADMINISTRATION_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                      value={a.role || null}
                      onChange={(v) => form.setFieldValue(`attendees.${i}.role`, (v ?? '') as AdministrationRole | '')}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={props.saving}>
            {t('administrations.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
