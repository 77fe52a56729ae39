import { Box, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../app/format.ts';

/** Bookkeeping columns that change on every write and say nothing to a reader. */
const HIDDEN_KEYS = new Set([
  'updatedAt',
  'createdAt',
  'version',
  'searchText',
  'districtId',
  'id',
  'passwordHash',
  'personId',
  'orgUnitId',
  'parentId',
]);

/** Values that are codes: shown through the same translations as everywhere else. */
const CODED_KEYS: Record<string, string> = { locale: 'language', role: 'role', type: 'orgUnitType', adminGrant: 'access' };

type Row = Record<string, unknown>;

function asRow(value: unknown): Row {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : {};
}

/** Keys whose values differ between `before` and `after`, in a stable order. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const a = asRow(before);
  const b = asRow(after);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !HIDDEN_KEYS.has(key) && JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

function formatValue(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  const coded = CODED_KEYS[key];
  if (coded && typeof value === 'string') return t(`${coded}.${value}`, { defaultValue: value });
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** What changed in one audit entry, as "field: old → new" lines. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const keys = changedKeys(before, after);
  if (keys.length === 0) return <Text size="sm">{t('audit.noChanges')}</Text>;
  const a = asRow(before);
  const b = asRow(after);
  const hasBefore = before !== null && before !== undefined;
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px' }}>
      {keys.map((key) => (
        <Box key={key} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" fw={600}>
            {t(`field.${key}`, { defaultValue: key })}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {hasBefore ? (
              <>
                <VisuallyHidden>{t('audit.before')}: </VisuallyHidden>
                <del>{formatValue(t, key, a[key])}</del>
                <span aria-hidden="true"> → </span>
                <VisuallyHidden>, {t('audit.after')}: </VisuallyHidden>
              </>
            ) : null}
            <ins style={{ textDecoration: 'none', fontWeight: 500 }}>{formatValue(t, key, b[key])}</ins>
          </Text>
        </Box>
      ))}
    </Box>
  );
}
