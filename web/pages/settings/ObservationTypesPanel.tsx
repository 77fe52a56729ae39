import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObservationType } from '../../../common/schemas/settings.ts';
import { useObservationTypes, useSetObservationTypeActive } from '../../api/settings.ts';
import { formatNumber } from '../../app/format.ts';
import { ActiveBadge } from '../../components/ActiveBadge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { ObservationTypeModal } from './ObservationTypeModal.tsx';

function TypeCard({ type, onEdit }: { type: ObservationType; onEdit: () => void }) {
  const { t } = useTranslation('settings');
  const setActive = useSetObservationTypeActive();
  const toggle = () =>
    setActive.mutate(
      { id: type.id, version: type.version, active: !type.active },
      { onSuccess: (saved) => notifySuccess(t(saved.active ? 'types.reactivated' : 'types.deactivated', { name: saved.name })) },
    );
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`type-${type.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" id={`type-${type.id}`}>
            {type.name}
          </Title>
          {type.active ? null : <ActiveBadge active={false} />}
        </Group>
        <Group gap="xs">
          <Badge variant="light">{t(`kind.${type.kind}`)}</Badge>
          {type.countsTowardRequirement ? (
            <Badge variant="light" color="teal">
              {t('types.countsBadge')}
            </Badge>
          ) : null}
          {type.defaultDurationMinutes ? (
            <Text size="sm" c="dimmed">
              {t('types.minutes', { count: type.defaultDurationMinutes, formatted: formatNumber(type.defaultDurationMinutes) })}
            </Text>
          ) : null}
        </Group>
        {type.description ? <Text size="sm">{type.description}</Text> : null}
        {type.lookFors.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {t('types.lookFors')}
            </Text>
            <List size="sm" spacing={2}>
              {type.lookFors.map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        <ErrorAlert error={setActive.error} />
        {type.abilities.update ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onEdit} aria-label={t('types.editNamed', { name: type.name })}>
              {t('common.edit')}
            </Button>
            <Button size="xs" variant="default" loading={setActive.isPending} onClick={toggle}>
              {type.active ? t('common.deactivate') : t('common.reactivate')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The district's observation types: scored (against the role rubric) and walkthroughs (look-fors). */
export function ObservationTypesPanel() {
  const { t } = useTranslation('settings');
  const types = useObservationTypes('all');
  const [editing, setEditing] = useState<ObservationType | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Text>{t('types.intro')}</Text>
        <Button onClick={() => setEditing('new')}>{t('types.add')}</Button>
      </Group>
      <ErrorAlert error={types.error} />
      {types.isPending ? <Loading /> : null}
      {types.data ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {types.data.items.map((type) => (
            <TypeCard key={type.id} type={type} onEdit={() => setEditing(type)} />
          ))}
        </SimpleGrid>
      ) : null}
      {editing ? (
        <ObservationTypeModal
          type={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notifySuccess(t('types.saved', { name: saved.name }));
          }}
        />
      ) : null}
    </Stack>
  );
}
