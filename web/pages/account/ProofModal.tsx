import { Button, Group, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reauthentication } from '../../../common/schemas/mfa.ts';
import { TotpCode } from '../../../common/schemas/mfa.ts';
import { isApiError, type ApiError } from '../../api/client.ts';
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
  const [method, setMethod] = useState<'totp' | 'password'>(enrolled ? 'totp' : 'password');
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const wrong = isApiError(error, 'validation_failed') ? wrongProofText(t, error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (method === 'totp') {
      const code = TotpCode.safeParse(value);
      setInvalid(code.success ? null : t('app:validation.invalid'));
      if (code.success) onConfirm({ method: 'totp', code: code.data });
      return;
    }
    setInvalid(value ? null : t('app:validation.required'));
    if (value) onConfirm({ method: 'password', password: value });
  };
  const close = () => {
    setValue('');
    setInvalid(null);
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
              onChange={(next) => {
                setMethod(next as 'totp' | 'password');
                setValue('');
                setInvalid(null);
              }}
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
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={invalid ?? wrong}
            />
          ) : (
            <PasswordInput
              key="password"
              label={t('account.passwordLabel')}
              autoComplete="current-password"
              required
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={invalid ?? wrong}
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
