import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditLog, type AuditFilters } from '../../api/audit.ts';
import { useMe } from '../../api/session.ts';
import { dayBoundary } from '../../app/format.ts';
import { AuditEntries } from '../../components/AuditEntries.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';

/** Entity types and the actions recorded on each (the server's audit vocabulary). */
const ACTIONS: Record<string, string[]> = {
  person: ['create', 'update', 'deactivate', 'reactivate', 'import_create', 'import_update', 'import_deactivate'],
  org_unit: ['create', 'update', 'deactivate', 'reactivate', 'import_create', 'import_update', 'import_deactivate'],
  role_assignment: ['create', 'end', 'import_create', 'import_update', 'import_deactivate'],
  roster_import: ['validate', 'apply', 'discard'],
  user: ['change_password', 'update_locale'],
  auth: [
    'sign_in',
    'password_reset',
    'password_reset_requested',
    'sso_sign_in',
    'sso_second_factor',
    'sso_refused',
    'password_sign_in_refused',
  ],
  district: ['seed_demo'],
  sso_provider: ['create', 'update'],
  sign_in_settings: ['update'],
};
const ENTITY_TYPES = ['person', 'org_unit', 'role_assignment', 'roster_import', 'user', 'district', 'sso_provider'];

/** Everything written in the district, newest first, filterable, with each change as a diff. */
export default function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useUrlState({ entityType: '', action: '', from: '', to: '' });
  const query: AuditFilters = {
    entityType: filters.entityType || undefined,
    action: filters.action || undefined,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
  };
  const audit = useAuditLog(query);
  if (!me.abilities.viewAudit) return <NotAllowed />;

  const actionOptions = Object.entries(ACTIONS).flatMap(([prefix, verbs]) =>
    verbs.map((verb) => ({ value: `${prefix}.${verb}`, label: t(`audit.action.${prefix}.${verb}`) })),
  );
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Group align="flex-end" mb="md" gap="sm" role="search" aria-label={t('audit.filters')}>
        <NativeSelect
          label={t('audit.entityType')}
          value={filters.entityType}
          onChange={(e) => setFilters({ entityType: e.currentTarget.value })}
          data={[
            { value: '', label: t('audit.anyEntity') },
            ...ENTITY_TYPES.map((type) => ({ value: type, label: t(`audit.entity.${type}`) })),
          ]}
        />
        <NativeSelect
          label={t('audit.actionLabel')}
          value={filters.action}
          onChange={(e) => setFilters({ action: e.currentTarget.value })}
          data={[{ value: '', label: t('audit.anyAction') }, ...actionOptions]}
        />
        <TextInput type="date" label={t('audit.from')} value={filters.from} onChange={(e) => setFilters({ from: e.currentTarget.value })} />
        <TextInput type="date" label={t('audit.to')} value={filters.to} onChange={(e) => setFilters({ to: e.currentTarget.value })} />
      </Group>
      <ErrorAlert error={audit.error} />
      {audit.isPending ? <Loading /> : null}
      {audit.data && entries.length === 0 ? <Text role="status">{t('audit.empty')}</Text> : null}
      {entries.length > 0 ? (
        <Stack gap="md">
          <AuditEntries entries={entries} caption={t('audit.caption')} />
          <Text role="status" size="sm">
            {t('audit.shown', { count: entries.length })}
          </Text>
          {audit.hasNextPage ? (
            <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage} w="fit-content">
              {t('audit.loadMore')}
            </Button>
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}
