import { Button, Group, List, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CreateItemInput, MergeItemsInput } from '../../../common/schemas/frameworks.ts';
import { isApiError } from '../../api/client.ts';
import {
  useCreateItem,
  useDeleteItem,
  useMergeItems,
  useRetireItem,
  type FrameworkItem,
  type FrameworkVersion,
} from '../../api/frameworks.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { FrameworkError, itemLabel } from './shared.tsx';

/** Where a new item goes: under a parent (null: top level), at a position among its siblings (default last). */
export interface NewItemPlace {
  parent: FrameworkItem | null;
  position?: number;
  /** The type suggested for it (the one below the parent's type). */
  itemType: string;
}

/** Adds an item with its type, code and statement at a place in the tree. */
export function AddItemModal({
  version,
  place,
  onClose,
  onCreated,
}: {
  version: FrameworkVersion;
  place: NewItemPlace;
  onClose: () => void;
  onCreated: (item: FrameworkItem) => void;
}) {
  const { t } = useTranslation('frameworks');
  const create = useCreateItem(version.id);
  type Values = { itemType: string; humanCode: string; fullStatement: string };
  const form = useForm({
    initialValues: { itemType: place.itemType, humanCode: '', fullStatement: '' },
    ...schemaForm(CreateItemInput, t, {
      toInput: (values: Values) => ({
        parentId: place.parent?.id ?? null,
        position: place.position,
        itemType: values.itemType || undefined,
        humanCode: values.humanCode.trim() || null,
        fullStatement: values.fullStatement,
      }),
    }),
  });
  const onSubmit = form.onSubmit(
    (input) =>
      create.mutate(input, {
        onSuccess: (item) => {
          notifySuccess(t('item.added', { item: itemLabel(item) }));
          onCreated(item);
        },
      }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={place.parent ? t('item.addUnder', { item: itemLabel(place.parent) }) : t('item.addTop')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FrameworkError error={create.error} />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('field.itemType')}
              {...form.getInputProps('itemType')}
              data={version.itemTypes.map((type) => ({ value: type.code, label: type.title }))}
            />
            <TextInput label={t('field.humanCode')} description={t('item.codeHelp')} {...form.getInputProps('humanCode')} />
          </Group>
          <Textarea
            label={t('field.fullStatement')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('fullStatement')}
            data-autofocus
          />
          <FormModalFooter onCancel={onClose} saving={create.isPending} submitLabel={t('item.add')} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** Merges the selected items into one new item (the crosswalk records where it came from). */
export function MergeModal({
  version,
  items,
  onClose,
  onMerged,
}: {
  version: FrameworkVersion;
  items: FrameworkItem[];
  onClose: () => void;
  onMerged: () => void;
}) {
  const { t } = useTranslation('frameworks');
  const merge = useMergeItems(version.id);
  const form = useForm({
    initialValues: { fullStatement: items[0]?.fullStatement ?? '', humanCode: items[0]?.humanCode ?? '' },
    ...schemaForm(MergeItemsInput, t, {
      toInput: (values: { fullStatement: string; humanCode: string }) => ({
        itemIds: items.map((i) => i.id),
        fullStatement: values.fullStatement,
        humanCode: values.humanCode.trim() || null,
      }),
    }),
  });
  const onSubmit = form.onSubmit(
    (input) =>
      merge.mutate(input, {
        onSuccess: (item) => {
          notifySuccess(t('merge.done', { item: itemLabel(item) }));
          onMerged();
        },
      }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('merge.title', { count: items.length })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{t('merge.help')}</Text>
          <List size="sm">
            {items.map((i) => (
              <List.Item key={i.id}>{itemLabel(i)}</List.Item>
            ))}
          </List>
          <FrameworkError error={merge.error} />
          <TextInput label={t('field.humanCode')} {...form.getInputProps('humanCode')} />
          <Textarea label={t('field.fullStatement')} required autosize minRows={2} {...form.getInputProps('fullStatement')} />
          <FormModalFooter onCancel={onClose} saving={merge.isPending} submitLabel={t('merge.submit')} />
        </Stack>
      </form>
    </AppModal>
  );
}

/**
 * Deletes an item from the draft. When it has evidence (or comes from an item that has), the server
 * refuses and the dialog offers to retire it instead.
 */
export function DeleteItemModal({ version, item, onClose }: { version: FrameworkVersion; item: FrameworkItem; onClose: () => void }) {
  const { t } = useTranslation('frameworks');
  const remove = useDeleteItem(version.id);
  const retire = useRetireItem(version.id);
  const hasEvidence =
    isApiError(remove.error, 'invalid_state') && (remove.error.details as { reason?: string } | null)?.reason === 'has_evidence';
  const label = itemLabel(item);
  return (
    <AppModal opened onClose={onClose} title={t('delete.title', { item: label })}>
      <Stack>
        <Text>{t('delete.body')}</Text>
        <FrameworkError error={remove.error ?? retire.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {hasEvidence && !item.retired ? (
            <Button
              loading={retire.isPending}
              onClick={() =>
                retire.mutate(
                  { id: item.id, version: item.version, retire: true },
                  {
                    onSuccess: () => {
                      notifySuccess(t('item.retiredDone', { item: label }));
                      onClose();
                    },
                  },
                )
              }
            >
              {t('delete.retireInstead')}
            </Button>
          ) : (
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(item.id, {
                  onSuccess: () => {
                    notifySuccess(t('item.deleted', { item: label }));
                    onClose();
                  },
                })
              }
            >
              {t('delete.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </AppModal>
  );
}
