import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AccountEnrolment, Reauthentication } from '../../../common/schemas/mfa.ts';
import { isApiError } from '../../api/client.ts';
import {
  useConfirmEnrolment,
  useDisableTwoFactor,
  useRegenerateRecoveryCodes,
  useStartEnrolment,
  useTwoFactorStatus,
  useVerifySession,
} from '../../api/mfa.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { CodeForm } from '../../components/mfa/CodeForm.tsx';
import { RecoveryCodesPanel } from '../../components/mfa/RecoveryCodesPanel.tsx';
import { TotpSetupForm } from '../../components/mfa/TotpSetupForm.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { codeFailure } from '../auth/SecondFactorStep.tsx';
import { ProofModal, wrongProofText } from './ProofModal.tsx';

type Action = 'setup' | 'newCodes' | 'turnOff';

/**
 * The account page's two-factor sign-in: its state; setting up an app (or moving to a new one),
 * new recovery codes, turning it off (not when required), and verifying a session that has not
 * passed it yet. Each change asks for a code or the password first.
 */
export function TwoFactorSection() {
  const { t } = useTranslation('mfa');
  const me = useMe();
  const status = useTwoFactorStatus();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTwoFactor();
  const verify = useVerifySession();
  const [action, setAction] = useState<Action | null>(null);
  const [enrolment, setEnrolment] = useState<AccountEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const setupRef = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  // The confirm dialog closed and its button is gone: continue at the setup steps.
  useEffect(() => {
    if (enrolment) setupRef.current?.focus();
  }, [enrolment]);

  // The banner links here (`/account#two-factor`): bring the section into view and focus.
  useEffect(() => {
    if (hash === '#two-factor' && status.data) {
      headingRef.current?.scrollIntoView({ block: 'start' });
      headingRef.current?.focus();
    }
  }, [hash, status.data]);

  if (status.isPending) return <Loading />;
  if (!status.data) return <ErrorAlert error={status.error} />;
  const s = status.data;

  const mutation = action === 'setup' ? start : action === 'newCodes' ? regenerate : disable;
  const closeProof = () => {
    setAction(null);
    mutation.reset();
  };
  const onProof = (proof: Reauthentication) => {
    const done = (then: () => void) => () => {
      setAction(null);
      then();
    };
    if (action === 'setup') start.mutate(proof, { onSuccess: (started) => done(() => setEnrolment(started))() });
    if (action === 'newCodes') regenerate.mutate(proof, { onSuccess: (made) => done(() => setCodes(made.recoveryCodes))() });
    if (action === 'turnOff') disable.mutate(proof, { onSuccess: done(() => notifySuccess(t('account.turnedOff'))) });
  };
  const proofText: Record<Action, { title: string; intro: string; confirm: string }> = {
    setup: {
      title: s.enrolled ? t('account.newApp') : t('account.setUp'),
      intro: s.enrolled ? t('account.proofTitle') : t('account.startIntro'),
      confirm: t('account.continue'),
    },
    newCodes: { title: t('account.newCodes'), intro: t('account.newCodesIntro'), confirm: t('account.newCodes') },
    turnOff: { title: t('account.turnOff'), intro: t('account.turnOffIntro'), confirm: t('account.turnOff') },
  };
  const verifyFailure = isApiError(verify.error, 'validation_failed')
    ? wrongProofText(t, verify.error)
    : (codeFailure(t, verify.error)?.text ?? null);
  const confirmFailure = isApiError(confirm.error, 'validation_failed') ? t('enrol.wrong') : (codeFailure(t, confirm.error)?.text ?? null);

  let body;
  if (codes) {
    body = <RecoveryCodesPanel codes={codes} email={me.email} headingOrder={3} doneLabel={t('codes.done')} onDone={() => setCodes(null)} />;
  } else if (enrolment) {
    body = (
      <Stack>
        <Title order={3} size="h4" ref={setupRef} tabIndex={-1}>
          {s.enrolled ? t('account.newApp') : t('account.setUp')}
        </Title>
        <Text>{t('enrol.accountIntro')}</Text>
        <TotpSetupForm
          details={enrolment}
          loading={confirm.isPending}
          failure={confirmFailure}
          onConfirm={(code) =>
            confirm.mutate(
              { challenge: enrolment.challenge, code },
              {
                onSuccess: (made) => {
                  setEnrolment(null);
                  setCodes(made.recoveryCodes);
                  notifySuccess(t('account.turnedOn'));
                },
              },
            )
          }
        />
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() => {
            setEnrolment(null);
            confirm.reset();
          }}
        >
          {t('app:common.cancel')}
        </Button>
      </Stack>
    );
  } else {
    body = (
      <Stack gap="sm">
        <Text>
          {s.requiredBy === 'access'
            ? t('account.requiredNote')
            : s.requiredBy === 'district'
              ? t('account.requiredNoteDistrict')
              : t('account.optionalIntro')}
        </Text>
        {s.enrolled ? (
          <Text size="sm">
            {t('account.enrolledSince', { date: formatDate(s.enrolledAt) })} · {t('account.codesLeft', { count: s.recoveryCodesLeft })}
          </Text>
        ) : null}
        {s.enrolled && s.recoveryCodesLeft === 0 ? (
          <Alert color="yellow" variant="light">
            {t('account.noCodesLeft')}
          </Alert>
        ) : null}
        {s.required && !s.enrolled ? (
          <Text size="sm">{s.requiredBy === 'access' ? t('account.needsSetup') : t('account.needsSetupDistrict')}</Text>
        ) : null}
        {/* Only a grant waits for a verified session; staff lose nothing meanwhile. */}
        {s.enrolled && !s.sessionVerified && s.requiredBy === 'access' ? (
          <Stack gap="xs" maw={420}>
            <Title order={3} size="h4">
              {t('account.verifyTitle')}
            </Title>
            <Text size="sm">{t('account.verifyIntro')}</Text>
            <CodeForm
              autoFocus={false}
              loading={verify.isPending}
              failure={verifyFailure}
              submitLabel={t('verify.submit')}
              onSubmit={(method, code) => verify.mutate({ method, code }, { onSuccess: () => notifySuccess(t('account.verified')) })}
            />
          </Stack>
        ) : null}
        {!s.enrolled && !s.hasPassword ? <Text size="sm">{t('account.ssoOnly')}</Text> : null}
        <Group gap="sm">
          {s.hasPassword || s.enrolled ? (
            <Button variant={s.enrolled ? 'default' : 'filled'} onClick={() => setAction('setup')}>
              {s.enrolled ? t('account.newApp') : t('account.setUp')}
            </Button>
          ) : null}
          {s.enrolled ? (
            <Button variant="default" onClick={() => setAction('newCodes')}>
              {t('account.newCodes')}
            </Button>
          ) : null}
          {s.enrolled && !s.required ? (
            <Button variant="default" color="red" onClick={() => setAction('turnOff')}>
              {t('account.turnOff')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" maw={640}>
      <Group gap="sm">
        <Title order={2} size="h3" id="two-factor" ref={headingRef} tabIndex={-1}>
          {t('account.title')}
        </Title>
        <Badge variant="light" color={s.enrolled ? 'green' : 'gray'}>
          {s.enrolled ? t('account.on') : t('account.off')}
        </Badge>
        {s.required ? (
          <Badge variant="light" color="blue">
            {s.requiredBy === 'district' ? t('account.requiredByDistrict') : t('account.required')}
          </Badge>
        ) : null}
      </Group>
      {body}
      {action ? (
        <ProofModal
          opened
          title={proofText[action].title}
          intro={proofText[action].intro}
          confirmLabel={proofText[action].confirm}
          enrolled={s.enrolled}
          danger={action === 'turnOff'}
          loading={mutation.isPending}
          error={mutation.error}
          onConfirm={onProof}
          onClose={closeProof}
        />
      ) : null}
    </Stack>
  );
}
