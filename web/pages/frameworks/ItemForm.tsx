import { Alert, Button, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateItemInput } from '../../../common/schemas/frameworks.ts';
import { isApiError } from '../../api/client.ts';
import { useUpdateItem, type FrameworkItem, type FrameworkVersion } from '../../api/frameworks.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';

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

/** The item's fields as the API takes them, less the version they start from. */
const ItemFields = UpdateItemInput.omit({ version: true });

/**
 * Edits an item's code, type and texts, sending the version it started from. When someone else saved
 * first (409) it shows their text beside this user's: load theirs, or apply these changes over theirs.
 */
export function ItemForm({ version, item }: { version: FrameworkVersion; item: FrameworkItem }) {
  const { t } = useTranslation('frameworks');
  const update = useUpdateItem(version.id);
  const form = useForm({
    initialValues: valuesOf(item),
    ...schemaForm(ItemFields, t, {
      toInput: (values: Values) => ({
        humanCode: values.humanCode.trim() || null,
        itemType: values.itemType || undefined,
        fullStatement: values.fullStatement,
        abbreviatedStatement: values.abbreviatedStatement.trim() || null,
        notes: values.notes.trim() || null,
      }),
    }),
  });
  const [base, setBase] = useState(item.version);
  const load = (from: FrameworkItem) => {
    setBase(from.version);
    form.setValues(valuesOf(from));
    form.resetDirty(valuesOf(from));
  };
  // A newer item (moved, or saved here) while nothing is typed: follow it, so the next save is not stale.
  if (item.version > base && !update.error && !form.isDirty()) load(item);
  const current = isApiError(update.error, 'conflict')
    ? ((update.error.details as { current?: FrameworkItem } | null)?.current ?? null)
    : null;

  const save = (fromVersion: number, fields: ReturnType<typeof ItemFields.parse>) =>
    update.mutate(
      { id: item.id, version: fromVersion, ...fields, itemType: fields.itemType ?? undefined },
      {
        onSuccess: (saved) => {
          load(saved);
          notifySuccess(t('item.saved'));
        },
        onError: (error) => form.setErrors(serverFieldErrors(t, error)),
      },
    );
  const onSubmit = form.onSubmit((fields) => save(base, fields), focusFirstError);
  const takeTheirs = () => {
    if (!current) return;
    load(current);
    update.reset();
  };
  const reapply = () => {
    if (!current || form.validate().hasErrors) return;
    setBase(current.version);
    save(current.version, form.getTransformedValues());
  };
  const values = form.values;
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
          <TextInput label={t('field.humanCode')} {...form.getInputProps('humanCode')} />
          <NativeSelect label={t('field.itemType')} {...form.getInputProps('itemType')} data={typeOptions} />
        </Group>
        <Textarea label={t('field.fullStatement')} required autosize minRows={2} {...form.getInputProps('fullStatement')} />
        <TextInput label={t('field.abbreviatedStatement')} {...form.getInputProps('abbreviatedStatement')} />
        <Textarea label={t('field.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Group>
          <Button type="submit" loading={update.isPending && !current}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
