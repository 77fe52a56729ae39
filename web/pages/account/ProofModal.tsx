import { Button, Group, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Reauthentication } from '../../../common/schemas/mfa.ts';
import { isApiError, type ApiError } from '../../api/client.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** A refused code or password on the account page (400 with the field and why), in words. */
export function wrongProofText(t: TFunction, error: ApiError): string {
  const [issue] = (error.details as { path: string; message: string }[] | null) ?? [];
  if (issue?.message === 'code_used') return t('verify.codeUsed');
  return issue?.path === 'password' ? t('account.wrongPassword') : t('account.wrongCode');
}

/**
 * "Confirm it is you" before a change to two-factor sign-in: a code from the app or the password
 * (only the password while no app is set up).
 */
export function ProofModal({
  opened,
  title,
  intro,
  confirmLabel,
  enrolled,
  danger,
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  intro: string;
  confirmLabel: string;
  enrolled: boolean;
  danger?: boolean;
  loading: boolean;
  error: unknown;
  onConfirm: (proof: Reauthentication) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('mfa');
  type Values = { method: 'totp' | 'password'; code: string; password: string };
  const form = useForm({
    initialValues: { method: enrolled ? 'totp' : 'password', code: '', password: '' } as Values,
    ...schemaForm(Reauthentication, t, {
      toInput: (v: Values) => (v.method === 'totp' ? { method: v.method, code: v.code } : { method: v.method, password: v.password }),
    }),
  });
  const method = form.values.method;
  const wrong = isApiError(error, 'validation_failed') ? wrongProofText(t, error) : null;

  const submit = form.onSubmit((proof) => onConfirm(proof), focusFirstError);
  const close = () => {
    form.reset();
    onClose();
  };

  return (
    <AppModal opened={opened} onClose={close} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>{intro}</Text>
          {enrolled ? (
            <Radio.Group
              label={t('account.proofWith')}
              value={method}
              onChange={(next) => form.setValues({ method: next as Values['method'], code: '', password: '' })}
            >
              <Group mt="xs">
                <Radio value="totp" label={t('account.proofCode')} />
                <Radio value="password" label={t('account.proofPassword')} />
              </Group>
            </Radio.Group>
          ) : null}
          {method === 'totp' ? (
            <TextInput
              key="code"
              label={t('verify.codeLabel')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              required
              {...form.getInputProps('code')}
              error={form.errors.code ?? wrong}
            />
          ) : (
            <PasswordInput
              key="password"
              label={t('account.passwordLabel')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
              error={form.errors.password ?? wrong}
              visibilityToggleButtonProps={{ 'aria-label': t('app:common.showPassword') }}
            />
          )}
          {wrong ? null : <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app:common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={loading}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
