import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ADMINISTRATION_ROLE_FOR_TEAM_ROLE, ADMINISTRATION_ROLES, type AdministrationRole } from '../../../common/assessments.ts';
import { AdministrationFields } from '../../../common/schemas/assessments.ts';
import { useCreateAdministration, useInstruments } from '../../api/assessments.ts';
import { useImplementationTeam } from '../../api/implementation-teams.ts';
import { useAllOrgUnits } from '../../api/org-units.ts';
import { useMe } from '../../api/session.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useUrlState } from '../../components/useUrlState.ts';

interface Values {
  versionId: string;
  orgUnitId: string;
  heldOn: string;
  title: string;
  attendees: { personId: string; name: string; role: AdministrationRole | '' }[];
}

/** The latest published version of each instrument, as options. */
function useVersionOptions() {
  const { t } = useTranslation('assessments');
  const instruments = useInstruments();
  const options = (instruments.data?.items ?? []).flatMap((i) => {
    const v = i.versions.find((x) => x.status === 'published');
    return v ? [{ value: v.id, label: t('administrations.instrumentVersion', { name: i.name, number: v.versionNumber }) }] : [];
  });
  return { options, error: instruments.error, ready: Boolean(instruments.data) };
}

const attending = (v: Values) =>
  v.attendees.filter((a) => a.role).map((a) => ({ personId: a.personId, role: a.role as AdministrationRole }));

/** A team's administration: its current members attend, in the role their team role suggests. */
function TeamAdministration({ teamId }: { teamId: string }) {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const team = useImplementationTeam(teamId);
  const versions = useVersionOptions();
  const create = useCreateAdministration();
  if (team.error || versions.error) return <ErrorAlert error={team.error ?? versions.error} />;
  if (!team.data || !versions.ready) return <Loading />;
  const d = team.data;
  const members = d.members.filter((m) => m.current);
  return (
    <NewAdministrationForm
      title={t('administrations.new', { team: d.name })}
      options={versions.options}
      members={members.map((m) => ({
        personId: m.person.id,
        name: personName(m.person),
        role: ADMINISTRATION_ROLE_FOR_TEAM_ROLE[m.role] ?? 'voting_member',
      }))}
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
            attendees: attending(v),
          },
          { onSuccess: (a) => void navigate(`/assessments/administrations/${a.id}`) },
        )
      }
      tApp={tApp}
    />
  );
}

/** One person scoring alone (a practice self-review), at a school or office they choose. */
function SoloAdministration() {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const units = useAllOrgUnits();
  const versions = useVersionOptions();
  const create = useCreateAdministration();
  if (units.error || versions.error) return <ErrorAlert error={units.error ?? versions.error} />;
  if (!units.data || !versions.ready) return <Loading />;
  const unitOptions = units.data.items
    .filter((u) => u.active && (me.adminGrant !== null || u.type === 'district' || me.schoolIds.includes(u.id)))
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <NewAdministrationForm
      title={t('administrations.newSolo')}
      options={versions.options}
      units={unitOptions}
      members={[]}
      saving={create.isPending}
      error={create.error}
      backTo="/assessments"
      onSubmit={(v) =>
        create.mutate(
          { versionId: v.versionId, soloPersonId: me.person.id, orgUnitId: v.orgUnitId, heldOn: v.heldOn, title: v.title },
          { onSuccess: (a) => void navigate(`/assessments/administrations/${a.id}`) },
        )
      }
      tApp={tApp}
    />
  );
}

/**
 * /assessments/new?teamId=: a team starts an administration of an instrument's latest published
 * version, listing who attends in which role (the facilitator and note taker record the
 * consensus; an administrator attends and does not vote). Without a team: one person scores
 * alone. Either way it keeps that version for good.
 */
export default function NewAdministrationPage() {
  const [{ teamId }] = useUrlState({ teamId: '' });
  return teamId ? <TeamAdministration teamId={teamId} /> : <SoloAdministration />;
}

function NewAdministrationForm(props: {
  title: string;
  options: { value: string; label: string }[];
  /** For one person scoring alone: where (a team's administration is at the team's own unit). */
  units?: { value: string; label: string }[];
  members: Values['attendees'];
  saving: boolean;
  error: unknown;
  backTo: string;
  onSubmit: (v: Values) => void;
  tApp: Parameters<typeof schemaForm>[1];
}) {
  const { t } = useTranslation('assessments');
  const initialValues: Values = { versionId: '', orgUnitId: '', heldOn: todayIso(), title: '', attendees: props.members };
  const form = useForm({
    initialValues,
    ...schemaForm(AdministrationFields.pick({ versionId: true, orgUnitId: true, heldOn: true, title: true }), props.tApp, {
      // A team's administration takes the team's unit: the form checks the unit only when it asks for one.
      toInput: (v: Values) => ({
        versionId: v.versionId,
        orgUnitId: props.units ? v.orgUnitId : '00000000-0000-4000-8000-000000000000',
        heldOn: v.heldOn,
        title: v.title,
      }),
    }),
  });
  return (
    <form onSubmit={form.onSubmit((input) => props.onSubmit({ ...form.values, ...input }), focusFirstError)} noValidate>
      <Stack gap="lg">
        <Anchor component={Link} to={props.backTo} size="sm">
          {props.units ? t('instruments.back') : t('administrations.backToTeam')}
        </Anchor>
        <PageHeader title={props.title} subtitle={t('administrations.newIntro')} />
        {props.options.length === 0 ? <Text c="dimmed">{t('administrations.noPublished')}</Text> : null}
        <Select label={t('administrations.instrument')} required data={props.options} {...form.getInputProps('versionId')} />
        {props.units ? (
          <Select label={t('administrations.where')} required searchable data={props.units} {...form.getInputProps('orgUnitId')} />
        ) : null}
        <TextInput type="date" label={t('administrations.heldOn')} required {...form.getInputProps('heldOn')} />
        <TextInput label={t('administrations.titleLabel')} maxLength={200} {...form.getInputProps('title')} />
        {props.members.length === 0 ? null : (
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
        )}
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
