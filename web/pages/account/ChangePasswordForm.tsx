import { Alert, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ChangePasswordInput } from '../../../common/schemas/auth.ts';
import { isApiError } from '../../api/client.ts';
import { useChangePassword, useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PasswordStrengthMeter, weakPasswordMessage } from '../../components/PasswordStrength.tsx';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

/** Changes the password after checking the current one (other sessions are signed out). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const me = useMe();
  const personal = [me.email, me.person.givenName, me.person.familyName];
  const form = useForm({
    initialValues: EMPTY,
    ...schemaForm(ChangePasswordInput, t, {
      toInput: ({ currentPassword, newPassword }: typeof EMPTY) => ({ currentPassword, newPassword }),
      check: (values) => (values.newPassword === values.repeat ? {} : { repeat: t('validation.passwordsDiffer') }),
    }),
  });

  const onSubmit = form.onSubmit(
    (input) =>
      change.mutate(input, {
        onSuccess: () => form.setValues(EMPTY),
        onError: (error) => {
          const weak = weakPasswordMessage(t, error, 'newPassword');
          if (weak) form.setErrors({ newPassword: weak });
          else if (isApiError(error, 'validation_failed')) form.setErrors({ currentPassword: t('account.wrongCurrentPassword') });
        },
      }),
    focusFirstError,
  );

  const field = (name: keyof typeof EMPTY, label: string, autoComplete: string, description?: string) => (
    <PasswordInput
      label={label}
      description={description}
      autoComplete={autoComplete}
      required
      {...form.getInputProps(name)}
      visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="change-password-heading">
      <Stack gap="sm" maw={420}>
        <Title order={2} size="h3" id="change-password-heading">
          {t('account.passwordTitle')}
        </Title>
        <div role="status">
          {change.isSuccess ? (
            <Alert color="green" title={t('account.passwordChanged')}>
              {t('account.passwordChangedBody')}
            </Alert>
          ) : null}
        </div>
        {isApiError(change.error, 'validation_failed') ? null : <ErrorAlert error={change.error} />}
        {field('currentPassword', t('field.currentPassword'), 'current-password')}
        {field('newPassword', t('field.newPassword'), 'new-password', t('account.passwordRule'))}
        <PasswordStrengthMeter password={form.values.newPassword} personal={personal} />
        {field('repeat', t('field.repeatPassword'), 'new-password')}
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
