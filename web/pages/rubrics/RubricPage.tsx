import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FrameworkComment } from '../../../common/schemas/frameworks.ts';
import type { GridCriterion, GridLevel, RubricGrid } from '../../../common/schemas/rubrics.ts';
import { isApiError } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { rubricExportUrl, useGridComments, useRemoveCriterion, useReorderCriteria, useRubricGrid } from '../../api/rubrics.ts';
import { formatNumber } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { AddCriteriaModal, itemLabel } from './AddCriteriaModal.tsx';
import { DescriptorCell, type SaveState } from './DescriptorCell.tsx';
import { byDescriptor, CommentsButton, DescriptorCommentsDrawer, type CommentTarget } from './DescriptorComments.tsx';
import './rubric.css';

const competencyOf = (c: GridCriterion) => (c.item ? itemLabel(c.item) : (c.description ?? ''));

/** The grid-wide autosave status: "Not saved" wins over "Saving…", which wins over "Saved". */
function overall(states: Record<string, SaveState>): 'none' | 'saving' | 'saved' | 'notSaved' {
  const values = Object.values(states);
  if (values.some((s) => s === 'error' || s === 'conflict')) return 'notSaved';
  if (values.some((s) => s === 'saving' || s === 'dirty')) return 'saving';
  if (values.some((s) => s === 'saved')) return 'saved';
  return 'none';
}

function LevelHeader({ level }: { level: GridLevel }) {
  const { t } = useTranslation('pathways');
  return (
    <Stack gap={2}>
      <span>{level.label}</span>
      <Text span size="xs" c="dimmed" fw={400}>
        {level.levelScore !== null ? formatNumber(level.levelScore) : ''}
        {level.proficient ? ` · ${t('rubric.proficient')}` : ''}
      </Text>
    </Stack>
  );
}

function CompetencyHeading({ criterion }: { criterion: GridCriterion }) {
  const { t } = useTranslation('pathways');
  return (
    <Stack gap={2}>
      {criterion.domain ? (
        <Text size="xs" c="dimmed">
          {itemLabel(criterion.domain)}
        </Text>
      ) : null}
      <Text fw={600} size="sm">
        {competencyOf(criterion)}
      </Text>
      {criterion.item?.retired ? (
        <Badge size="xs" color="gray" variant="light">
          {t('rubric.retired')}
        </Badge>
      ) : null}
    </Stack>
  );
}

/** The design team's comments on a draft's descriptors (null when not shown: published, or not loaded). */
interface CommentsView {
  byDescriptor: Map<string, FrameworkComment[]>;
  open: (target: CommentTarget) => void;
}

const NO_COMMENTS: FrameworkComment[] = [];

function Cell({
  grid,
  criterion,
  index,
  onState,
  comments,
}: {
  grid: RubricGrid;
  criterion: GridCriterion;
  index: number;
  onState: (id: string, s: SaveState) => void;
  comments: CommentsView | null;
}) {
  const { t } = useTranslation('pathways');
  const level = grid.levels[index]!;
  const d = criterion.descriptors[index];
  if (!d) return <Text c="dimmed">—</Text>;
  const cell = t('rubric.cellLabel', { level: level.label, competency: competencyOf(criterion) });
  const button = comments ? (
    <CommentsButton
      comments={comments.byDescriptor.get(d.id) ?? NO_COMMENTS}
      cell={cell}
      onOpen={() => comments.open({ descriptor: d, cell })}
    />
  ) : null;
  if (!grid.abilities.edit) {
    return (
      <Stack gap={0} align="flex-start">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {d.description || '—'}
        </Text>
        {button}
      </Stack>
    );
  }
  return (
    <>
      <DescriptorCell descriptor={d} label={cell} onState={onState} />
      {button}
    </>
  );
}

function CriterionActions({ grid, index, onRemove }: { grid: RubricGrid; index: number; onRemove: (c: GridCriterion) => void }) {
  const { t } = useTranslation('pathways');
  const reorder = useReorderCriteria();
  const c = grid.criteria[index]!;
  const name = competencyOf(c);
  const move = (delta: number) => {
    const ids = grid.criteria.map((x) => x.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    reorder.mutate({ rubricId: grid.rubric.id, version: grid.rubric.version, criterionIds: ids });
  };
  return (
    <Group gap={4} className="no-print" mt={4}>
      <Button
        size="compact-xs"
        variant="default"
        disabled={index === 0 || reorder.isPending}
        onClick={() => move(-1)}
        aria-label={t('rubric.moveUpNamed', { name })}
      >
        {t('step.moveUp')}
      </Button>
      <Button
        size="compact-xs"
        variant="default"
        disabled={index === grid.criteria.length - 1 || reorder.isPending}
        onClick={() => move(1)}
        aria-label={t('rubric.moveDownNamed', { name })}
      >
        {t('step.moveDown')}
      </Button>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemove(c)} aria-label={t('rubric.removeNamed', { name })}>
        {t('rubric.remove')}
      </Button>
      {reorder.error ? <ErrorAlert error={reorder.error} /> : null}
    </Group>
  );
}

/**
 * Competencies down, levels across; below the phone breakpoint the stylesheet stacks each
 * competency's levels under it (one layout, so a rotation never remounts a cell being typed in).
 */
function GridTable({
  grid,
  onState,
  onRemove,
  comments,
}: {
  grid: RubricGrid;
  onState: (id: string, s: SaveState) => void;
  onRemove: (c: GridCriterion) => void;
  comments: CommentsView | null;
}) {
  const { t } = useTranslation('pathways');
  return (
    <Table
      className="rubric-grid"
      withTableBorder
      withColumnBorders
      layout="fixed"
      verticalSpacing="sm"
      aria-label={t('rubric.gridLabel', { name: grid.rubric.title })}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th style={{ width: '20%' }}>{t('rubric.competency')}</Table.Th>
          {grid.levels.map((level) => (
            <Table.Th key={level.position} scope="col">
              <LevelHeader level={level} />
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {grid.criteria.map((c, ci) => (
          <Table.Tr key={c.id}>
            <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
              <CompetencyHeading criterion={c} />
              {grid.abilities.edit ? <CriterionActions grid={grid} index={ci} onRemove={onRemove} /> : null}
            </Table.Th>
            {grid.levels.map((level, li) => (
              <Table.Td key={level.position} style={{ verticalAlign: 'top' }}>
                <Text className="rubric-cell-level" fw={600} size="sm" aria-hidden="true">
                  {level.label}
                  {level.levelScore !== null ? ` (${formatNumber(level.levelScore)})` : ''}
                </Text>
                <Cell grid={grid} criterion={c} index={li} onState={onState} comments={comments} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A role rubric: the grid of competencies x levels, edited with autosave while the version is a draft. */
export default function RubricPage() {
  const { t, i18n } = useTranslation('pathways');
  const { id = '' } = useParams();
  const grid = useRubricGrid(id);
  const me = useMe();
  const remove = useRemoveCriterion();
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<GridCriterion | null>(null);
  const onState = useCallback(
    (descriptorId: string, s: SaveState) => setStates((prev) => (prev[descriptorId] === s ? prev : { ...prev, [descriptorId]: s })),
    [],
  );
  const status = overall(states);
  // Design-team comments: on a draft, for its editors and design team, one request for the whole grid.
  const commenting = !!grid.data && grid.data.frameworkVersion.status === 'draft' && grid.data.abilities.comment;
  const comments = useGridComments(grid.data?.frameworkVersion.id ?? '', commenting);
  const grouped = useMemo(() => byDescriptor(comments.data?.items ?? []), [comments.data]);
  const [commentTarget, setCommentTarget] = useState<CommentTarget | null>(null);
  const commentsView = useMemo<CommentsView | null>(
    () => (commenting && comments.data ? { byDescriptor: grouped, open: setCommentTarget } : null),
    [commenting, comments.data, grouped],
  );

  useEffect(() => {
    if (status !== 'saving' && status !== 'notSaved') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [status]);

  if (isApiError(grid.error, 'not_found')) return <NotFoundPage />;
  if (grid.error) return <ErrorAlert error={grid.error} />;
  if (!grid.data) return <Loading />;
  const g = grid.data;
  const v = g.frameworkVersion;
  const statusLabel = { none: '', saving: t('autosave.saving'), saved: t('autosave.saved'), notSaved: t('autosave.notSaved') }[status];

  return (
    <Stack gap="md" className="rubric-print-root">
      {g.step ? (
        <Anchor component={Link} to={`/pathways/${g.step.pathwayId}`} size="sm" className="no-print">
          {t('rubric.backToPathway', { name: g.step.pathwayName })}
        </Anchor>
      ) : null}
      <PageHeader
        title={g.rubric.title}
        subtitle={
          <>
            {g.step ? `${g.step.pathwayName} · ${g.step.title} · ` : ''}
            {t('rubric.versionLine', { framework: v.frameworkTitle, version: formatNumber(v.versionNumber) })}{' '}
            <Badge variant="light" color={v.status === 'draft' ? 'yellow' : v.status === 'published' ? 'green' : 'gray'}>
              {t(`status.${v.status}`)}
            </Badge>
          </>
        }
        actions={
          <Group gap="xs" className="no-print">
            <Button variant="default" component="a" href={rubricExportUrl(g.rubric.id, 'pdf', i18n.language)} download>
              {t('rubric.downloadPdf')}
            </Button>
            <Button variant="default" component="a" href={rubricExportUrl(g.rubric.id, 'docx', i18n.language)} download>
              {t('rubric.downloadDocx')}
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              {t('rubric.print')}
            </Button>
            {me.abilities.manageFrameworks ? (
              <Button variant="default" component={Link} to={`/settings/translations?type=rubric_descriptor&parent=${g.rubric.id}`}>
                {t('rubric.translate')}
              </Button>
            ) : null}
          </Group>
        }
      />
      {g.rubric.description ? <Text>{g.rubric.description}</Text> : null}
      <Group justify="space-between" className="no-print">
        {g.abilities.edit ? (
          <Text size="sm" c="dimmed">
            {t('rubric.editHelp')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {v.status !== 'draft'
              ? t('rubric.readOnlyPublished')
              : g.abilities.comment
                ? t('rubric.commenterHelp')
                : t('rubric.readOnlyDraft')}
          </Text>
        )}
        {g.abilities.edit ? (
          <Group gap="sm">
            <Text
              size="sm"
              role="status"
              aria-live="polite"
              fw={600}
              c={status === 'notSaved' ? 'red.8' : undefined}
              data-testid="autosave-status"
            >
              {statusLabel}
            </Text>
            <Button size="sm" onClick={() => setAdding(true)}>
              {t('rubric.addCriteria')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {g.criteria.length === 0 ? (
        <Text role="status">{g.abilities.edit ? t('rubric.emptyEditor') : t('rubric.empty')}</Text>
      ) : (
        <GridTable grid={g} onState={onState} onRemove={setRemoving} comments={commentsView} />
      )}
      {comments.error ? <ErrorAlert error={comments.error} /> : null}
      {commenting ? (
        <DescriptorCommentsDrawer
          versionId={v.id}
          target={commentTarget}
          comments={commentTarget ? (grouped.get(commentTarget.descriptor.id) ?? []) : []}
          canComment={g.abilities.comment}
          onClose={() => setCommentTarget(null)}
        />
      ) : null}
      {adding ? (
        <AddCriteriaModal
          rubricId={g.rubric.id}
          versionId={v.id}
          present={new Set(g.criteria.flatMap((c) => (c.item ? [c.item.id] : [])))}
          onClose={() => setAdding(false)}
        />
      ) : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('rubric.removeTitle')}
        confirmLabel={t('rubric.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      >
        {removing ? t('rubric.removeBody', { name: competencyOf(removing) }) : ''}
      </ConfirmModal>
    </Stack>
  );
}
