import { Alert, Group, Paper, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAPPING_KINDS } from '../../../common/competency.ts';
import { isApiError } from '../../api/client.ts';
import { useCrosswalk, usePublishVersion, type Crosswalk, type FrameworkVersion } from '../../api/frameworks.ts';
import { formatNumber } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { FrameworkError, KindBadge, itemLabel } from './shared.tsx';

/** How many items are unchanged, changed, split, merged, new and retired. */
export function CrosswalkCounts({ counts, label, narrow }: { counts: Crosswalk['counts']; label: string; narrow?: boolean }) {
  const { t } = useTranslation('frameworks');
  return (
    <SimpleGrid cols={narrow ? 3 : { base: 3, sm: 6 }} spacing="xs" component="dl" aria-label={label} m={0}>
      {MAPPING_KINDS.map((kind) => (
        <Paper key={kind} withBorder p="xs" style={{ textAlign: 'center' }}>
          <Text component="dt" size="sm">
            {t(`kind.${kind}`)}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl">
            {formatNumber(counts[kind] ?? 0)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Each item of this version beside the item(s) of the previous version it maps to. */
export function CrosswalkList({ crosswalk, showUnchanged }: { crosswalk: Crosswalk; showUnchanged: boolean }) {
  const { t } = useTranslation('frameworks');
  const rows = crosswalk.mappings.filter((m) => showUnchanged || m.kind !== 'unchanged');
  if (rows.length === 0) return <Text size="sm">{t('crosswalk.noChanges')}</Text>;
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('crosswalk.listLabel')}>
      {rows.map((m, index) => (
        <Paper component="li" key={`${m.item?.id ?? ''}-${m.previousItem?.id ?? ''}-${index}`} withBorder p="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <KindBadge kind={m.kind} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm">
                <Text component="span" size="sm" fw={600}>
                  {t('crosswalk.now')}{' '}
                </Text>
                {m.item ? itemLabel(m.item) : t('crosswalk.none')}
              </Text>
              <Text size="sm" c="dimmed">
                <Text component="span" size="sm" fw={600}>
                  {t('crosswalk.before')}{' '}
                </Text>
                {m.previousItem ? itemLabel(m.previousItem) : t('crosswalk.none')}
              </Text>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/** The crosswalk of a version to the one it was based on (recorded when published, a preview for a draft). */
export function CrosswalkView({ version }: { version: FrameworkVersion }) {
  const { t } = useTranslation('frameworks');
  const crosswalk = useCrosswalk(version.id);
  const [showUnchanged, setShowUnchanged] = useState(false);
  if (crosswalk.error) return <ErrorAlert error={crosswalk.error} />;
  if (!crosswalk.data) return <Loading />;
  const c = crosswalk.data;
  if (!c.previousVersion) return <Text>{t('crosswalk.first')}</Text>;
  return (
    <Stack gap="sm">
      <Text>
        {version.status === 'draft'
          ? t('crosswalk.previewIntro', { number: c.previousVersion.versionNumber })
          : t('crosswalk.intro', { number: c.previousVersion.versionNumber })}
      </Text>
      <CrosswalkCounts counts={c.counts} label={t('crosswalk.countsLabel')} />
      <Switch label={t('crosswalk.showUnchanged')} checked={showUnchanged} onChange={(e) => setShowUnchanged(e.currentTarget.checked)} />
      <CrosswalkList crosswalk={c} showUnchanged={showUnchanged} />
    </Stack>
  );
}

/** Confirms publishing with the crosswalk preview; a published version can no longer change. */
export function PublishModal({ version, onClose }: { version: FrameworkVersion; onClose: () => void }) {
  const { t } = useTranslation('frameworks');
  const crosswalk = useCrosswalk(version.id);
  const publish = usePublishVersion(version.id);
  const stale = isApiError(publish.error, 'conflict');
  const onPublish = () =>
    publish.mutate(version.version, {
      onSuccess: (published) => {
        notifySuccess(t('publish.done', { number: published.versionNumber }));
        onClose();
      },
    });
  return (
    <AppModal opened onClose={onClose} title={t('publish.title', { number: version.versionNumber })}>
      <Stack>
        <Text size="sm">{t('publish.body')}</Text>
        {crosswalk.error ? <ErrorAlert error={crosswalk.error} /> : null}
        {crosswalk.isPending ? <Loading /> : null}
        {crosswalk.data ? (
          crosswalk.data.previousVersion ? (
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('crosswalk.previewIntro', { number: crosswalk.data.previousVersion.versionNumber })}
              </Text>
              <CrosswalkCounts counts={crosswalk.data.counts} label={t('crosswalk.countsLabel')} narrow />
              <CrosswalkList crosswalk={crosswalk.data} showUnchanged={false} />
            </Stack>
          ) : (
            <Text size="sm">{t('publish.first', { count: version.itemCount, formatted: formatNumber(version.itemCount) })}</Text>
          )
        ) : null}
        {stale ? (
          <Alert color="orange" role="alert" title={t('conflict.title')}>
            {t('publish.stale')}
          </Alert>
        ) : (
          <FrameworkError error={publish.error} />
        )}
        <FormModalFooter onCancel={onClose} saving={publish.isPending} submitLabel={t('publish.confirm')} onSubmit={onPublish} />
      </Stack>
    </AppModal>
  );
}
