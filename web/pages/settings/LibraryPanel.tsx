import { Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryStep } from '../../../common/schemas/settings.ts';
import { useCompetencyItems, useLibrarySteps, useNonNegotiables, useSetLibraryStepActive } from '../../api/settings.ts';
import { ActiveBadge } from '../../components/ActiveBadge.tsx';
import { ActiveFilterSelect } from '../../components/ActiveFilterSelect.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { Pager } from '../../components/Pager.tsx';
import { useDebouncedSearch, useUrlState } from '../../components/useUrlState.ts';
import { competencyOptions } from './competencyOptions.ts';
import { LibraryStepModal } from './LibraryStepModal.tsx';

const LIMIT = 25;

function StepCard({ step, onEdit }: { step: LibraryStep; onEdit: () => void }) {
  const { t } = useTranslation('settings');
  const setActive = useSetLibraryStepActive();
  return (
    <Card withBorder padding="sm" component="li" aria-label={step.title}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{step.title}</Text>
          {step.active ? null : <ActiveBadge active={false} />}
        </Group>
        {step.practicePrompt ? (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t('library.practicePrompt')}:
            </Text>{' '}
            {step.practicePrompt}
          </Text>
        ) : null}
        {step.item ? (
          <Badge variant="light" color="gray" style={{ alignSelf: 'flex-start', textTransform: 'none', maxWidth: '100%' }}>
            {`${step.item.humanCode ?? ''} ${step.item.statement}`.trim()}
          </Badge>
        ) : null}
        <ErrorAlert error={setActive.error} />
        {step.abilities.update ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onEdit} aria-label={t('library.editNamed', { title: step.title })}>
              {t('common.edit')}
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={setActive.isPending}
              aria-label={t(step.active ? 'library.deactivateNamed' : 'library.reactivateNamed', { title: step.title })}
              onClick={() =>
                setActive.mutate(
                  { id: step.id, version: step.version, active: !step.active },
                  { onSuccess: (s) => notifySuccess(t(s.active ? 'library.reactivated' : 'library.deactivated')) },
                )
              }
            >
              {step.active ? t('common.deactivate') : t('common.reactivate')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The action-step library, filtered by competency and text (filters kept in the URL). */
export function LibraryPanel() {
  const { t } = useTranslation('settings');
  const [filters, setFilters] = useUrlState({ q: '', item: '', active: 'true', offset: '0' });
  const [search, setSearch] = useDebouncedSearch(filters.q, (q) => setFilters({ q }));
  const [editing, setEditing] = useState<LibraryStep | 'new' | null>(null);
  const settings = useNonNegotiables();
  const items = useCompetencyItems(settings.data?.effectiveVersionId);
  const competencies = items.data ? competencyOptions(items.data.items) : [];
  const offset = Number(filters.offset) || 0;
  const steps = useLibrarySteps({
    q: filters.q || undefined,
    itemId: filters.item || undefined,
    active: filters.active as 'true' | 'false' | 'all',
    limit: LIMIT,
    offset,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Text>{t('library.intro')}</Text>
        <Button onClick={() => setEditing('new')}>{t('library.add')}</Button>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('library.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 240 }}
        />
        <NativeSelect
          label={t('library.competency')}
          value={filters.item}
          onChange={(e) => setFilters({ item: e.currentTarget.value })}
          data={[{ value: '', label: t('library.allCompetencies') }, ...competencies]}
          w={{ base: '100%', sm: 320 }}
        />
        <ActiveFilterSelect value={filters.active} onChange={(active) => setFilters({ active })} />
      </Group>
      <ErrorAlert error={steps.error ?? items.error} />
      {steps.isPending ? <Loading /> : null}
      {steps.data?.items.length === 0 ? (
        <Text role="status">{filters.q || filters.item ? t('library.noMatch') : t('library.empty')}</Text>
      ) : null}
      {steps.data && steps.data.items.length > 0 ? (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('tabs.library')}>
          {steps.data.items.map((step) => (
            <StepCard key={step.id} step={step} onEdit={() => setEditing(step)} />
          ))}
        </Stack>
      ) : null}
      {steps.data ? (
        <Pager offset={offset} limit={LIMIT} total={steps.data.total} onChange={(o) => setFilters({ offset: String(o) })} />
      ) : null}
      {editing ? (
        <LibraryStepModal
          step={editing === 'new' ? undefined : editing}
          initialItemId={filters.item}
          competencies={competencies}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notifySuccess(t('library.saved'));
          }}
        />
      ) : null}
    </Stack>
  );
}
