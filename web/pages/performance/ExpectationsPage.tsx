import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListItemInput, type ListItem } from '../../../common/schemas/professionalism.ts';
import { isApiError } from '../../api/client.ts';
import {
  useAddListItem,
  useProfessionalismSetup,
  useReorderList,
  useSuggestedLists,
  useUpdateListItem,
  type ListKind,
} from '../../api/professionalism.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

/** A title and description form: adding an item, or editing one (with its version). */
function ItemForm({
  item,
  onSave,
  onCancel,
}: {
  item?: ListItem;
  onSave: (v: { title: string; description: string }) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('performance');
  const [failed, setFailed] = useState<unknown>(null);
  const form = useForm({
    initialValues: { title: item?.title ?? '', description: item?.description ?? '' },
    ...schemaForm(ListItemInput, t),
  });
  const onSubmit = form.onSubmit(async (values) => {
    setFailed(null);
    try {
      await onSave(values);
      if (!item) form.reset();
      notifySuccess(t('professionalism.saved'));
      onCancel?.();
    } catch (error) {
      setFailed(isApiError(error, 'conflict') ? new Error(t('professionalism.conflict')) : error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <TextInput label={t('professionalism.title')} required maxLength={200} {...form.getInputProps('title')} />
        <Textarea label={t('professionalism.description')} autosize minRows={1} maxLength={2000} {...form.getInputProps('description')} />
        <ErrorAlert error={failed} />
        <Group>
          <Button type="submit">{item ? t('professionalism.save') : t('professionalism.add')}</Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('professionalism.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

/** One of the two lists: its items in order, and for HR the buttons to edit, move and deactivate. */
function ListSection({ kind, title, items, canManage }: { kind: ListKind; title: string; items: ListItem[]; canManage: boolean }) {
  const { t } = useTranslation('performance');
  const add = useAddListItem(kind);
  const update = useUpdateListItem(kind);
  const reorder = useReorderList(kind);
  const [editing, setEditing] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const run = async (p: Promise<unknown>) => {
    setFailed(null);
    try {
      await p;
    } catch (error) {
      setFailed(isApiError(error, 'conflict') ? new Error(t('professionalism.conflict')) : error);
    }
  };
  const move = (index: number, by: number) => {
    const order = items.map((i) => ({ id: i.id, version: i.version }));
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    void run(reorder.mutateAsync({ items: order }));
  };
  return (
    <Stack gap="sm">
      <Title order={2}>{title}</Title>
      {items.length === 0 ? <Text c="dimmed">{t('professionalism.noneYet')}</Text> : null}
      <ErrorAlert error={failed} />
      {items.map((item, index) => (
        <Paper key={item.id} withBorder p="sm">
          {editing === item.id ? (
            <ItemForm
              item={item}
              onCancel={() => setEditing(null)}
              onSave={(v) => update.mutateAsync({ id: item.id, ...v, active: item.active, version: item.version })}
            />
          ) : (
            <Group justify="space-between" wrap="wrap" align="flex-start">
              <Stack gap={2} style={{ flex: '1 1 16rem' }}>
                <Group gap="xs">
                  <Text fw={600}>{item.title}</Text>
                  {item.active ? null : <Badge color="gray">{t('professionalism.inactive')}</Badge>}
                </Group>
                {item.description ? <Text size="sm">{item.description}</Text> : null}
              </Stack>
              {canManage ? (
                <Group gap="xs">
                  <ActionIcon
                    variant="default"
                    disabled={index === 0}
                    aria-label={t('professionalism.moveUp', { title: item.title })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    disabled={index === items.length - 1}
                    aria-label={t('professionalism.moveDown', { title: item.title })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </ActionIcon>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('professionalism.edit', { title: item.title })}
                    onClick={() => setEditing(item.id)}
                  >
                    {t('professionalism.editButton')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      void run(
                        update.mutateAsync({
                          id: item.id,
                          title: item.title,
                          description: item.description,
                          active: !item.active,
                          version: item.version,
                        }),
                      )
                    }
                  >
                    {item.active ? t('professionalism.deactivate') : t('professionalism.reactivate')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          )}
        </Paper>
      ))}
      {canManage ? (
        <Paper withBorder p="sm">
          <ItemForm onSave={(v) => add.mutateAsync(v)} />
        </Paper>
      ) : null}
    </Stack>
  );
}

/** /performance/expectations: the district's professionalism expectations and escalation steps (HR edits). */
export default function ExpectationsPage() {
  const { t } = useTranslation('performance');
  const setup = useProfessionalismSetup();
  const suggested = useSuggestedLists();
  if (!setup.data) return setup.error ? <ErrorAlert error={setup.error} /> : <Loading />;
  const { expectations, escalationSteps, canManage } = setup.data;
  const empty = expectations.length === 0 || escalationSteps.length === 0;
  return (
    <Stack gap="lg">
      <PageHeader title={t('professionalism.expectationsTitle')} subtitle={t('professionalism.expectationsIntro')} />
      {canManage && empty ? (
        <Paper withBorder p="md">
          <Stack gap="xs" align="flex-start">
            <Text>{t('professionalism.suggestedHint')}</Text>
            <Button loading={suggested.isPending} onClick={() => suggested.mutate()}>
              {t('professionalism.useSuggested')}
            </Button>
            <ErrorAlert error={suggested.error} />
          </Stack>
        </Paper>
      ) : null}
      <ListSection kind="expectations" title={t('professionalism.expectations')} items={expectations} canManage={canManage} />
      <ListSection kind="escalation-steps" title={t('professionalism.steps')} items={escalationSteps} canManage={canManage} />
    </Stack>
  );
}
