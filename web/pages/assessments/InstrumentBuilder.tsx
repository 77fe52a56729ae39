import { ActionIcon, Button, Fieldset, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SCALE_PRESETS, type ScalePoint } from '../../../common/assessments.ts';
import { VersionContentInput, type VersionDetail } from '../../../common/schemas/assessments.ts';
import { usePublishVersion, useSaveVersion } from '../../api/assessments.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

interface ItemValues {
  id?: string;
  text: string;
  guidance: string;
}
interface Values {
  scale: ScalePoint[];
  targetPct: number | string;
  sections: { id?: string; title: string; items: ItemValues[] }[];
}

const toValues = (v: VersionDetail): Values => ({
  scale: v.scale,
  targetPct: v.targetPct ?? '',
  sections: v.sections.map((s) => ({
    id: s.id,
    title: s.title,
    items: s.items.map((i) => ({ id: i.id, text: i.text, guidance: i.guidance })),
  })),
});

/** Up, down and remove buttons for one row of a list, each named for the row it moves (for keyboard and screen reader users). */
function RowButtons({
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('assessments');
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="default" aria-label={t('builder.moveUp', { name })} disabled={index === 0} onClick={() => onMove(index - 1)}>
        ↑
      </ActionIcon>
      <ActionIcon
        variant="default"
        aria-label={t('builder.moveDown', { name })}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </ActionIcon>
      <ActionIcon variant="default" color="red" aria-label={t('builder.remove', { name })} onClick={onRemove}>
        ×
      </ActionIcon>
    </Group>
  );
}

/**
 * The builder of a draft: its rating scale (points with labels and anchors, or a preset), the target
 * line, and ordered sections of ordered items. Everything is a plain field or button in reading
 * order, so it is built by keyboard; the whole draft is saved at once, then published.
 */
export function InstrumentBuilder({ version }: { version: VersionDetail }) {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const save = useSaveVersion(version.id);
  const publish = usePublishVersion(version.id);
  const initialValues: Values = toValues(version);
  const form = useForm({
    initialValues,
    ...schemaForm(VersionContentInput, tApp, {
      toInput: (v: Values) => ({ ...v, version: version.version, targetPct: v.targetPct === '' ? null : Number(v.targetPct) }),
    }),
  });
  const submit = form.onSubmit(
    (input) =>
      save.mutate(input, {
        onSuccess: (saved) => {
          form.setValues(toValues(saved));
          form.resetDirty(toValues(saved));
          notifySuccess(t('builder.saved'));
        },
      }),
    focusFirstError,
  );
  const { sections, scale } = form.values;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend={t('builder.scale')}>
          <Stack>
            <Select
              label={t('builder.preset')}
              placeholder={t('builder.presetPlaceholder')}
              data={Object.keys(SCALE_PRESETS).map((p) => ({ value: p, label: t(`presets.${p}`) }))}
              value={null}
              onChange={(p) => p && form.setFieldValue('scale', SCALE_PRESETS[p as keyof typeof SCALE_PRESETS])}
            />
            {scale.map((p, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <NumberInput label={t('builder.value')} w={90} min={0} max={100} {...form.getInputProps(`scale.${i}.value`)} />
                <TextInput label={t('builder.label')} w={180} maxLength={100} {...form.getInputProps(`scale.${i}.label`)} />
                <TextInput label={t('builder.anchor')} style={{ flex: 1, minWidth: 200 }} {...form.getInputProps(`scale.${i}.anchor`)} />
                <RowButtons
                  name={p.label || String(p.value)}
                  index={i}
                  count={scale.length}
                  onMove={(to) => form.reorderListItem('scale', { from: i, to })}
                  onRemove={() => form.removeListItem('scale', i)}
                />
              </Group>
            ))}
            <Group>
              <Button variant="default" onClick={() => form.insertListItem('scale', { value: scale.length, label: '', anchor: '' })}>
                {t('builder.addPoint')}
              </Button>
            </Group>
            <NumberInput
              label={t('builder.target')}
              description={t('builder.targetHelp')}
              w={200}
              min={1}
              max={100}
              suffix="%"
              {...form.getInputProps('targetPct')}
            />
          </Stack>
        </Fieldset>
        <Title order={2} size="h3">
          {t('builder.sections')}
        </Title>
        {sections.length === 0 ? <Text c="dimmed">{t('builder.noSections')}</Text> : null}
        {sections.map((s, i) => (
          <Fieldset key={s.id ?? `new-${i}`} legend={t('builder.sectionN', { n: i + 1 })}>
            <Stack>
              <Group align="flex-end">
                <TextInput
                  label={t('builder.sectionTitle')}
                  style={{ flex: 1 }}
                  maxLength={200}
                  required
                  {...form.getInputProps(`sections.${i}.title`)}
                />
                <RowButtons
                  name={s.title || t('builder.sectionN', { n: i + 1 })}
                  index={i}
                  count={sections.length}
                  onMove={(to) => form.reorderListItem('sections', { from: i, to })}
                  onRemove={() => form.removeListItem('sections', i)}
                />
              </Group>
              {s.items.map((item, j) => (
                <Group key={item.id ?? `new-${j}`} align="flex-start" wrap="wrap">
                  <Textarea
                    label={t('builder.itemN', { n: j + 1 })}
                    style={{ flex: 2, minWidth: 220 }}
                    autosize
                    required
                    {...form.getInputProps(`sections.${i}.items.${j}.text`)}
                  />
                  <Textarea
                    label={t('builder.guidance')}
                    style={{ flex: 1, minWidth: 180 }}
                    autosize
                    {...form.getInputProps(`sections.${i}.items.${j}.guidance`)}
                  />
                  <RowButtons
                    name={item.text || t('builder.itemN', { n: j + 1 })}
                    index={j}
                    count={s.items.length}
                    onMove={(to) => form.reorderListItem(`sections.${i}.items`, { from: j, to })}
                    onRemove={() => form.removeListItem(`sections.${i}.items`, j)}
                  />
                </Group>
              ))}
              <Group>
                <Button variant="default" size="xs" onClick={() => form.insertListItem(`sections.${i}.items`, { text: '', guidance: '' })}>
                  {t('builder.addItem')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button variant="default" onClick={() => form.insertListItem('sections', { title: '', items: [{ text: '', guidance: '' }] })}>
            {t('builder.addSection')}
          </Button>
        </Group>
        <ErrorAlert error={save.error ?? publish.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('builder.save')}
          </Button>
          <Button
            variant="default"
            disabled={form.isDirty()}
            loading={publish.isPending}
            onClick={() => publish.mutate(version.version, { onSuccess: () => notifySuccess(t('builder.published')) })}
          >
            {t('builder.publish')}
          </Button>
        </Group>
        {form.isDirty() ? (
          <Text size="sm" c="dimmed">
            {t('builder.saveBeforePublish')}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
