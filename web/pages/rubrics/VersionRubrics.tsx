import { Anchor, Button, Group, List, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateRubricInput } from '../../../common/schemas/rubrics.ts';
import { usePathways } from '../../api/pathways.ts';
import { useCreateRubric, useVersionInfoForRubrics, useVersionItemsForRubrics, useVersionRubrics } from '../../api/rubrics.ts';
import { formatNumber } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ItemChecklist } from './AddCriteriaModal.tsx';

const NONE = new Set<string>();

/** Creates the role rubric of a step in a draft version, with the competencies picked. */
function AddRubricModal({ versionId, taken, onClose }: { versionId: string; taken: Set<string>; onClose: () => void }) {
  const { t } = useTranslation('pathways');
  const navigate = useNavigate();
  const pathways = usePathways();
  const items = useVersionItemsForRubrics(versionId);
  const create = useCreateRubric();
  const [selected, setSelected] = useState<string[] | null>(null);
  // Start with every live competency checked: most roles are held to most competencies.
  const chosen = selected ?? (items.data?.items ?? []).filter((i) => !i.retired && i.itemType === 'competency').map((i) => i.id);
  const form = useForm({
    initialValues: { stepId: '', title: '' },
    ...schemaForm(CreateRubricInput, t, {
      toInput: (values: { stepId: string; title: string }) => ({
        stepId: values.stepId,
        itemIds: chosen,
        ...(values.title.trim() ? { title: values.title } : {}),
      }),
    }),
  });
  const groups = (pathways.data?.items ?? [])
    .map((p) => ({
      group: p.name,
      items: p.steps.filter((s) => s.active && !taken.has(s.id)).map((s) => ({ value: s.id, label: s.title })),
    }))
    .filter((g) => g.items.length > 0);

  const submit = form.onSubmit(
    (input) => create.mutate({ versionId, ...input }, { onSuccess: (grid) => void navigate(`/rubrics/${grid.rubric.id}`) }),
    focusFirstError,
  );

  return (
    <AppModal opened onClose={onClose} title={t('versionRubrics.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          {pathways.data && groups.length === 0 ? <Text>{t('versionRubrics.noFreeSteps')}</Text> : null}
          <NativeSelect
            label={t('versionRubrics.step')}
            required
            {...form.getInputProps('stepId')}
            data={[{ value: '', label: t('field.choose') }, ...groups]}
            data-autofocus
          />
          <TextInput label={t('versionRubrics.title')} description={t('versionRubrics.titleHelp')} {...form.getInputProps('title')} />
          <ItemChecklist versionId={versionId} exclude={NONE} selected={chosen} onChange={setSelected} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('versionRubrics.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** A framework version's role rubrics, with links; editors of a draft add one for a step. */
export default function VersionRubrics({ versionId }: { versionId: string }) {
  const { t } = useTranslation('pathways');
  const rubrics = useVersionRubrics(versionId);
  const info = useVersionInfoForRubrics(versionId);
  const [adding, setAdding] = useState(false);
  const canAdd = info.data?.status === 'draft' && info.data.abilities.edit;
  return (
    <section aria-labelledby={`version-rubrics-${versionId}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id={`version-rubrics-${versionId}`}>
          {t('versionRubrics.heading')}
        </Title>
        {canAdd ? <Button onClick={() => setAdding(true)}>{t('versionRubrics.add')}</Button> : null}
      </Group>
      <ErrorAlert error={rubrics.error} />
      {rubrics.isPending ? <Loading /> : null}
      {rubrics.data?.items.length === 0 ? <Text>{t('versionRubrics.empty')}</Text> : null}
      {rubrics.data && rubrics.data.items.length > 0 ? (
        <List spacing="xs">
          {rubrics.data.items.map((r) => (
            <List.Item key={r.id}>
              <Anchor component={Link} to={`/rubrics/${r.id}`}>
                {r.title}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' · '}
                {r.step ? `${r.step.pathwayName} · ${r.step.title} · ` : ''}
                {t('versionRubrics.criteria', { count: r.criterionCount, formatted: formatNumber(r.criterionCount) })}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
      {adding ? (
        <AddRubricModal
          versionId={versionId}
          taken={new Set(rubrics.data?.items.flatMap((r) => (r.step ? [r.step.id] : [])) ?? [])}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </section>
  );
}

export { VersionRubrics };
