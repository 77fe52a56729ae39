import { Badge, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';
import { useSsoOverview, type SsoOverview, type SsoProvider } from '../../api/sso.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EndDistrictSessionsSection } from './EndDistrictSessionsSection.tsx';
import { SignInSwitchSection, type SignInSwitchTexts } from './SignInSwitchSection.tsx';
import { SsoProviderModal } from './SsoProviderModal.tsx';

/** A value to copy (a URL), with a labelled copy button. */
function CopyField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('sso');
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', flex: 1 }} aria-label={label}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="default" size="xs" onClick={copy} aria-label={`${t('settings.copy')}: ${label}`}>
            {copied ? t('settings.copied') : t('settings.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function ProviderCard({ provider, onEdit }: { provider: SsoProvider; onEdit: () => void }) {
  const { t } = useTranslation('sso');
  return (
    <Paper component="li" withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{provider.displayName}</Text>
            <Badge variant="light" color="gray">
              {t(`kind.${provider.kind}`)}
            </Badge>
            <Badge variant="light" color={provider.enabled ? 'green' : 'gray'}>
              {provider.enabled ? t('settings.enabled') : t('settings.disabled')}
            </Badge>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {provider.issuer}
          </Text>
          <Text size="sm" c="dimmed">
            {t(provider.matchBy === 'email' ? 'settings.matchesBy' : 'settings.matchesByIdentifier', { claim: provider.claim })}
          </Text>
          {provider.allowedDomains.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('settings.domains', { domains: provider.allowedDomains.join(', ') })}
            </Text>
          ) : null}
          {provider.tenantClaim ? (
            <Text size="sm" c="dimmed">
              {t('settings.tenant', { claim: provider.tenantClaim, value: provider.tenantValue })}
            </Text>
          ) : null}
          {provider.enforcesMfa ? (
            <Text size="sm" c="dimmed">
              {t('settings.enforcesMfa')}
            </Text>
          ) : null}
        </Stack>
        <Button
          size="xs"
          variant="default"
          onClick={onEdit}
          aria-label={t('settings.editNamed', { name: provider.displayName })}
          style={{ flexShrink: 0 }}
        >
          {t('settings.edit')}
        </Button>
      </Group>
    </Paper>
  );
}

const PASSWORD_TEXTS: SignInSwitchTexts = {
  title: 'settings.passwordTitle',
  help: 'settings.passwordHelp',
  label: 'settings.passwordSwitch',
  on: 'settings.passwordOn',
  off: 'settings.passwordOff',
  savedOn: 'settings.savedOn',
  savedOff: 'settings.savedOff',
};

/**
 * Two-factor sign-in for everyone, or (the default) for HR and district admins only. Nothing
 * blocks it: people without an app set one up at their next sign-in.
 */
const TWO_FACTOR_TEXTS: SignInSwitchTexts = {
  title: 'settings.twoFactorTitle',
  help: 'settings.twoFactorHelp',
  label: 'settings.twoFactorSwitch',
  on: 'settings.twoFactorOn',
  off: 'settings.twoFactorOff',
  savedOn: 'settings.twoFactorSavedOn',
  savedOff: 'settings.twoFactorSavedOff',
};

/** Why passwords cannot be turned off now, in words (null when they can, or are already off). */
function passwordsBlockedReason(t: TFunction, overview: SsoOverview) {
  const by = overview.abilities.turnPasswordsOffBlockedBy;
  return overview.passwordSignIn && !overview.abilities.turnPasswordsOff && by ? t(`settings.blocked.${by}`) : undefined;
}

/** /settings/sign-in (district admins): identity providers, the links to share and register, password and two-factor sign-in, signing everyone out. */
export default function SignInSettingsPage() {
  const { t } = useTranslation('sso');
  const me = useMe();
  const allowed = me.abilities.viewAudit;
  const overview = useSsoOverview(allowed);
  const [editing, setEditing] = useState<SsoProvider | 'new' | null>(null);
  if (!allowed) return <NotAllowed />;

  return (
    <Stack maw={860} gap="xl">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {overview.isPending ? <Loading /> : null}
      <ErrorAlert error={overview.error} />
      {overview.data ? (
        <>
          <Stack gap="sm" component="section" aria-labelledby="providers-title">
            <Group justify="space-between">
              <Title order={2} size="h3" id="providers-title">
                {t('settings.providersTitle')}
              </Title>
              <Button onClick={() => setEditing('new')}>{t('settings.add')}</Button>
            </Group>
            <Text>{t('settings.providersHelp')}</Text>
            {overview.data.providers.length === 0 ? <Text c="dimmed">{t('settings.none')}</Text> : null}
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {overview.data.providers.map((provider) => (
                <ProviderCard key={provider.id} provider={provider} onEdit={() => setEditing(provider)} />
              ))}
            </Stack>
          </Stack>
          <Stack gap="xs" component="section" aria-labelledby="link-title">
            <Title order={2} size="h3" id="link-title">
              {t('settings.linkTitle')}
            </Title>
            <Text>{t('settings.linkHelp')}</Text>
            <CopyField value={overview.data.signInUrl} label={t('settings.linkLabel')} />
            <Title order={2} size="h3" mt="md">
              {t('settings.redirectTitle')}
            </Title>
            <Text>{t('settings.redirectHelp')}</Text>
            <CopyField value={overview.data.redirectUri} label={t('settings.redirectLabel')} />
          </Stack>
          <SignInSwitchSection
            id="password-title"
            overview={overview.data}
            setting="passwordSignIn"
            texts={PASSWORD_TEXTS}
            blockedReason={passwordsBlockedReason(t, overview.data)}
          />
          <SignInSwitchSection id="two-factor-title" overview={overview.data} setting="requireTwoFactor" texts={TWO_FACTOR_TEXTS} />
          {overview.data.abilities.endSessions ? <EndDistrictSessionsSection /> : null}
        </>
      ) : null}
      {editing ? (
        <SsoProviderModal
          provider={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            notifySuccess(
              editing === 'new' ? t('settings.added', { name: saved.displayName }) : t('settings.saved', { name: saved.displayName }),
            );
            setEditing(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
