import { Anchor, Select, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TRANSLATABLE_TYPES, type TranslatableType } from '../../../common/schemas/translations.ts';
import { useMe } from '../../api/session.ts';
import { useTranslationTable } from '../../api/translations.ts';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { TranslationRow } from './TranslationRow.tsx';
import { TranslationsFile } from './TranslationsFile.tsx';

const isType = (v: string): v is TranslatableType => (TRANSLATABLE_TYPES as string[]).includes(v);

/**
 * Spanish beside each original of the district's content (HR and admins): readers of Spanish see
 * the Spanish text, everyone else the original. Rubric descriptors are translated one rubric at a
 * time (`?type=rubric_descriptor&parent=<rubric id>`, linked from the rubric page).
 */
export default function TranslationsPage() {
  const { t } = useTranslation('district');
  const me = useMe();
  const [state, setState] = useUrlState({ type: 'scale_level', parent: '' });
  const entityType: TranslatableType = isType(state.type) ? state.type : 'scale_level';
  const parentId = state.parent || undefined;
  const needsRubric = entityType === 'rubric_descriptor' && !parentId;
  const table = useTranslationTable(entityType, parentId, me.abilities.manageFrameworks && !needsRubric);
  if (!me.abilities.manageFrameworks) return <NotAllowed />;
  const done = table.data?.rows.filter((r) => r.text).length ?? 0;
  return (
    <Stack gap="md">
      <PageHeader title={t('translations.title')} subtitle={t('translations.subtitle')} />
      <Select
        label={t('translations.content')}
        data={TRANSLATABLE_TYPES.map((type) => ({ value: type, label: t(`translations.types.${type}`) }))}
        value={entityType}
        onChange={(v) => setState({ type: v ?? 'scale_level', parent: '' })}
        allowDeselect={false}
        maw={360}
      />
      {needsRubric ? (
        <Text>
          {t('translations.pickRubric')}{' '}
          <Anchor component={Link} to="/frameworks">
            {t('translations.toFrameworks')}
          </Anchor>
        </Text>
      ) : null}
      {needsRubric ? null : <TranslationsFile entityType={entityType} parentId={parentId} />}
      <ErrorAlert error={table.error} />
      {needsRubric ? null : !table.data ? (
        table.error ? null : (
          <Loading />
        )
      ) : table.data.rows.length === 0 ? (
        <Text c="dimmed">{t('translations.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('translations.progress', {
              count: table.data.rows.length,
              done: formatNumber(done),
              total: formatNumber(table.data.rows.length),
            })}
          </Text>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {table.data.rows.map((row) => (
              <TranslationRow key={`${row.entityId}:${row.field}:${row.version}`} row={row} entityType={entityType} parentId={parentId} />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
