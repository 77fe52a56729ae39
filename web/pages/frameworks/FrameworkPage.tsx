import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import {
  useDesignTeam,
  useFramework,
  useNewVersion,
  useSetDesignTeamMember,
  type FrameworkSummary,
  type VersionSummary,
} from '../../api/frameworks.ts';
import { usePeople } from '../../api/people.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { FrameworkError, StatusBadge } from './shared.tsx';

/** Starts the next draft from a published version; when a draft exists already, opens it. */
export function useStartNewVersion() {
  const { t } = useTranslation('frameworks');
  const navigate = useNavigate();
  const start = useNewVersion();
  const run = (fromVersionId: string) =>
    start.mutate(fromVersionId, {
      onSuccess: (version) => {
        notifySuccess(t('version.newStarted', { number: version.versionNumber }));
        void navigate(`/frameworks/versions/${version.id}`);
      },
      onError: (error) => {
        const draftId = isApiError(error, 'invalid_state') ? (error.details as { draftId?: string } | null)?.draftId : undefined;
        if (draftId) void navigate(`/frameworks/versions/${draftId}`);
      },
    });
  return { run, pending: start.isPending, error: start.error };
}

/** Every version with its status, publication date and size. */
function VersionHistory({ versions }: { versions: VersionSummary[] }) {
  const { t } = useTranslation('frameworks');
  const isPhone = useIsPhone();
  const name = (v: VersionSummary) => t('version.name', { number: v.versionNumber });
  if (isPhone) {
    return (
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('framework.historyTitle')}>
        {versions.map((v) => (
          <Paper component="li" key={v.id} withBorder p="sm">
            <Group justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/frameworks/versions/${v.id}`} fw={600}>
                {name(v)}
              </Anchor>
              <StatusBadge status={v.status} />
            </Group>
            <Text size="sm">{v.title}</Text>
            <Text size="sm" c="dimmed">
              {v.publishedAt ? `${t('list.publishedOn', { date: formatDate(v.publishedAt) })} · ` : ''}
              {t('list.itemCount', { count: v.itemCount, formatted: formatNumber(v.itemCount) })}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table verticalSpacing="xs">
      <Table.Caption>{t('framework.historyCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('framework.version')}</Table.Th>
          <Table.Th scope="col">{t('field.title')}</Table.Th>
          <Table.Th scope="col">{t('common.status')}</Table.Th>
          <Table.Th scope="col">{t('framework.published')}</Table.Th>
          <Table.Th scope="col">{t('framework.items')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td>
              <Anchor component={Link} to={`/frameworks/versions/${v.id}`}>
                {name(v)}
              </Anchor>
            </Table.Td>
            <Table.Td>{v.title}</Table.Td>
            <Table.Td>
              <StatusBadge status={v.status} />
            </Table.Td>
            <Table.Td>{v.publishedAt ? formatDate(v.publishedAt) : t('common.none')}</Table.Td>
            <Table.Td>{formatNumber(v.itemCount)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Two version pickers and a button that opens what changed between them. */
function ComparePicker({ framework }: { framework: FrameworkSummary }) {
  const { t } = useTranslation('frameworks');
  const navigate = useNavigate();
  const versions = framework.versions;
  const [to, setTo] = useState(versions[0]?.id ?? '');
  const [from, setFrom] = useState(versions[1]?.id ?? versions[0]?.id ?? '');
  const options = versions.map((v) => ({
    value: v.id,
    label: `${t('version.name', { number: v.versionNumber })} · ${t(`status.${v.status}`)}`,
  }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/frameworks/${framework.id}/compare?from=${from}&to=${to}`);
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="compare-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="compare-heading">
          {t('framework.compareTitle')}
        </Title>
        <Group align="flex-end" gap="sm">
          <NativeSelect label={t('compare.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data={options} />
          <NativeSelect label={t('compare.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data={options} />
          <Button type="submit" variant="default" disabled={!from || !to || from === to}>
            {t('framework.compare')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Who may comment on this framework's drafts: search the directory to invite, remove. */
function DesignTeam({ frameworkId }: { frameworkId: string }) {
  const { t } = useTranslation('frameworks');
  const me = useMe();
  const team = useDesignTeam(frameworkId, true);
  const setMember = useSetDesignTeamMember(frameworkId);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const people = usePeople({ q, limit: 8, active: 'true' }, me.abilities.viewPeople && q.length >= 2);
  const members = team.data?.items ?? [];
  const memberIds = new Set(members.map((m) => m.personId));

  const change = (personId: string, name: string, member: boolean) =>
    setMember.mutate(
      { personId, member },
      { onSuccess: () => notifySuccess(member ? t('team.added', { name }) : t('team.removed', { name })) },
    );

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('team.title')}
      </Title>
      <Text size="sm">{t('team.help')}</Text>
      <ErrorAlert error={team.error ?? setMember.error} />
      {team.data && members.length === 0 ? <Text>{t('team.empty')}</Text> : null}
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('team.title')}>
        {members.map((m) => (
          <Paper component="li" key={m.personId} withBorder p="xs">
            <Group justify="space-between" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>{m.name}</Text>
                {m.email ? (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {m.email}
                  </Text>
                ) : null}
              </div>
              <Button
                size="xs"
                variant="default"
                onClick={() => change(m.personId, m.name, false)}
                aria-label={t('team.removeNamed', { name: m.name })}
              >
                {t('team.remove')}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      {me.abilities.viewPeople ? (
        <Stack gap="xs">
          <TextInput
            type="search"
            label={t('team.search')}
            description={t('team.searchHelp')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maw={420}
          />
          {q.length >= 2 && people.data ? (
            people.data.items.length === 0 ? (
              <Text size="sm" role="status">
                {t('team.noMatch')}
              </Text>
            ) : (
              <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('team.results')}>
                {people.data.items.map((p) => {
                  const name = personName(p);
                  return (
                    <Group component="li" key={p.id} justify="space-between" wrap="nowrap" maw={520}>
                      <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                        {name}
                        {p.email ? ` · ${p.email}` : ''}
                      </Text>
                      {memberIds.has(p.id) ? (
                        <Text size="sm" c="dimmed">
                          {t('team.already')}
                        </Text>
                      ) : (
                        <Button size="xs" onClick={() => change(p.id, name, true)} aria-label={t('team.inviteNamed', { name })}>
                          {t('team.invite')}
                        </Button>
                      )}
                    </Group>
                  );
                })}
              </Stack>
            )
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** A framework: its version history, a comparison picker, the next version and its design team. */
export default function FrameworkPage() {
  const { t } = useTranslation('frameworks');
  const { id = '' } = useParams();
  const framework = useFramework(id);
  const start = useStartNewVersion();
  if (isApiError(framework.error, 'not_found')) return <NotFoundPage />;
  if (framework.error) return <ErrorAlert error={framework.error} />;
  if (!framework.data) return <Loading />;
  const f = framework.data;
  const published = f.versions.find((v) => v.id === f.latestPublishedId);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/frameworks" size="sm">
        {t('framework.back')}
      </Anchor>
      <PageHeader
        title={f.title}
        subtitle={published ? t('framework.current', { number: published.versionNumber }) : t('framework.noPublished')}
        actions={
          <>
            {f.draftId ? (
              <Button component={Link} to={`/frameworks/versions/${f.draftId}`}>
                {t('framework.openDraft')}
              </Button>
            ) : null}
            {!f.draftId && f.abilities.newVersion && f.latestPublishedId ? (
              <Button loading={start.pending} onClick={() => start.run(f.latestPublishedId!)}>
                {t('version.startNew')}
              </Button>
            ) : null}
          </>
        }
      />
      <FrameworkError error={start.error} />
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('framework.historyTitle')}
        </Title>
        <VersionHistory versions={f.versions} />
      </Stack>
      {f.versions.length >= 2 ? <ComparePicker framework={f} /> : null}
      {f.abilities.manageDesignTeam ? <DesignTeam frameworkId={f.id} /> : null}
    </Stack>
  );
}
