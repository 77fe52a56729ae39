import { Button, Checkbox, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddCriteria, useVersionItemsForRubrics, type VersionItem } from '../../api/rubrics.ts';
import { formatNumber } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';

const SHOWN = 150;

/** Items of the version as pickable competencies, with their depth in the tree (for indenting). */
export function pickableItems(items: VersionItem[], exclude: Set<string>) {
  const depth = new Map<string, number>();
  for (const item of items) depth.set(item.id, item.parentId ? (depth.get(item.parentId) ?? 0) + 1 : 0);
  return items.filter((i) => !i.retired && !exclude.has(i.id)).map((i) => ({ ...i, depth: depth.get(i.id) ?? 0 }));
}

export const itemLabel = (i: { humanCode: string | null; fullStatement: string }) =>
  [i.humanCode, i.fullStatement].filter(Boolean).join(' ');

/** A searchable checklist of a version's items. */
export function ItemChecklist({
  versionId,
  exclude,
  selected,
  onChange,
}: {
  versionId: string;
  exclude: Set<string>;
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation('pathways');
  const items = useVersionItemsForRubrics(versionId);
  const [q, setQ] = useState('');
  const all = useMemo(() => pickableItems(items.data?.items ?? [], exclude), [items.data, exclude]);
  const needle = q.trim().toLowerCase();
  const matching = needle ? all.filter((i) => itemLabel(i).toLowerCase().includes(needle)) : all;
  if (items.error) return <ErrorAlert error={items.error} />;
  if (!items.data) return <Loading />;
  return (
    <Stack gap="xs">
      <TextInput type="search" label={t('rubric.searchItems')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <Text size="sm" c="dimmed" role="status">
        {t('rubric.itemsSelected', { count: selected.length, formatted: formatNumber(selected.length) })}
      </Text>
      <ScrollArea.Autosize mah={360} type="auto">
        <Checkbox.Group value={selected} onChange={onChange} label={t('rubric.competencies')}>
          <Stack gap={6} mt="xs">
            {matching.slice(0, SHOWN).map((i) => (
              <Checkbox key={i.id} value={i.id} label={itemLabel(i)} pl={i.depth * 16} />
            ))}
          </Stack>
        </Checkbox.Group>
      </ScrollArea.Autosize>
      {matching.length > SHOWN ? (
        <Text size="sm" c="dimmed">
          {t('rubric.refineSearch', { shown: formatNumber(SHOWN), total: formatNumber(matching.length) })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Adds competencies of the version to a draft rubric (one criterion each, empty descriptors). */
export function AddCriteriaModal({
  rubricId,
  versionId,
  present,
  onClose,
}: {
  rubricId: string;
  versionId: string;
  present: Set<string>;
  onClose: () => void;
}) {
  const { t } = useTranslation('pathways');
  const add = useAddCriteria();
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <AppModal opened onClose={onClose} title={t('rubric.addCriteriaTitle')}>
      <Stack>
        <ErrorAlert error={add.error} />
        <ItemChecklist versionId={versionId} exclude={present} selected={selected} onChange={setSelected} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={selected.length === 0}
            loading={add.isPending}
            onClick={() => add.mutate({ rubricId, itemIds: selected }, { onSuccess: onClose })}
          >
            {t('rubric.addCriteria')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
