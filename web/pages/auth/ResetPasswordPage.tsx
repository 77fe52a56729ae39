import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PasswordResetConfirmInput } from '../../../common/schemas/auth.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { isApiError } from '../../api/client.ts';
import { usePasswordResetConfirm } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordStrengthMeter, weakPasswordMessage } from '../../components/PasswordStrength.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';

/** Sets a new password from the link in a reset e-mail (`/reset-password?token=...`). */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = usePasswordResetConfirm();
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    ...schemaForm(PasswordResetConfirmInput, t, {
      toInput: (values: { password: string; repeat: string }) => ({ token, password: values.password }),
      check: (values) => (values.password === values.repeat ? {} : { repeat: t('validation.passwordsDiffer') }),
    }),
  });
  const onSubmit = form.onSubmit((input) => confirm.mutate(input), focusFirstError);

  const emailInUse =
    isApiError(confirm.error, 'invalid_state') && (confirm.error.details as { code?: string } | null)?.code === 'email_in_use';
  const badLink = !token || token.length < 20 || (isApiError(confirm.error, 'invalid_state') && !emailInUse);
  const weak = weakPasswordMessage(t, confirm.error, 'password');
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('reset.title')}
      </Title>
      {confirm.isSuccess ? (
        <Alert color="green" role="status" title={t('reset.doneTitle')}>
          {t('reset.done')}
        </Alert>
      ) : emailInUse ? (
        <Alert color="orange" role="alert" title={t('reset.emailInUseTitle')}>
          {t('reset.emailInUse')}
        </Alert>
      ) : badLink ? (
        <Alert color="red" role="alert" title={t('reset.badLinkTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('reset.badLink')}</Text>
            <Anchor component={Link} to="/forgot-password" size="sm" c="red.9" underline="always">
              {t('reset.askAgain')}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Text>{t('reset.intro')}</Text>
            {weak ? null : <ErrorAlert error={confirm.error} />}
            <PasswordInput
              label={t('field.newPassword')}
              description={t('account.passwordRule')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
              error={form.errors.password ?? weak}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            />
            <PasswordStrengthMeter password={form.values.password} />
            <PasswordInput
              label={t('field.repeatPassword')}
              autoComplete="new-password"
              required
              {...form.getInputProps('repeat')}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {t('reset.submit')}
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
