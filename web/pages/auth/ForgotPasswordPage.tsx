import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PasswordResetRequestInput } from '../../../common/schemas/auth.ts';
import { usePasswordResetRequest } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { usePageTitle } from '../../components/PageHeader.tsx';

/** Asks for a password-reset link by e-mail. The answer never says whether the address exists. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const request = usePasswordResetRequest();
  const form = useForm({ initialValues: { email: '' }, ...schemaForm(PasswordResetRequestInput, t) });
  const onSubmit = form.onSubmit((input) => request.mutate(input.email), focusFirstError);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('forgot.title')}
      </Title>
      <div role="status">
        {request.isSuccess ? (
          <Alert color="blue" title={t('forgot.sentTitle')}>
            {t('forgot.sent')}
          </Alert>
        ) : null}
      </div>
      {request.isSuccess ? null : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Text>{t('forgot.intro')}</Text>
            <ErrorAlert error={request.error} />
            <TextInput label={t('field.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in">
        {t('forgot.backToSignIn')}
      </Anchor>
    </Stack>
  );
}
