import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentSession } from '../../../common/schemas/mfa.ts';
import { isApiError } from '../../api/client.ts';
import { useChallengeEnrolment, useConfirmChallengeEnrolment } from '../../api/mfa.ts';
import { useAcceptSession } from '../../api/session.ts';
import { Loading } from '../../components/Loading.tsx';
import { RecoveryCodesPanel } from '../../components/mfa/RecoveryCodesPanel.tsx';
import { TotpSetupForm } from '../../components/mfa/TotpSetupForm.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { codeFailure } from './SecondFactorStep.tsx';

/**
 * Forced enrolment at sign-in (HR and admins without a factor): set up the app, confirm with a
 * code, save the recovery codes; only then does the app take the session and move on.
 */
export function SignInEnrolment({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const { t } = useTranslation('mfa');
  usePageTitle(t('enrol.title'));
  const details = useChallengeEnrolment(challenge);
  const confirm = useConfirmChallengeEnrolment();
  const accept = useAcceptSession();
  const [done, setDone] = useState<EnrolmentSession | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  if (done) {
    return (
      <RecoveryCodesPanel
        codes={done.recoveryCodes}
        email={done.user.email}
        headingOrder={1}
        doneLabel={t('codes.continue')}
        onDone={() => accept(done)}
      />
    );
  }
  const failure = codeFailure(t, confirm.error ?? details.error);
  // A wrong first code: most often the phone's clock, or another QR code scanned.
  const wrongCode = isApiError(confirm.error, 'unauthenticated');
  return (
    <Stack>
      <Title order={1} size="h2" ref={headingRef} tabIndex={-1}>
        {t('enrol.title')}
      </Title>
      <Text>{t('enrol.requiredIntro')}</Text>
      {details.data && !failure?.expired ? (
        <TotpSetupForm
          details={details.data}
          loading={confirm.isPending}
          failure={wrongCode ? t('enrol.wrong') : (failure?.text ?? null)}
          onConfirm={(code) => confirm.mutate({ challenge, code }, { onSuccess: setDone })}
        />
      ) : failure ? (
        <Alert color="red" role="alert" title={t('verify.failed')}>
          {failure.text}
        </Alert>
      ) : (
        <Loading />
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
