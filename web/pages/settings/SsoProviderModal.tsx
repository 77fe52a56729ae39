import { Alert, Button, Checkbox, Group, NativeSelect, PasswordInput, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateSsoProviderInput, UpdateSsoProviderInput } from '../../../common/schemas/sso.ts';
import { presetIssuer, SSO_KINDS, SSO_PRESETS, type SsoKind, type SsoMatchBy } from '../../../common/sso.ts';
import { useCreateSsoProvider, useDiscoveryTest, useUpdateSsoProvider, type SsoProvider } from '../../api/sso.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { validate, type FieldErrors } from '../../components/validation.ts';
import { ssoErrorMessage } from './ssoErrors.ts';

interface Values {
  kind: SsoKind;
  displayName: string;
  tenantId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  matchBy: SsoMatchBy;
  claim: string;
  allowedDomains: string;
  tenantClaim: string;
  tenantValue: string;
  enforcesMfa: boolean;
  enabled: boolean;
}

/** A form's values from a preset (a new provider) or a saved provider. */
function valuesOf(provider: SsoProvider | undefined, kind: SsoKind = 'google'): Values {
  if (provider) {
    return {
      ...provider,
      tenantId: '',
      clientSecret: '',
      allowedDomains: provider.allowedDomains.join(', '),
      tenantClaim: provider.tenantClaim ?? '',
      tenantValue: provider.tenantValue ?? '',
    };
  }
  const preset = SSO_PRESETS[kind];
  return {
    kind,
    displayName: preset.displayName,
    tenantId: '',
    issuer: presetIssuer(kind),
    clientId: '',
    clientSecret: '',
    scopes: preset.scopes,
    matchBy: preset.matchBy,
    claim: preset.claim,
    allowedDomains: '',
    tenantClaim: preset.tenantClaim ?? '',
    tenantValue: '',
    enforcesMfa: false,
    enabled: true,
  };
}

/** Adds an identity provider (starting from a preset) or edits one; the secret is write-only. */
export function SsoProviderModal({ provider, onClose, onSaved }: { provider?: SsoProvider; onClose: () => void; onSaved: (p: SsoProvider) => void }) {
  const { t } = useTranslation('sso');
  const [values, setValues] = useState(() => valuesOf(provider));
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateSsoProvider();
  const update = useUpdateSsoProvider();
  const test = useDiscoveryTest();
  const mutation = provider ? update : create;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      kind: values.kind,
      displayName: values.displayName,
      issuer: values.issuer,
      clientId: values.clientId,
      scopes: values.scopes,
      matchBy: values.matchBy,
      claim: values.claim,
      allowedDomains: values.allowedDomains.split(/[\s,]+/).filter(Boolean),
      tenantClaim: values.tenantClaim.trim() || null,
      tenantValue: values.tenantValue.trim() || null,
      enforcesMfa: values.enforcesMfa,
      enabled: values.enabled,
    };
    const secret = values.clientSecret ? { clientSecret: values.clientSecret } : {};
    const result = provider
      ? validate(UpdateSsoProviderInput, { ...input, ...secret, version: provider.version }, t)
      : validate(CreateSsoProviderInput, { ...input, clientSecret: values.clientSecret }, t);
    const fieldErrors: FieldErrors = {};
    if (!result.ok) for (const [path, message] of Object.entries(result.errors)) fieldErrors[path.split('.')[0]!] ??= message;
    if (fieldErrors.tenantValue && input.tenantClaim && !input.tenantValue) fieldErrors.tenantValue = t('form.tenantPair');
    setErrors(fieldErrors);
    if (!result.ok) return;
    if (provider) update.mutate({ id: provider.id, ...(result.data as object), version: provider.version } as never, { onSuccess: onSaved });
    else create.mutate(result.data as never, { onSuccess: onSaved });
  };

  const runTest = () => {
    if (!values.issuer.trim()) return setErrors((e) => ({ ...e, issuer: t('form.issuerRequired') }));
    test.mutate(values.issuer.trim());
  };
  const saveProblem = ssoErrorMessage(t, mutation.error);

  return (
    <AppModal opened onClose={onClose} title={provider ? t('form.editTitle', { name: provider.displayName }) : t('form.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {saveProblem ? (
            <Alert color="red" role="alert">
              {saveProblem}
            </Alert>
          ) : null}
          <NativeSelect
            label={t('form.kind')}
            disabled={Boolean(provider)}
            value={values.kind}
            onChange={(e) => setValues(valuesOf(undefined, e.currentTarget.value as SsoKind))}
            data={SSO_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            data-autofocus
          />
          <TextInput
            label={t('form.displayName')}
            description={t('form.displayNameHelp', { name: values.displayName || '…' })}
            required
            value={values.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={errors.displayName}
          />
          {values.kind === 'microsoft' && !provider ? (
            <TextInput
              label={t('form.tenantId')}
              description={t('form.tenantIdHelp')}
              value={values.tenantId}
              onChange={(e) => {
                const tenantId = e.currentTarget.value;
                setValues((v) => ({ ...v, tenantId, issuer: presetIssuer('microsoft', tenantId) }));
              }}
            />
          ) : null}
          <TextInput
            label={t('form.issuer')}
            description={t('form.issuerHelp')}
            required
            type="url"
            value={values.issuer}
            onChange={(e) => set('issuer', e.currentTarget.value)}
            error={errors.issuer}
          />
          <Group gap="sm" align="center">
            <Button variant="default" onClick={runTest} loading={test.isPending}>
              {t('form.test')}
            </Button>
          </Group>
          {test.data?.ok ? (
            <Alert color="green" role="status">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('form.testOk', { endpoint: test.data.authorizationEndpoint })}
              </Text>
            </Alert>
          ) : null}
          {test.data && !test.data.ok ? (
            <Alert color="red" role="alert" title={t('form.testFailed')}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t(`form.problem.${test.data.problem}`, { detail: test.data.detail ?? '' })}
              </Text>
              {test.data.detail && test.data.problem !== 'issuer_mismatch' ? (
                <Text size="xs" mt={4} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {test.data.detail}
                </Text>
              ) : null}
            </Alert>
          ) : null}
          {test.error ? (
            <Alert color="red" role="alert">
              {ssoErrorMessage(t, test.error)}
            </Alert>
          ) : null}
          <TextInput label={t('form.clientId')} required value={values.clientId} onChange={(e) => set('clientId', e.currentTarget.value)} error={errors.clientId} />
          <PasswordInput
            label={t('form.clientSecret')}
            description={provider ? t('form.clientSecretKeep') : t('form.clientSecretHelp')}
            required={!provider}
            autoComplete="new-password"
            value={values.clientSecret}
            onChange={(e) => set('clientSecret', e.currentTarget.value)}
            error={errors.clientSecret}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <TextInput label={t('form.scopes')} description={t('form.scopesHelp')} value={values.scopes} onChange={(e) => set('scopes', e.currentTarget.value)} error={errors.scopes} />
          <Radio.Group label={t('form.matchBy')} value={values.matchBy} onChange={(v) => set('matchBy', v as SsoMatchBy)}>
            <Stack gap="xs" mt={4}>
              <Radio value="email" label={t('form.matchByEmail')} />
              <Radio value="identifier" label={t('form.matchByIdentifier')} />
            </Stack>
          </Radio.Group>
          <TextInput label={t('form.claim')} description={t('form.claimHelp')} required value={values.claim} onChange={(e) => set('claim', e.currentTarget.value)} error={errors.claim} />
          <TextInput
            label={t('form.allowedDomains')}
            description={t('form.allowedDomainsHelp')}
            value={values.allowedDomains}
            onChange={(e) => set('allowedDomains', e.currentTarget.value)}
            error={errors.allowedDomains}
            placeholder="district.org"
          />
          <Text size="sm" c="dimmed">
            {t('form.tenantHelp')}
          </Text>
          <Group grow align="flex-start">
            <TextInput label={t('form.tenantClaim')} value={values.tenantClaim} onChange={(e) => set('tenantClaim', e.currentTarget.value)} error={errors.tenantClaim} />
            <TextInput label={t('form.tenantValue')} value={values.tenantValue} onChange={(e) => set('tenantValue', e.currentTarget.value)} error={errors.tenantValue} />
          </Group>
          <Checkbox
            label={t('form.enforcesMfa')}
            description={t('form.enforcesMfaHelp')}
            checked={values.enforcesMfa}
            onChange={(e) => set('enforcesMfa', e.currentTarget.checked)}
          />
          <Switch label={t('form.enabled')} checked={values.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
