import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSOCIATION_TYPES } from '../../../common/competency.ts';
import { isApiError } from '../../api/client.ts';
import {
  useAddComment,
  useComments,
  useCreateAssociation,
  useDeleteAssociation,
  useResolveComment,
  useUpdateItem,
  type Association,
  type CommentStatus,
  type FrameworkItem,
  type FrameworkVersion,
} from '../../api/frameworks.ts';
import { formatDateTime } from '../../app/format.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { FrameworkError, itemLabel, itemTypeTitle } from './shared.tsx';

const FIELDS = ['humanCode', 'itemType', 'fullStatement', 'abbreviatedStatement', 'notes'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const valuesOf = (item: FrameworkItem): Values => ({
  humanCode: item.humanCode ?? '',
  itemType: item.itemType ?? '',
  fullStatement: item.fullStatement,
  abbreviatedStatement: item.abbreviatedStatement ?? '',
  notes: item.notes ?? '',
});

/**
 * Edits an item's code, type and texts, sending the version it started from. When someone else saved
 * first (409) it shows their text beside this user's: load theirs, or apply these changes over theirs.
 */
function ItemForm({ version, item }: { version: FrameworkVersion; item: FrameworkItem }) {
  const { t } = useTranslation('frameworks');
  const update = useUpdateItem(version.id);
  const [values, setValues] = useState(() => valuesOf(item));
  const [loaded, setLoaded] = useState(values);
  const [base, setBase] = useState(item.version);
  // A newer item (moved, or saved here) while nothing is typed: follow it, so the next save is not stale.
  if (item.version > base && !update.error && JSON.stringify(values) === JSON.stringify(loaded)) {
    const fresh = valuesOf(item);
    setBase(item.version);
    setValues(fresh);
    setLoaded(fresh);
  }
  const [statementError, setStatementError] = useState<string | null>(null);
  const current = isApiError(update.error, 'conflict')
    ? ((update.error.details as { current?: FrameworkItem } | null)?.current ?? null)
    : null;
  const set = (field: Field, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const save = (fromVersion: number) => {
    if (!values.fullStatement.trim()) return setStatementError(t('validation.required'));
    setStatementError(null);
    update.mutate(
      {
        id: item.id,
        version: fromVersion,
        humanCode: values.humanCode.trim() || null,
        itemType: values.itemType || undefined,
        fullStatement: values.fullStatement.trim(),
        abbreviatedStatement: values.abbreviatedStatement.trim() || null,
        notes: values.notes.trim() || null,
      },
      {
        onSuccess: (saved) => {
          setBase(saved.version);
          setLoaded(valuesOf(saved));
          setValues(valuesOf(saved));
          notifySuccess(t('item.saved'));
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(base);
  };
  const takeTheirs = () => {
    if (!current) return;
    setValues(valuesOf(current));
    setLoaded(valuesOf(current));
    setBase(current.version);
    update.reset();
  };
  const reapply = () => {
    if (!current) return;
    setBase(current.version);
    save(current.version);
  };
  const theirs = current ? valuesOf(current) : null;
  const differing = theirs ? FIELDS.filter((f) => values[f].trim() !== theirs[f]) : [];
  const typeOptions = version.itemTypes.map((type) => ({ value: type.code, label: type.title }));
  if (values.itemType && !typeOptions.some((o) => o.value === values.itemType))
    typeOptions.push({ value: values.itemType, label: values.itemType });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="item-form-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="item-form-heading">
          {t('item.editTitle')}
        </Title>
        {current && theirs ? (
          <Alert color="orange" role="alert" title={t('conflict.title')}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t('item.conflict')}</Text>
              {differing.length > 0 ? (
                <Table withTableBorder>
                  <Table.Caption>{t('conflict.compareCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('conflict.field')}</Table.Th>
                      <Table.Th scope="col">{t('conflict.yours')}</Table.Th>
                      <Table.Th scope="col">{t('conflict.current')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {differing.map((field) => (
                      <Table.Tr key={field}>
                        <Table.Th scope="row">{t(`field.${field}`)}</Table.Th>
                        <Table.Td>{values[field] || t('common.none')}</Table.Td>
                        <Table.Td>{theirs[field] || t('common.none')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={takeTheirs}>
                  {t('conflict.loadCurrent')}
                </Button>
                <Button size="xs" onClick={reapply} loading={update.isPending}>
                  {t('item.reapply')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={update.error} />
        )}
        <Group grow align="flex-start">
          <TextInput label={t('field.humanCode')} value={values.humanCode} onChange={(e) => set('humanCode', e.currentTarget.value)} />
          <NativeSelect
            label={t('field.itemType')}
            value={values.itemType}
            onChange={(e) => set('itemType', e.currentTarget.value)}
            data={typeOptions}
          />
        </Group>
        <Textarea
          label={t('field.fullStatement')}
          required
          autosize
          minRows={2}
          value={values.fullStatement}
          onChange={(e) => set('fullStatement', e.currentTarget.value)}
          error={statementError}
        />
        <TextInput
          label={t('field.abbreviatedStatement')}
          value={values.abbreviatedStatement}
          onChange={(e) => set('abbreviatedStatement', e.currentTarget.value)}
        />
        <Textarea
          label={t('field.notes')}
          autosize
          minRows={2}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={update.isPending && !current}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Typed links from this item to other items of the version, with add and remove for editors. */
function Associations({
  version,
  item,
  items,
  associations,
}: {
  version: FrameworkVersion;
  item: FrameworkItem;
  items: FrameworkItem[];
  associations: Association[];
}) {
  const { t } = useTranslation('frameworks');
  const create = useCreateAssociation(version.id);
  const remove = useDeleteAssociation(version.id);
  const types = ASSOCIATION_TYPES.filter((type) => type !== 'isChildOf');
  const [type, setType] = useState<string>('isRelatedTo');
  const [destination, setDestination] = useState('');
  const mine = associations.filter(
    (a) => a.associationType !== 'isChildOf' && (a.originItemId === item.id || a.destinationItemId === item.id),
  );
  const byId = new Map(items.map((i) => [i.id, i]));
  const describe = (a: Association) => {
    const outgoing = a.originItemId === item.id;
    const otherId = outgoing ? a.destinationItemId : a.originItemId;
    const other = otherId ? itemLabel(byId.get(otherId)) : (outgoing ? a.destinationNode : a.originNode).title;
    return outgoing
      ? t('assoc.outgoing', { type: t(`assocType.${a.associationType}`, { defaultValue: a.associationType }), item: other })
      : t('assoc.incoming', { type: t(`assocType.${a.associationType}`, { defaultValue: a.associationType }), item: other });
  };
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    if (!destination) return;
    create.mutate(
      { associationType: type as (typeof types)[number], originItemId: item.id, destinationItemId: destination },
      {
        onSuccess: () => {
          setDestination('');
          notifySuccess(t('assoc.added'));
        },
      },
    );
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('assoc.title')}
      </Title>
      {mine.length === 0 ? <Text size="sm">{t('assoc.empty')}</Text> : null}
      <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('assoc.title')}>
        {mine.map((a) => (
          <Group component="li" key={a.id} justify="space-between" wrap="nowrap">
            <Text size="sm" style={{ minWidth: 0 }}>
              {describe(a)}
            </Text>
            {version.abilities.edit ? (
              <Button
                size="compact-xs"
                variant="default"
                loading={remove.isPending && remove.variables === a.id}
                onClick={() => remove.mutate(a.id)}
                aria-label={t('assoc.removeNamed', { link: describe(a) })}
              >
                {t('assoc.remove')}
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>
      <FrameworkError error={create.error ?? remove.error} />
      {version.abilities.edit ? (
        <form onSubmit={onAdd} aria-label={t('assoc.addTitle')}>
          <Stack gap="xs">
            <NativeSelect
              label={t('assoc.type')}
              value={type}
              onChange={(e) => setType(e.currentTarget.value)}
              data={types.map((ty) => ({ value: ty, label: t(`assocType.${ty}`) }))}
            />
            <NativeSelect
              label={t('assoc.destination')}
              value={destination}
              onChange={(e) => setDestination(e.currentTarget.value)}
              data={[
                { value: '', label: t('assoc.choose') },
                ...items.filter((i) => i.id !== item.id).map((i) => ({ value: i.id, label: itemLabel(i).slice(0, 90) })),
              ]}
            />
            <Group>
              <Button type="submit" variant="default" size="xs" disabled={!destination} loading={create.isPending}>
                {t('assoc.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

/** The design team's comments on this item: add (commenters), resolve and reopen (editors). */
function Comments({ version, item }: { version: FrameworkVersion; item: FrameworkItem }) {
  const { t } = useTranslation('frameworks');
  const [status, setStatus] = useState<CommentStatus>('open');
  const comments = useComments(version.id, item.id, status);
  const add = useAddComment(version.id);
  const resolve = useResolveComment(version.id);
  const [body, setBody] = useState('');
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate({ itemId: item.id, body: body.trim() }, { onSuccess: () => setBody('') });
  };
  const list = comments.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('comments.title')}
      </Title>
      <SegmentedControl
        size="xs"
        value={status}
        onChange={(v) => setStatus(v as CommentStatus)}
        data={[
          { value: 'open', label: t('comments.open') },
          { value: 'resolved', label: t('comments.resolved') },
          { value: 'all', label: t('comments.all') },
        ]}
        aria-label={t('comments.filter')}
      />
      <ErrorAlert error={comments.error} />
      <FrameworkError error={resolve.error} />
      {comments.data && list.length === 0 ? <Text size="sm">{t('comments.empty')}</Text> : null}
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('comments.title')}>
        {list.map((c) => (
          <Paper component="li" key={c.id} withBorder p="xs">
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {c.author.name}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.createdAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
            <Group justify="space-between" mt={4}>
              {c.resolvedAt ? (
                <Badge size="sm" variant="light" color="green">
                  {t('comments.resolvedBy', { name: c.resolvedByName ?? '', date: formatDateTime(c.resolvedAt) })}
                </Badge>
              ) : (
                <span />
              )}
              {c.abilities.resolve ? (
                <Button size="compact-xs" variant="default" onClick={() => resolve.mutate({ id: c.id, resolve: !c.resolvedAt })}>
                  {c.resolvedAt ? t('comments.reopen') : t('comments.resolve')}
                </Button>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      {version.abilities.comment ? (
        <form onSubmit={onAdd} aria-label={t('comments.add')}>
          <Stack gap="xs">
            <Textarea
              label={t('comments.body')}
              autosize
              minRows={2}
              maxLength={4000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <FrameworkError error={add.error} />
            <Group>
              <Button type="submit" size="xs" disabled={!body.trim()} loading={add.isPending}>
                {t('comments.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

/** One item in a side panel: its fields (editable in a draft), its links, and the design team's comments. */
export function ItemDrawer({
  version,
  item,
  items,
  associations,
  onClose,
}: {
  version: FrameworkVersion;
  item: FrameworkItem | null;
  items: FrameworkItem[];
  associations: Association[];
  onClose: () => void;
}) {
  const { t } = useTranslation('frameworks');
  const showComments = version.status === 'draft' && (version.abilities.comment || version.abilities.resolveComments);
  return (
    <Drawer.Root opened={!!item} onClose={onClose} position="right" size="lg">
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header component="div">
          <Drawer.Title fw={600}>{item ? itemLabel(item) : ''}</Drawer.Title>
          <Drawer.CloseButton aria-label={t('common.close')} />
        </Drawer.Header>
        <Drawer.Body>
          {item ? (
            <Stack gap="md">
              {version.abilities.edit ? (
                <ItemForm key={item.id} version={version} item={item} />
              ) : (
                <DetailList
                  rows={[
                    [t('field.humanCode'), item.humanCode ?? t('common.none')],
                    [t('field.itemType'), item.itemType ? itemTypeTitle(t, version.itemTypes, item.itemType) : t('common.none')],
                    [t('field.fullStatement'), item.fullStatement],
                    [t('field.abbreviatedStatement'), item.abbreviatedStatement ?? t('common.none')],
                    [t('field.notes'), item.notes ?? t('common.none')],
                    [t('common.status'), item.retired ? t('item.retired') : t('common.active')],
                  ]}
                />
              )}
              <Divider />
              <Associations version={version} item={item} items={items} associations={associations} />
              {showComments ? (
                <>
                  <Divider />
                  <Comments version={version} item={item} />
                </>
              ) : null}
            </Stack>
          ) : null}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
