import { ActionIcon, Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { StageDefinitionInput, type StageChecklistItem, type StageDefinition } from '../../../common/schemas/initiative-stages.ts';
import { isApiError } from '../../api/client.ts';
import { stageKeys, useSaveStageDefinition, useStageDefinitions } from '../../api/initiative-stages.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

/**
 * /initiatives/:id/stages/checklists: each stage's activities and exit criteria. HR and admins
 * edit them (the built-in lists show until the first save writes them); everyone else reads.
 */
export default function StageDefinitionsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('implementation');
  const defs = useStageDefinitions(id);
  if (defs.error) return <ErrorAlert error={defs.error} />;
  if (!defs.data) return <Loading />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/initiatives/${id}/stages`} size="sm">
        {t('stagesPage.backToStages')}
      </Anchor>
      <PageHeader title={t('stagesPage.definitions.title')} subtitle={t('stagesPage.definitions.intro')} />
      {defs.data.items.map((d) => (
        <StageEditor key={`${d.stage}-${d.version ?? 'builtin'}`} initiativeId={id} def={d} editable={defs.data.abilities.edit} />
      ))}
    </Stack>
  );
}

type ListName = 'activities' | 'exitCriteria';
interface Values {
  activities: StageChecklistItem[];
  exitCriteria: StageChecklistItem[];
}

const newId = () => `i${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

function StageEditor({ initiativeId, def, editable }: { initiativeId: string; def: StageDefinition; editable: boolean }) {
  const { t } = useTranslation('implementation');
  const queryClient = useQueryClient();
  const save = useSaveStageDefinition(initiativeId);
  const [failed, setFailed] = useState<unknown>(null);
  const form = useForm({
    initialValues: { activities: def.activities, exitCriteria: def.exitCriteria } as Values,
    ...schemaForm(StageDefinitionInput, t, { toInput: (v: Values) => ({ ...v, version: def.version }) }),
  });
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      await save.mutateAsync({ stage: def.stage, ...input });
      notifySuccess(t('stagesPage.definitions.saved', { stage: t(`stages.${def.stage}`) }));
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  const conflict = isApiError(failed, 'conflict');
  const list = (name: ListName, label: string) => (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {label}
      </Title>
      {form.values[name].map((item, i) =>
        editable ? (
          <Group key={item.id} align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('stagesPage.definitions.itemLabel', { list: label, n: i + 1 })}
              maxLength={500}
              {...form.getInputProps(`${name}.${i}.text`)}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('stagesPage.definitions.remove', { n: i + 1 })}
              onClick={() => form.removeListItem(name, i)}
            >
              ×
            </ActionIcon>
          </Group>
        ) : (
          <Text key={item.id}>{item.text}</Text>
        ),
      )}
      {editable ? (
        <Button variant="subtle" style={{ alignSelf: 'flex-start' }} onClick={() => form.insertListItem(name, { id: newId(), text: '' })}>
          {t('stagesPage.definitions.add', { list: label })}
        </Button>
      ) : null}
    </Stack>
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group gap="sm">
            <Title order={2} size="h3">
              {t(`stages.${def.stage}`)}
            </Title>
            {def.builtIn ? <Badge variant="light">{t('stagesPage.definitions.builtIn')}</Badge> : null}
          </Group>
          {list('activities', t('stagesPage.activities'))}
          {list('exitCriteria', t('stagesPage.exitCriteria'))}
          {conflict ? (
            <Alert color="orange" role="alert" title={t('stagesPage.definitions.conflict')}>
              <Button
                variant="default"
                onClick={() => void queryClient.invalidateQueries({ queryKey: stageKeys.definitions(initiativeId) })}
              >
                {t('stagesPage.definitions.reload')}
              </Button>
            </Alert>
          ) : (
            <ErrorAlert error={failed} />
          )}
          {editable ? (
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('stagesPage.definitions.save')}
            </Button>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
