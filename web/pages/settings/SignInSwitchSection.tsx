import { Alert, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUpdateSignInSettings, type SsoOverview } from '../../api/sso.ts';
import { notifySuccess } from '../../components/notify.ts';
import { ssoErrorMessage } from './ssoErrors.ts';

/** The district-wide sign-in settings that are one switch each. */
export type SignInSwitchSetting = 'passwordSignIn' | 'requireTwoFactor';

/** The texts of one switch (sso namespace keys): its state and the message after saving, both ways. */
export interface SignInSwitchTexts {
  title: string;
  help: string;
  label: string;
  on: string;
  off: string;
  savedOn: string;
  savedOff: string;
}

/**
 * One sign-in setting as its own section: a title, what it does, a switch that saves at once (with
 * the settings' version), the current state in words (never the switch's position alone), and why a
 * change failed. `blockedReason` disables the switch and says why.
 */
export function SignInSwitchSection({
  id,
  overview,
  setting,
  texts,
  blockedReason,
}: {
  id: string;
  overview: SsoOverview;
  setting: SignInSwitchSetting;
  texts: SignInSwitchTexts;
  blockedReason?: string;
}) {
  const { t } = useTranslation('sso');
  const update = useUpdateSignInSettings();
  const problem = ssoErrorMessage(t, update.error);
  const on = overview[setting];
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {t(texts.title)}
      </Title>
      <Text>{t(texts.help)}</Text>
      <Switch
        label={t(texts.label)}
        checked={on}
        disabled={Boolean(blockedReason) || update.isPending}
        description={blockedReason}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          update.mutate(
            { version: overview.settingsVersion, [setting]: checked },
            { onSuccess: () => notifySuccess(t(checked ? texts.savedOn : texts.savedOff)) },
          );
        }}
      />
      <Text size="sm" fw={500}>
        {t(on ? texts.on : texts.off)}
      </Text>
      {problem ? (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      ) : null}
    </Stack>
  );
}
