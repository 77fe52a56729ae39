import { Anchor, Button, Fieldset, Group, Paper, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { schoolYearOf } from '../../../common/schemas/settings.ts';
import { SetReflectionInput, type TeamReflection } from '../../../common/schemas/team-goals.ts';
import { isApiError } from '../../api/client.ts';
import { useSetReflection, useTeamReflection } from '../../api/team-goals.ts';
import { todayIso } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';

interface Values {
  composition: string;
  ratings: { itemId: string; scaleLevelId: string; comment: string }[];
}

const valuesOf = (r: TeamReflection): Values => ({
  composition: r.composition,
  ratings: r.competencies.map((c) => {
    const saved = r.ratings.find((x) => x.itemId === c.id);
    return { itemId: c.id, scaleLevelId: saved?.scaleLevelId ?? '', comment: saved?.comment ?? '' };
  }),
});

function ReflectionForm({ data }: { data: TeamReflection }) {
  const { t } = useTranslation('performance');
  const save = useSetReflection(data.team.id);
  const form = useForm({
    initialValues: valuesOf(data),
    ...schemaForm(SetReflectionInput, t, {
      toInput: (v: Values) => ({
        schoolYear: data.schoolYear,
        version: data.version,
        composition: v.composition,
        ratings: v.ratings.filter((r) => r.scaleLevelId || r.comment.trim()).map((r) => ({ ...r, scaleLevelId: r.scaleLevelId || null })),
      }),
    }),
  });
  const readOnly = !data.can.edit;
  const submit = form.onSubmit(
    (input) => save.mutate(input, { onSuccess: () => notifySuccess(t('teamGoals.reflection.saved')) }),
    focusFirstError,
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('teamGoals.reflection.composition')}
          description={t('teamGoals.reflection.compositionHelp')}
          autosize
          minRows={4}
          readOnly={readOnly}
          {...form.getInputProps('composition')}
        />
        <Text fw={600}>{t('teamGoals.reflection.selfAssessment')}</Text>
        {data.competencies.length === 0 ? <Text c="dimmed">{t('teamGoals.reflection.noFramework')}</Text> : null}
        {data.competencies.map((c, i) => (
          <Paper key={c.id} withBorder p="sm">
            <Fieldset variant="unstyled" legend={c.label}>
              <Stack gap="xs">
                <Radio.Group aria-label={c.label} {...form.getInputProps(`ratings.${i}.scaleLevelId`)}>
                  <Group gap="md" mt={4}>
                    {data.scale.map((l) => (
                      <Radio key={l.id} value={l.id} label={l.label} disabled={readOnly} />
                    ))}
                  </Group>
                </Radio.Group>
                <TextInput
                  label={t('teamGoals.reflection.comment', { competency: c.label })}
                  readOnly={readOnly}
                  {...form.getInputProps(`ratings.${i}.comment`)}
                />
              </Stack>
            </Fieldset>
          </Paper>
        ))}
        <ErrorAlert error={save.error} />
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('teamGoals.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** A team's composition reflection and its self-assessment on the district's scale, per school year. */
export default function TeamReflectionPage() {
  const { t } = useTranslation('performance');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const schoolYear = params.get('schoolYear') ?? schoolYearOf(todayIso());
  const reflection = useTeamReflection(id, schoolYear);
  if (isApiError(reflection.error, 'not_found')) return <NotFoundPage />;
  if (reflection.error) return <ErrorAlert error={reflection.error} />;
  if (!reflection.data) return <Loading />;
  const data = reflection.data;
  const start = Number(schoolYearOf(todayIso()).slice(0, 4));
  const years = [start - 1, start, start + 1].map((y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/teams/${id}`} size="sm">
        {t('teamGoals.reflection.back', { team: data.team.name })}
      </Anchor>
      <PageHeader
        title={t('teamGoals.reflection.title', { team: data.team.name })}
        subtitle={data.team.schoolName}
        actions={
          <Select
            label={t('teamGoals.schoolYear')}
            allowDeselect={false}
            w={140}
            data={[...new Set([...years, schoolYear])]}
            value={schoolYear}
            onChange={(v) => v && setParams({ schoolYear: v })}
          />
        }
      />
      <ReflectionForm key={`${data.schoolYear}-${data.version}`} data={data} />
    </Stack>
  );
}
