import { Alert, Anchor, Button, Group, Paper, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import {
  useMoveItem,
  useRetireItem,
  useSplitItem,
  useVersion,
  useVersionItems,
  type FrameworkItem,
  type FrameworkVersion,
} from '../../api/frameworks.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { ExportMenu } from '../case/ExportMenu.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import VersionRubrics from '../rubrics/VersionRubrics.tsx';
import { CrosswalkView, PublishModal } from './Crosswalk.tsx';
import { useStartNewVersion } from './FrameworkPage.tsx';
import { ItemDrawer } from './ItemDrawer.tsx';
import { AddItemModal, DeleteItemModal, MergeModal, type NewItemPlace } from './ItemModals.tsx';
import { ItemTree, type TreeActions } from './ItemTree.tsx';
import { VersionDetails } from './VersionDetails.tsx';
import { FrameworkError, StatusBadge, childrenByParent, itemLabel } from './shared.tsx';

/** The item type one level below `code` in the version's list (the last one stays the last). */
function typeBelow(version: FrameworkVersion, code: string | null): string {
  const codes = version.itemTypes.map((type) => type.code);
  const index = code ? codes.indexOf(code) : -1;
  return codes[Math.min(index + 1, codes.length - 1)] ?? '';
}

/** Published: read-only, with "start new version"; superseded: kept for history; draft for a commenter. */
function VersionBanner({ version }: { version: FrameworkVersion }) {
  const { t } = useTranslation('frameworks');
  const start = useStartNewVersion();
  if (version.status === 'published') {
    return (
      <Alert color="blue" title={t('version.publishedTitle', { date: formatDate(version.publishedAt) })}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('version.publishedBody')}</Text>
          {version.abilities.newVersion ? (
            <Button size="sm" loading={start.pending} onClick={() => start.run(version.id)}>
              {t('version.startNew')}
            </Button>
          ) : null}
          <FrameworkError error={start.error} />
        </Stack>
      </Alert>
    );
  }
  if (version.status === 'retired') {
    return (
      <Alert color="gray" title={t('version.retiredTitle')}>
        <Text size="sm">{t('version.retiredBody', { date: formatDate(version.publishedAt) })}</Text>
      </Alert>
    );
  }
  if (!version.abilities.edit && version.abilities.comment) {
    return (
      <Alert color="blue" title={t('version.commenterTitle')}>
        <Text size="sm">{t('version.commenterBody')}</Text>
      </Alert>
    );
  }
  return null;
}

/** The items of a version as an editable tree (drafts) or a read-only one (published), with the crosswalk. */
function VersionItems({ version }: { version: FrameworkVersion }) {
  const { t } = useTranslation('frameworks');
  const data = useVersionItems(version.id);
  const move = useMoveItem(version.id);
  const retire = useRetireItem(version.id);
  const split = useSplitItem(version.id);
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState<NewItemPlace | null>(null);
  const [deleting, setDeleting] = useState<FrameworkItem | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [merging, setMerging] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const items = useMemo(() => data.data?.items ?? [], [data.data]);
  const tree = useMemo(() => childrenByParent(items), [items]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const editable = version.abilities.edit;
  const onFocused = useCallback(() => setFocusId(null), []);

  const actions: TreeActions = {
    open: (item) => setOpenId(item.id),
    addChild: (item) => setAdding({ parent: item, itemType: typeBelow(version, item.itemType) }),
    addSibling: (item) => {
      const siblings = tree.get(item.parentId) ?? [];
      setAdding({
        parent: item.parentId ? (byId.get(item.parentId) ?? null) : null,
        position: siblings.findIndex((s) => s.id === item.id) + 1,
        itemType: item.itemType ?? typeBelow(version, null),
      });
    },
    move: (item, parentId, position) => {
      const parent = parentId ? byId.get(parentId) : undefined;
      const total = (tree.get(parentId) ?? []).filter((s) => s.id !== item.id).length + 1;
      setFocusId(item.id);
      move.mutate(
        { id: item.id, version: item.version, parentId, position },
        {
          onSuccess: () =>
            setAnnouncement(
              parent
                ? t('tree.movedUnder', { item: itemLabel(item), position: position + 1, total, parent: itemLabel(parent) })
                : t('tree.movedTop', { item: itemLabel(item), position: position + 1, total }),
            ),
        },
      );
    },
    split: (item) =>
      split.mutate(
        { id: item.id, version: item.version },
        {
          onSuccess: (copy) => {
            notifySuccess(t('item.splitDone', { item: itemLabel(item) }));
            setOpenId(copy.id);
          },
        },
      ),
    retire: (item) =>
      retire.mutate(
        { id: item.id, version: item.version, retire: !item.retired },
        {
          onSuccess: () =>
            notifySuccess(
              item.retired ? t('item.reactivatedDone', { item: itemLabel(item) }) : t('item.retiredDone', { item: itemLabel(item) }),
            ),
        },
      ),
    remove: (item) => setDeleting(item),
  };

  const toggleSelect = useCallback(
    (id: string) =>
      setSelected((previous) => {
        const next = new Set(previous);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const toggleCollapsed = useCallback(
    (id: string) =>
      setCollapsed((previous) => {
        const next = new Set(previous);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const parents = [...tree.keys()].filter((id): id is string => id !== null && (tree.get(id)?.length ?? 0) > 0);
  const stopSelecting = () => {
    setSelecting(false);
    setSelected(new Set());
  };

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return <Loading />;
  const openItem = openId ? (byId.get(openId) ?? null) : null;

  return (
    <Stack gap="sm">
      {editable ? (
        <Group gap="xs">
          <Button variant="default" onClick={() => setAdding({ parent: null, itemType: typeBelow(version, null) })}>
            {t('tree.addTop', { type: (version.itemTypes[0]?.title ?? '').toLocaleLowerCase() })}
          </Button>
          {selecting ? null : (
            <Button variant="default" onClick={() => setSelecting(true)} disabled={items.length < 2}>
              {t('merge.start')}
            </Button>
          )}
        </Group>
      ) : null}
      {parents.length > 0 ? (
        <Group gap="xs">
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setCollapsed(new Set(items.filter((i) => !i.parentId && parents.includes(i.id)).map((i) => i.id)))}
          >
            {t('tree.collapseAll')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setCollapsed(new Set())} disabled={collapsed.size === 0}>
            {t('tree.expandAll')}
          </Button>
        </Group>
      ) : null}
      {selecting ? (
        <Paper withBorder p="sm" bg="gray.0">
          <Group justify="space-between" gap="xs">
            <Text size="sm" role="status">
              {t('merge.selected', { count: selected.size, formatted: formatNumber(selected.size) })}
            </Text>
            <Group gap="xs">
              <Button size="xs" disabled={selected.size < 2} onClick={() => setMerging(true)}>
                {t('merge.open')}
              </Button>
              <Button size="xs" variant="default" onClick={stopSelecting}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}
      <FrameworkError error={move.error ?? retire.error ?? split.error} />
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      {items.length === 0 ? <Text>{editable ? t('tree.emptyEditor') : t('tree.empty')}</Text> : null}
      {editable && items.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('tree.help')}
        </Text>
      ) : null}
      <ItemTree
        version={version}
        tree={tree}
        byId={byId}
        editable={editable}
        actions={actions}
        selecting={selecting}
        selected={selected}
        onToggleSelect={toggleSelect}
        collapsed={collapsed}
        onToggleCollapsed={toggleCollapsed}
        focusId={focusId}
        onFocused={onFocused}
      />
      <ItemDrawer version={version} item={openItem} items={items} associations={data.data.associations} onClose={() => setOpenId(null)} />
      {adding ? (
        <AddItemModal
          version={version}
          place={adding}
          onClose={() => setAdding(null)}
          onCreated={(item) => {
            setAdding(null);
            setFocusId(item.id);
          }}
        />
      ) : null}
      {deleting ? <DeleteItemModal version={version} item={deleting} onClose={() => setDeleting(null)} /> : null}
      {merging ? (
        <MergeModal
          version={version}
          items={items.filter((item) => selected.has(item.id))}
          onClose={() => setMerging(false)}
          onMerged={() => {
            setMerging(false);
            stopSelecting();
          }}
        />
      ) : null}
    </Stack>
  );
}

/** One version of a framework: its items (a tree editor for a draft), crosswalk, and publishing. */
export default function VersionPage() {
  const { t } = useTranslation('frameworks');
  const { versionId = '' } = useParams();
  const version = useVersion(versionId);
  const [publishing, setPublishing] = useState(false);
  // The open tab is in the URL (?tab=rubrics), so links and Back land on it.
  const [{ tab }, setUrl] = useUrlState({ tab: 'items' });
  if (isApiError(version.error, 'not_found')) return <NotFoundPage />;
  if (version.error) return <ErrorAlert error={version.error} />;
  if (!version.data) return <Loading />;
  const v = version.data;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/frameworks/${v.frameworkId}`} size="sm">
        {t('version.back', { title: v.frameworkTitle })}
      </Anchor>
      <PageHeader
        title={t('version.pageTitle', { title: v.title, number: v.versionNumber })}
        subtitle={
          <Group component="span" gap="xs">
            <StatusBadge status={v.status} />
            <span>
              {t('list.itemCount', { count: v.itemCount, formatted: formatNumber(v.itemCount) })}
              {v.openCommentCount > 0
                ? ` · ${t('item.openComments', { count: v.openCommentCount, formatted: formatNumber(v.openCommentCount) })}`
                : ''}
            </span>
          </Group>
        }
        actions={
          <>
            <ExportMenu versionId={v.id} />
            {v.abilities.publish ? <Button onClick={() => setPublishing(true)}>{t('publish.open')}</Button> : null}
          </>
        }
      />
      <VersionBanner version={v} />
      <Tabs value={tab} onChange={(value) => setUrl({ tab: value ?? 'items' })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="items">{t('version.itemsTab')}</Tabs.Tab>
          {v.basedOnVersionId ? (
            <Tabs.Tab value="crosswalk">{v.status === 'draft' ? t('version.previewTab') : t('version.crosswalkTab')}</Tabs.Tab>
          ) : null}
          <Tabs.Tab value="rubrics">{t('version.rubricsTab')}</Tabs.Tab>
          <Tabs.Tab value="details">{t('version.detailsTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="items" pt="md">
          <VersionItems version={v} />
        </Tabs.Panel>
        {v.basedOnVersionId ? (
          <Tabs.Panel value="crosswalk" pt="md">
            <CrosswalkView version={v} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="rubrics" pt="md">
          <VersionRubrics versionId={v.id} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <VersionDetails version={v} />
        </Tabs.Panel>
      </Tabs>
      {publishing ? <PublishModal version={v} onClose={() => setPublishing(false)} /> : null}
    </Stack>
  );
}
