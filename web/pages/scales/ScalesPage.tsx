import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useCreateScale, useMakeDefaultScale, useScales, useUpdateScale, type Scale } from '../../api/scales.ts';
import { useMe } from '../../api/session.ts';
import { formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FrameworkError } from '../frameworks/shared.tsx';

interface LevelDraft {
  id?: string;
  label: string;
  levelScore: number | '';
  description: string;
  proficient: boolean;
}

const blankLevels = (): LevelDraft[] => [
  { label: '', levelScore: 4, description: '', proficient: true },
  { label: '', levelScore: 3, description: '', proficient: true },
  { label: '', levelScore: 2, description: '', proficient: false },
  { label: '', levelScore: 1, description: '', proficient: false },
];

/** Problems with the levels a person typed, in their language (the server checks the same rules). */
function levelProblems(t: (key: string) => string, levels: LevelDraft[]): { form: string[]; rows: Record<number, string> } {
  const form: string[] = [];
  const rows: Record<number, string> = {};
  if (levels.length < 2) form.push(t('scales.tooFew'));
  if (!levels.some((l) => l.proficient)) form.push(t('scales.noProficient'));
  const seen = new Set<number>();
  levels.forEach((level, i) => {
    if (!level.label.trim()) rows[i] = t('scales.labelRequired');
    else if (level.levelScore === '') rows[i] = t('scales.scoreRequired');
    else if (seen.has(level.levelScore)) rows[i] = t('scales.scoreDuplicate');
    else if (i > 0 && typeof levels[i - 1]!.levelScore === 'number' && level.levelScore > (levels[i - 1]!.levelScore as number))
      rows[i] = t('scales.scoreOrder');
    if (typeof level.levelScore === 'number') seen.add(level.levelScore);
  });
  return { form, rows };
}

/** Creates a scale or edits one; a scale in use by a published version keeps its levels. */
function ScaleModal({ scale, onClose }: { scale: Scale | null; onClose: () => void }) {
  const { t } = useTranslation('frameworks');
  const create = useCreateScale();
  const update = useUpdateScale(scale?.id ?? '');
  const write = scale ? update : create;
  const [name, setName] = useState(scale?.name ?? '');
  const [description, setDescription] = useState(scale?.description ?? '');
  const [levels, setLevels] = useState<LevelDraft[]>(() =>
    scale
      ? scale.levels.map((l) => ({
          id: l.id,
          label: l.label,
          levelScore: l.levelScore,
          description: l.description ?? '',
          proficient: l.proficient,
        }))
      : blankLevels(),
  );
  const [version, setVersion] = useState(scale?.version ?? 1);
  const [submitted, setSubmitted] = useState(false);
  const lockedLevels = !!scale?.inUse;
  const problems = levelProblems(t, levels);
  const nameError = submitted && !name.trim() ? t('validation.required') : null;
  const current = isApiError(update.error, 'conflict') ? ((update.error.details as { current?: Scale } | null)?.current ?? null) : null;

  const setLevel = (index: number, patch: Partial<LevelDraft>) =>
    setLevels((ls) => ls.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const moveLevel = (index: number, by: number) =>
    setLevels((ls) => {
      const next = [...ls];
      const [level] = next.splice(index, 1);
      next.splice(index + by, 0, level!);
      return next;
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || (!lockedLevels && (problems.form.length > 0 || Object.keys(problems.rows).length > 0))) return;
    const levelInput = levels.map((l) => ({
      id: l.id,
      label: l.label.trim(),
      levelScore: Number(l.levelScore),
      description: l.description.trim() || null,
      proficient: l.proficient,
    }));
    const done = (saved: Scale) => {
      notifySuccess(scale ? t('scales.saved', { name: saved.name }) : t('scales.created', { name: saved.name }));
      onClose();
    };
    if (scale) {
      update.mutate(
        { version, name: name.trim(), description: description.trim() || null, ...(lockedLevels ? {} : { levels: levelInput }) },
        { onSuccess: done },
      );
    } else {
      create.mutate({ name: name.trim(), description: description.trim() || null, levels: levelInput }, { onSuccess: done });
    }
  };
  const loadCurrent = () => {
    if (!current) return;
    setName(current.name);
    setDescription(current.description ?? '');
    setLevels(
      current.levels.map((l) => ({
        id: l.id,
        label: l.label,
        levelScore: l.levelScore,
        description: l.description ?? '',
        proficient: l.proficient,
      })),
    );
    setVersion(current.version);
    update.reset();
  };

  return (
    <AppModal opened onClose={onClose} title={scale ? t('scales.editTitle', { name: scale.name }) : t('scales.newTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {current ? (
            <Alert color="orange" role="alert" title={t('conflict.title')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('scales.conflict', { name: current.name })}</Text>
                <Button size="xs" variant="default" onClick={loadCurrent}>
                  {t('conflict.loadCurrent')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <FrameworkError error={write.error} />
          )}
          <TextInput
            label={t('scales.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
            data-autofocus
          />
          <Textarea
            label={t('field.description')}
            autosize
            minRows={1}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Title order={3} size="h5">
            {t('scales.levels')}
          </Title>
          {lockedLevels ? (
            <Alert color="blue">{t('scales.inUseHelp')}</Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('scales.levelsHelp')}
            </Text>
          )}
          {submitted && !lockedLevels
            ? problems.form.map((p) => (
                <Text key={p} size="sm" c="red.8" role="alert">
                  {p}
                </Text>
              ))
            : null}
          <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('scales.levels')}>
            {levels.map((level, i) => {
              const n = i + 1;
              return (
                <Paper component="li" key={level.id ?? `new-${i}`} withBorder p="xs">
                  <Stack gap={6}>
                    <Group gap="xs" align="flex-start" wrap="wrap">
                      <TextInput
                        label={t('scales.levelLabel', { n })}
                        value={level.label}
                        disabled={lockedLevels}
                        onChange={(e) => setLevel(i, { label: e.currentTarget.value })}
                        style={{ flex: '1 1 12rem' }}
                        error={submitted && !lockedLevels ? problems.rows[i] : undefined}
                      />
                      <NumberInput
                        label={t('scales.levelScore', { n })}
                        value={level.levelScore}
                        disabled={lockedLevels}
                        onChange={(value) =>
                          setLevel(i, { levelScore: typeof value === 'number' ? value : value === '' ? '' : Number(value) })
                        }
                        w={110}
                        decimalScale={2}
                      />
                    </Group>
                    <TextInput
                      label={t('scales.levelDescription', { n })}
                      value={level.description}
                      disabled={lockedLevels}
                      onChange={(e) => setLevel(i, { description: e.currentTarget.value })}
                    />
                    <Group justify="space-between" gap="xs">
                      <Checkbox
                        label={t('scales.proficient')}
                        aria-label={t('scales.proficientNamed', { n })}
                        checked={level.proficient}
                        disabled={lockedLevels}
                        onChange={(e) => setLevel(i, { proficient: e.currentTarget.checked })}
                      />
                      {lockedLevels ? null : (
                        <Group gap={4}>
                          <ActionIcon
                            variant="default"
                            aria-label={t('scales.moveUp', { n })}
                            disabled={i === 0}
                            onClick={() => moveLevel(i, -1)}
                          >
                            <span aria-hidden="true">↑</span>
                          </ActionIcon>
                          <ActionIcon
                            variant="default"
                            aria-label={t('scales.moveDown', { n })}
                            disabled={i === levels.length - 1}
                            onClick={() => moveLevel(i, 1)}
                          >
                            <span aria-hidden="true">↓</span>
                          </ActionIcon>
                          <Button
                            size="compact-sm"
                            variant="default"
                            disabled={levels.length <= 2}
                            onClick={() => setLevels((ls) => ls.filter((_, j) => j !== i))}
                            aria-label={t('scales.removeLevel', { n })}
                          >
                            {t('scales.remove')}
                          </Button>
                        </Group>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
          {lockedLevels ? null : (
            <Group>
              <Button
                variant="default"
                size="xs"
                disabled={levels.length >= 20}
                onClick={() => {
                  const lowest = levels.at(-1)?.levelScore;
                  setLevels((ls) => [
                    ...ls,
                    { label: '', levelScore: typeof lowest === 'number' ? lowest - 1 : '', description: '', proficient: false },
                  ]);
                }}
              >
                {t('scales.addLevel')}
              </Button>
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending}>
              {scale ? t('common.save') : t('scales.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** One scale: its levels highest first, which count as proficient, and edit / make default. */
function ScaleCard({ scale, onEdit }: { scale: Scale; onEdit: () => void }) {
  const { t } = useTranslation('frameworks');
  const isPhone = useIsPhone();
  const makeDefault = useMakeDefaultScale();
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} size="h4">
                {scale.name}
              </Title>
              {scale.isDefault ? (
                <Badge variant="light" color="green">
                  {t('scales.default')}
                </Badge>
              ) : null}
              {scale.inUse ? (
                <Badge variant="light" color="blue">
                  {t('scales.inUse')}
                </Badge>
              ) : null}
              {scale.active ? null : (
                <Badge variant="light" color="gray">
                  {t('common.inactive')}
                </Badge>
              )}
            </Group>
            {scale.description ? <Text size="sm">{scale.description}</Text> : null}
          </Stack>
          {scale.abilities.update ? (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={onEdit} aria-label={t('scales.editNamed', { name: scale.name })}>
                {t('common.edit')}
              </Button>
              {scale.isDefault ? null : (
                <Button
                  size="xs"
                  variant="default"
                  loading={makeDefault.isPending}
                  onClick={() =>
                    makeDefault.mutate(
                      { id: scale.id, version: scale.version },
                      { onSuccess: () => notifySuccess(t('scales.madeDefault', { name: scale.name })) },
                    )
                  }
                  aria-label={t('scales.makeDefaultNamed', { name: scale.name })}
                >
                  {t('scales.makeDefault')}
                </Button>
              )}
            </Group>
          ) : null}
        </Group>
        <FrameworkError error={makeDefault.error} />
        {isPhone ? (
          <Stack
            component="ol"
            gap={6}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('scales.levelsOf', { name: scale.name })}
          >
            {scale.levels.map((level) => (
              <li key={level.id}>
                <Group gap="xs">
                  <Text fw={600}>{level.label}</Text>
                  <Text size="sm">{t('scales.scoreValue', { score: formatNumber(level.levelScore) })}</Text>
                  {level.proficient ? (
                    <Badge size="sm" variant="light" color="green">
                      {t('scales.proficient')}
                    </Badge>
                  ) : null}
                </Group>
                {level.description ? <Text size="sm">{level.description}</Text> : null}
              </li>
            ))}
          </Stack>
        ) : (
          <Table verticalSpacing={4}>
            <Table.Caption>{t('scales.levelsOf', { name: scale.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('scales.level')}</Table.Th>
                <Table.Th scope="col">{t('scales.score')}</Table.Th>
                <Table.Th scope="col">{t('scales.proficient')}</Table.Th>
                <Table.Th scope="col">{t('field.description')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scale.levels.map((level) => (
                <Table.Tr key={level.id}>
                  <Table.Th scope="row">{level.label}</Table.Th>
                  <Table.Td>{formatNumber(level.levelScore)}</Table.Td>
                  <Table.Td>{level.proficient ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td>{level.description ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** The district's performance scales; editors create them, edit them and choose the default. */
export default function ScalesPage() {
  const { t } = useTranslation('frameworks');
  const me = useMe();
  const scales = useScales();
  const [editing, setEditing] = useState<Scale | 'new' | null>(null);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/frameworks" size="sm">
        {t('framework.back')}
      </Anchor>
      <PageHeader
        title={t('scales.title')}
        subtitle={t('scales.subtitle')}
        actions={me.abilities.manageFrameworks ? <Button onClick={() => setEditing('new')}>{t('scales.new')}</Button> : null}
      />
      <ErrorAlert error={scales.error} />
      {scales.isPending ? <Loading /> : null}
      <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('scales.title')}>
        {(scales.data?.items ?? []).map((scale) => (
          <ScaleCard key={scale.id} scale={scale} onEdit={() => setEditing(scale)} />
        ))}
      </Stack>
      {editing ? <ScaleModal scale={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
