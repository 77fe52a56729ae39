import { Alert, Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VersionStatus } from '../../../common/competency.ts';
import type { FrameworkItem, ItemRef } from '../../api/frameworks.ts';
import { isApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';

const STATUS_COLORS: Record<VersionStatus, string> = { draft: 'blue', published: 'green', retired: 'gray' };

/** "Draft", "Published" or "Superseded" as a badge. */
export function StatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useTranslation('frameworks');
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'} style={{ flexShrink: 0 }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

const KIND_COLORS: Record<string, string> = {
  unchanged: 'gray',
  changed: 'blue',
  moved: 'blue',
  split: 'grape',
  merged: 'grape',
  new: 'green',
  added: 'green',
  retired: 'red',
  removed: 'red',
};

/** A crosswalk or comparison kind ("Changed", "Split", "New"...) as a badge. */
export function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation('frameworks');
  return (
    <Badge variant="light" color={KIND_COLORS[kind] ?? 'gray'} style={{ flexShrink: 0 }}>
      {t(`kind.${kind}`)}
    </Badge>
  );
}

/** "2a Plans lessons…" : an item's human code and statement, for lists and labels. */
export function itemLabel(item: Pick<ItemRef, 'humanCode' | 'fullStatement'> | null | undefined): string {
  if (!item) return '';
  return item.humanCode ? `${item.humanCode} ${item.fullStatement}` : item.fullStatement;
}

/** The label of an item type in this version (its own title when it defines one). */
export function itemTypeTitle(t: TFunction, types: { code: string; title: string }[], code: string): string {
  return types.find((type) => type.code === code)?.title || t(`itemType.${code}`, { defaultValue: code });
}

/** Children of each parent (null = top level), sorted by position. */
export function childrenByParent(items: FrameworkItem[]): Map<string | null, FrameworkItem[]> {
  const map = new Map<string | null, FrameworkItem[]>();
  for (const item of items) {
    const list = map.get(item.parentId) ?? [];
    list.push(item);
    map.set(item.parentId, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.position - b.position);
  return map;
}

/**
 * The message for a refused framework action, in the reader's language: the server's reason for an
 * `invalid_state` (has evidence, has children, a draft exists, in use) when it gives one.
 */
export function frameworkErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error, 'invalid_state')) {
    const details = error.details as { reason?: string; status?: string } | null;
    if (details?.reason) return t(`frameworks:reason.${details.reason}`, { defaultValue: t('frameworks:reason.other') });
    // Without a reason, a version that is no longer a draft refused a change.
    if (details?.status && details.status !== 'draft') return t('frameworks:reason.published');
    return t('frameworks:reason.other');
  }
  return errorMessage(t, error);
}

/** A failed framework request as an alert, with the server's reason when it gives one. */
export function FrameworkError({ error }: { error: unknown }) {
  const { t } = useTranslation('frameworks');
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={t('error.title')}>
      {frameworkErrorMessage(t, error)}
    </Alert>
  );
}
