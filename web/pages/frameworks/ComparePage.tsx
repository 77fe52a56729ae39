import { Anchor, Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { CHANGE_KINDS, useCompare, useFramework, type VersionComparison } from '../../api/frameworks.ts';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { KindBadge, itemLabel } from './shared.tsx';
import { wordDiff, type DiffPart } from './wordDiff.ts';

type Change = VersionComparison['changes'][number];

/** One change: what it was and what it is now, side by side (stacked on a phone), and which fields changed. */
function ChangeCard({ change, fromName, toName }: { change: Change; fromName: string; toName: string }) {
  const { t } = useTranslation('frameworks');
  const diff =
    change.item && change.previousItem && change.fields.includes('fullStatement')
      ? wordDiff(change.previousItem.fullStatement, change.item.fullStatement)
      : null;
  const statement = (parts: DiffPart[] | undefined, text: string, removed: boolean) =>
    parts
      ? parts.map((part, k) =>
          part.changed ? (
            <Text
              key={k}
              component={removed ? 'del' : 'ins'}
              size="sm"
              bg={removed ? 'red.0' : 'green.0'}
              td={removed ? 'line-through' : 'none'}
              fw={removed ? undefined : 600}
            >
              {part.text}
            </Text>
          ) : (
            <span key={k}>{part.text}</span>
          ),
        )
      : text;
  const side = (label: string, item: Change['item'], parts?: DiffPart[], removed = false) => (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {item ? (
        <Text size="sm">
          {item.humanCode ? (
            <>
              <Text component="span" size="sm" fw={700}>
                {item.humanCode}
              </Text>{' '}
            </>
          ) : null}
          {statement(parts, item.fullStatement, removed)}
        </Text>
      ) : (
        <Text size="sm" fs="italic">
          {t('compare.absent')}
        </Text>
      )}
    </Stack>
  );
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap="xs">
        <Group gap="xs">
          <KindBadge kind={change.kind} />
          {change.fields.length > 0 ? (
            <Text size="sm">
              {t('compare.fieldsChanged', { fields: change.fields.map((f) => t(`field.${f}`, { defaultValue: f })).join(', ') })}
            </Text>
          ) : null}
        </Group>
        {change.kind === 'unchanged' ? (
          <Text size="sm">{itemLabel(change.item)}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {side(fromName, change.previousItem, diff?.before, true)}
            {side(toName, change.item, diff?.after)}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

/** What changed between any two versions of a framework: counts, then every change with old and new text. */
export default function ComparePage() {
  const { t } = useTranslation('frameworks');
  const { id = '' } = useParams();
  const [params, setParams] = useUrlState({ from: '', to: '' });
  const framework = useFramework(id);
  const compare = useCompare(id, params.from, params.to);
  const [showUnchanged, setShowUnchanged] = useState(false);
  if (isApiError(framework.error, 'not_found')) return <NotFoundPage />;
  if (framework.error) return <ErrorAlert error={framework.error} />;
  if (!framework.data) return <Loading />;
  const f = framework.data;
  const number = (versionId: string) => f.versions.find((x) => x.id === versionId)?.versionNumber ?? '';
  const name = (versionId: string) => {
    const v = f.versions.find((x) => x.id === versionId);
    return v ? t('version.name', { number: v.versionNumber }) : '';
  };
  const options = f.versions.map((v) => ({
    value: v.id,
    label: `${t('version.name', { number: v.versionNumber })} · ${t(`status.${v.status}`)}`,
  }));
  const changes = (compare.data?.changes ?? []).filter((c) => showUnchanged || c.kind !== 'unchanged');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/frameworks/${f.id}`} size="sm">
        {t('version.back', { title: f.title })}
      </Anchor>
      <PageHeader
        title={t('compare.title', { title: f.title })}
        subtitle={params.from && params.to ? t('compare.subtitle', { from: number(params.from), to: number(params.to) }) : undefined}
      />
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('compare.from')}
          value={params.from}
          onChange={(e) => setParams({ from: e.currentTarget.value })}
          data={[{ value: '', label: t('compare.choose') }, ...options]}
        />
        <NativeSelect
          label={t('compare.to')}
          value={params.to}
          onChange={(e) => setParams({ to: e.currentTarget.value })}
          data={[{ value: '', label: t('compare.choose') }, ...options]}
        />
      </Group>
      <ErrorAlert error={compare.error} />
      {params.from && params.to && compare.isPending ? <Loading /> : null}
      {compare.data ? (
        <>
          <Group gap="xs" component="ul" aria-label={t('compare.countsLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {CHANGE_KINDS.map((kind) => (
              <li key={kind}>
                <Badge variant="outline" color="gray.7" size="lg" tt="none">
                  {t(`kind.${kind}`)}: {formatNumber(compare.data.counts[kind] ?? 0)}
                </Badge>
              </li>
            ))}
          </Group>
          <Switch
            label={t('crosswalk.showUnchanged')}
            checked={showUnchanged}
            onChange={(e) => setShowUnchanged(e.currentTarget.checked)}
          />
          {changes.length === 0 ? <Text role="status">{t('compare.none')}</Text> : null}
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('compare.listLabel')}>
            {changes.map((change, index) => (
              <ChangeCard
                key={`${change.item?.id ?? ''}-${change.previousItem?.id ?? ''}-${index}`}
                change={change}
                fromName={name(params.from)}
                toName={name(params.to)}
              />
            ))}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
