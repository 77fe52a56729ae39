import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SecondFactorProof } from '../../../common/schemas/mfa.ts';
import type { ProofMethod } from '../../api/mfa.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';

/**
 * The input for a 6-digit code from an authenticator app (the phone offers the code from a text
 * message or the app through `one-time-code`, with a number pad), switching to a recovery code.
 */
export function CodeForm({
  onSubmit,
  loading,
  failure,
  submitLabel,
  allowRecovery = true,
  autoFocus = true,
  showIntro = true,
  footer,
}: {
  onSubmit: (method: ProofMethod, code: string) => void;
  loading: boolean;
  /** What went wrong with the last try, already in words. */
  failure: string | null;
  submitLabel: string;
  allowRecovery?: boolean;
  autoFocus?: boolean;
  /** The line saying where the code comes from (left out where the page says it already). */
  showIntro?: boolean;
  footer?: ReactNode;
}) {
  const { t } = useTranslation('mfa');
  const form = useForm({
    initialValues: { method: 'totp' as ProofMethod, code: '' },
    ...schemaForm(SecondFactorProof, t),
  });
  const method = form.values.method;

  const submit = form.onSubmit((proof) => onSubmit(proof.method, proof.code), focusFirstError);
  const switchMethod = () => {
    form.setValues({ method: method === 'totp' ? 'recovery' : 'totp', code: '' });
    form.clearErrors();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {showIntro ? <Text>{method === 'totp' ? t('verify.intro') : t('verify.recoveryIntro')}</Text> : null}
        {failure ? (
          <Alert color="red" role="alert" title={t('verify.failed')}>
            {failure}
          </Alert>
        ) : null}
        {method === 'totp' ? (
          <TextInput
            key="totp"
            label={t('verify.codeLabel')}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]*"
            maxLength={7}
            required
            data-autofocus={autoFocus || undefined}
            autoFocus={autoFocus}
            {...form.getInputProps('code')}
            styles={{ input: { fontSize: 'var(--mantine-font-size-lg)', letterSpacing: '0.2em', fontVariantNumeric: 'tabular-nums' } }}
          />
        ) : (
          <TextInput
            key="recovery"
            label={t('verify.recoveryLabel')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            {...form.getInputProps('code')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        )}
        <Button type="submit" loading={loading} fullWidth>
          {submitLabel}
        </Button>
        {allowRecovery ? (
          <Anchor component="button" type="button" onClick={switchMethod} size="sm" ta="left">
            {method === 'totp' ? t('verify.useRecovery') : t('verify.useApp')}
          </Anchor>
        ) : null}
        {footer}
      </Stack>
    </form>
  );
}
