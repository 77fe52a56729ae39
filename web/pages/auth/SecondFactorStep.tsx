import { Alert, Anchor, Button, Stack, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondFactorChallenge } from '../../../common/schemas/mfa.ts';
import { isApiError } from '../../api/client.ts';
import { useVerifyChallenge } from '../../api/mfa.ts';
import { CodeForm } from '../../components/mfa/CodeForm.tsx';
import { errorMessage } from '../../components/errors.ts';
import { notifySuccess } from '../../components/notify.ts';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { SignInEnrolment } from './SignInEnrolment.tsx';

/** A failed code step, in words; `expired` when only the password step can go on. */
export function codeFailure(t: TFunction, error: unknown, recovery = false): { text: string; expired: boolean } | null {
  if (!error) return null;
  if (isApiError(error, 'invalid_state')) return { text: t('verify.expired'), expired: true };
  if (isApiError(error, 'rate_limited')) return { text: t('verify.rateLimited'), expired: false };
  if (isApiError(error, 'unauthenticated')) {
    const reason = (error.details as { reason?: string } | null)?.reason;
    return {
      text: reason === 'code_used' ? t('verify.codeUsed') : recovery ? t('verify.wrongRecovery') : t('verify.wrong'),
      expired: false,
    };
  }
  return { text: errorMessage(t, error), expired: false };
}

/** The sign-in step after the password: a code (or a recovery code), or setting up an app first. */
export function SecondFactorStep({ secondFactor, onRestart }: { secondFactor: SecondFactorChallenge; onRestart: () => void }) {
  if (secondFactor.step === 'enroll') return <SignInEnrolment challenge={secondFactor.challenge} onRestart={onRestart} />;
  return <CodeStep challenge={secondFactor.challenge} onRestart={onRestart} />;
}

function CodeStep({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const { t } = useTranslation('mfa');
  usePageTitle(t('verify.title'));
  const verify = useVerifyChallenge();
  const failure = codeFailure(t, verify.error, verify.variables?.method === 'recovery');
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new step on the same page: tell screen readers where they are now.
  useEffect(() => headingRef.current?.focus(), []);

  const submit = (method: 'totp' | 'recovery', code: string) => {
    verify.mutate(
      { challenge, method, code },
      {
        onSuccess: (session) => {
          if (session.recoveryCodesLeft !== null) notifySuccess(t('verify.recoveryLeft', { count: session.recoveryCodesLeft }));
        },
      },
    );
  };

  return (
    <Stack>
      <Title order={1} size="h2" ref={headingRef} tabIndex={-1}>
        {t('verify.title')}
      </Title>
      {failure?.expired ? (
        <Alert color="red" role="alert" title={t('verify.failed')}>
          {failure.text}
        </Alert>
      ) : (
        <CodeForm
          onSubmit={submit}
          loading={verify.isPending}
          failure={failure?.text ?? null}
          submitLabel={t('verify.submit')}
          autoFocus={false}
        />
      )}
      {failure?.expired ? (
        <Button onClick={onRestart} w="fit-content">
          {t('verify.startAgain')}
        </Button>
      ) : (
        <Anchor component="button" type="button" onClick={onRestart} size="sm" ta="left">
          {t('verify.startAgain')}
        </Anchor>
      )}
    </Stack>
  );
}
