import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreatePersonInput } from '../../../common/schemas/people.ts';
import { useCreatePerson } from '../../api/people.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { blankToNull, serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OPTIONAL_PERSON_FIELDS, PersonFields, personValues, type PersonValues } from './PersonFields.tsx';
import { personName } from '../../components/personName.ts';

/** Adds a staff member by hand; roles are added on their page afterwards. */
export default function NewPersonPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const form = useForm({
    initialValues: personValues(),
    ...schemaForm(CreatePersonInput, t, { toInput: (values: PersonValues) => blankToNull(values, OPTIONAL_PERSON_FIELDS) }),
  });
  if (!me.abilities.managePeople) return <NotAllowed />;

  const onSubmit = form.onSubmit(
    (input) =>
      create.mutate(input, {
        onSuccess: (person) => {
          notifySuccess(t('person.created', { name: personName(person) }));
          void navigate(`/people/${person.id}`);
        },
        onError: (error) => form.setErrors(serverFieldErrors(t, error)),
      }),
    focusFirstError,
  );

  return (
    <Stack>
      <Anchor component={Link} to="/people" size="sm">
        {t('person.back')}
      </Anchor>
      <PageHeader title={t('people.addTitle')} subtitle={t('people.addHelp')} />
      <form onSubmit={onSubmit} noValidate>
        <Stack maw={720}>
          <ErrorAlert error={create.error} />
          <PersonFields inputProps={form.getInputProps} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('people.addSubmit')}
            </Button>
            <Button variant="default" component={Link} to="/people">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
