import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NewPassword } from '../../../common/schemas/auth.ts';
import { isApiError } from '../../api/client.ts';
import { usePasswordResetConfirm } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordStrengthMeter, weakPasswordMessage } from '../../components/PasswordStrength.tsx';
import { validate, type FieldErrors } from '../../components/validation.ts';
import { usePageTitle } from '../../components/PageHeader.tsx';

/** Sets a new password from the link in a reset e-mail (`/reset-password?token=...`). */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = usePasswordResetConfirm();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(NewPassword, password, t);
    const next: FieldErrors = result.ok ? {} : { password: Object.values(result.errors)[0] ?? t('validation.invalid') };
    if (result.ok && password !== repeat) next.repeat = t('validation.passwordsDiffer');
    setErrors(next);
    if (Object.keys(next).length === 0) confirm.mutate({ token, password });
  };

  const emailInUse = isApiError(confirm.error, 'invalid_state') && (confirm.error.details as { code?: string } | null)?.code === 'email_in_use';
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
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.password ?? weak}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            />
            <PasswordStrengthMeter password={password} />
            <PasswordInput
              label={t('field.repeatPassword')}
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(event) => setRepeat(event.currentTarget.value)}
              error={errors.repeat}
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
