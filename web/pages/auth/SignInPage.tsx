import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { lazy, useEffect, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { safeNext } from '../../../common/return-path.ts';
import { SignInInput } from '../../../common/schemas/auth.ts';
import type { SecondFactorChallenge } from '../../../common/schemas/mfa.ts';
import { isApiError } from '../../api/client.ts';
import { useSsoSecondFactor } from '../../api/mfa.ts';
import { useSession, useSignIn } from '../../api/session.ts';
import { Loading } from '../../components/Loading.tsx';
import { errorMessage } from '../../components/errors.ts';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { loadSignedInShell } from '../../app/signed-in.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { SsoButtons } from './SsoButtons.tsx';
import { useSignInDistrict } from './ssoDistrict.ts';

// The code step (and its authenticator setup) is fetched only by those who are asked for it.
const SecondFactorStep = lazy(() => import('./SecondFactorStep.tsx').then((m) => ({ default: m.SecondFactorStep })));

/** "You can try again in N seconds/minutes", from the answer's `retryAfterSeconds`. */
function retryText(t: TFunction, details: unknown): string {
  const seconds = (details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (typeof seconds !== 'number') return '';
  return seconds < 90 ? t('signIn.retryIn', { count: seconds }) : t('signIn.retryInMinutes', { count: Math.ceil(seconds / 60) });
}

export default function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const form = useForm({ initialValues: { email: '', password: '' }, ...schemaForm(SignInInput, t) });
  const sso = useSignInDistrict(form.values.email);
  const [passwordAnyway, setPasswordAnyway] = useState(false);
  // A district chosen by its link (not guessed from a domain) that signs in by SSO only hides the form.
  const ssoOnly = Boolean(sso.options && !sso.options.passwordSignIn && sso.source === 'chosen');
  // After a right password, HR and admins (and whoever turned it on) take a second step.
  const [secondFactor, setSecondFactor] = useState<SecondFactorChallenge | null>(null);
  const afterSso = useAfterSso(setSecondFactor);

  if (session.data) return <Navigate to={next} replace />;
  if (secondFactor) {
    const restart = () => {
      setSecondFactor(null);
      form.setFieldValue('password', '');
      signIn.reset();
    };
    return <SecondFactorStep secondFactor={secondFactor} onRestart={restart} />;
  }

  if (afterSso.pending) return <Loading />;

  const onSubmit = form.onSubmit((input) => {
    // Fetch what comes next while the password is checked.
    void loadSignedInShell().catch(() => undefined);
    signIn.mutate(input, {
      onSuccess: (answer) => ('secondFactor' in answer ? setSecondFactor(answer.secondFactor) : void navigate(next, { replace: true })),
      onError: (error) => {
        const district = ssoRequired(error);
        if (district) sso.remember(district);
      },
    });
  }, focusFirstError);

  const failure = signIn.error
    ? ssoRequired(signIn.error) !== null
      ? t(sso.options ? 'sso:signIn.ssoRequired' : 'sso:signIn.ssoRequiredNoButton')
      : isApiError(signIn.error, 'unauthenticated')
        ? t('signIn.wrongCredentials')
        : isApiError(signIn.error, 'rate_limited')
          ? [t('signIn.rateLimited'), retryText(t, signIn.error.details)].filter(Boolean).join(' ')
          : errorMessage(t, signIn.error)
    : null;

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('signIn.title')}
      </Title>
      {sso.options ? (
        <SsoButtons
          options={sso.options}
          next={next}
          onForget={sso.fromLink ? undefined : sso.forget}
          divider={!ssoOnly || passwordAnyway}
        />
      ) : null}
      {afterSso.failed ? (
        <Alert color="red" role="alert" title={t('signIn.failed')}>
          {t('mfa:verify.expired')}
        </Alert>
      ) : null}
      {ssoOnly && !passwordAnyway ? (
        <Stack gap="xs">
          <Text size="sm">{t('sso:signIn.passwordOffNotice', { district: sso.options!.district!.name })}</Text>
          <Anchor component="button" type="button" size="sm" onClick={() => setPasswordAnyway(true)} style={{ alignSelf: 'flex-start' }}>
            {t('sso:signIn.usePassword')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Text>{t('signIn.intro')}</Text>
            {failure ? (
              <Alert color="red" role="alert" title={t('signIn.failed')}>
                {failure}
              </Alert>
            ) : null}
            <TextInput label={t('field.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <PasswordInput
              label={t('field.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('signIn.submit')}
            </Button>
            {ssoOnly ? null : (
              <Anchor component={Link} to="/forgot-password">
                {t('signIn.forgot')}
              </Anchor>
            )}
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/**
 * Back from the district's identity provider with Trellis's own second step to take
 * (`?step=second-factor`): takes the step's challenge from the server, once, and drops the
 * marker from the address (a reload then shows the sign-in page, not a spent step).
 */
function useAfterSso(onStep: (step: SecondFactorChallenge) => void) {
  const [params, setParams] = useSearchParams();
  const handOver = useSsoSecondFactor();
  const asked = params.get('step') === 'second-factor';
  const started = useRef(false);
  useEffect(() => {
    if (!asked || started.current) return;
    started.current = true;
    handOver.mutate(undefined, { onSuccess: (answer) => onStep(answer.secondFactor) });
    setParams(
      (current) => {
        current.delete('step');
        return current;
      },
      { replace: true },
    );
  }, [asked, handOver, onStep, setParams]);
  return { pending: handOver.isPending || (asked && handOver.isIdle), failed: handOver.isError };
}

/** The district a password sign-in was refused for because it signs in by SSO only, else null. */
function ssoRequired(error: unknown): string | null {
  if (!isApiError(error, 'forbidden')) return null;
  const details = error.details as { reason?: string; district?: string | null } | null;
  return details?.reason === 'sso_required' ? (details.district ?? '') : null;
}
