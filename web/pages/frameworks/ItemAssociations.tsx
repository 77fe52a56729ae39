import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ASSOCIATION_TYPES } from '../../../common/competency.ts';
import { CreateAssociationInput } from '../../../common/schemas/frameworks.ts';
import {
  useCreateAssociation,
  useDeleteAssociation,
  type Association,
  type FrameworkItem,
  type FrameworkVersion,
} from '../../api/frameworks.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { notifySuccess } from '../../components/notify.ts';
import { FrameworkError, itemLabel } from './shared.tsx';

/** Typed links from this item to other items of the version, with add and remove for editors. */
export function Associations({
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
  const form = useForm({
    initialValues: { associationType: 'isRelatedTo', destinationItemId: '' },
    ...schemaForm(CreateAssociationInput, t, {
      toInput: (values: { associationType: string; destinationItemId: string }) => ({ ...values, originItemId: item.id }),
    }),
  });
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
  const onAdd = form.onSubmit(
    (input) =>
      create.mutate(
        { ...input, destinationItemId: input.destinationItemId ?? undefined },
        {
          onSuccess: () => {
            form.setFieldValue('destinationItemId', '');
            notifySuccess(t('assoc.added'));
          },
        },
      ),
    focusFirstError,
  );
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
        <form onSubmit={onAdd} noValidate aria-label={t('assoc.addTitle')}>
          <Stack gap="xs">
            <NativeSelect
              label={t('assoc.type')}
              {...form.getInputProps('associationType')}
              data={types.map((ty) => ({ value: ty, label: t(`assocType.${ty}`) }))}
            />
            <NativeSelect
              label={t('assoc.destination')}
              {...form.getInputProps('destinationItemId')}
              data={[
                { value: '', label: t('assoc.choose') },
                ...items.filter((i) => i.id !== item.id).map((i) => ({ value: i.id, label: itemLabel(i).slice(0, 90) })),
              ]}
            />
            <Group>
              <Button type="submit" variant="default" size="xs" loading={create.isPending}>
                {t('assoc.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
