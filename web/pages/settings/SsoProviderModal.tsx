import { Alert, Button, Checkbox, Group, NativeSelect, PasswordInput, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CreateSsoProviderInput, UpdateSsoProviderInput } from '../../../common/schemas/sso.ts';
import { presetIssuer, SSO_KINDS, SSO_PRESETS, type SsoKind, type SsoMatchBy } from '../../../common/sso.ts';
import { useCreateSsoProvider, useDiscoveryTest, useUpdateSsoProvider, type SsoProvider } from '../../api/sso.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
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
export function SsoProviderModal({
  provider,
  onClose,
  onSaved,
}: {
  provider?: SsoProvider;
  onClose: () => void;
  onSaved: (p: SsoProvider) => void;
}) {
  const { t } = useTranslation('sso');
  const form = useForm({
    initialValues: valuesOf(provider),
    ...schemaForm(provider ? UpdateSsoProviderInput : CreateSsoProviderInput, t, {
      toInput: (values: Values) => {
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
        return provider ? { ...input, ...secret, version: provider.version } : { ...input, clientSecret: values.clientSecret };
      },
      check: (values, errors) => {
        // A message about one of the allowed domains shows on the domains field.
        const fields: Record<string, string | undefined> = {};
        for (const [path, message] of Object.entries(errors)) {
          const field = path.split('.')[0]!;
          if (field !== path && !errors[field]) fields[field] ??= message;
        }
        if (errors.tenantValue && values.tenantClaim.trim() && !values.tenantValue.trim()) fields.tenantValue = t('form.tenantPair');
        return fields;
      },
    }),
  });
  const values = form.values;
  const create = useCreateSsoProvider();
  const update = useUpdateSsoProvider();
  const test = useDiscoveryTest();
  const mutation = provider ? update : create;
  const onSubmit = form.onSubmit((input) => {
    if (provider) update.mutate({ id: provider.id, ...(input as object), version: provider.version } as never, { onSuccess: onSaved });
    else create.mutate(input as never, { onSuccess: onSaved });
  }, focusFirstError);

  const runTest = () => {
    if (!values.issuer.trim()) return form.setFieldError('issuer', t('form.issuerRequired'));
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
            {...form.getInputProps('kind')}
            onChange={(e) => form.setValues(valuesOf(undefined, e.currentTarget.value as SsoKind))}
            data={SSO_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            data-autofocus
          />
          <TextInput
            label={t('form.displayName')}
            description={t('form.displayNameHelp', { name: values.displayName || '…' })}
            required
            {...form.getInputProps('displayName')}
          />
          {values.kind === 'microsoft' && !provider ? (
            <TextInput
              label={t('form.tenantId')}
              description={t('form.tenantIdHelp')}
              {...form.getInputProps('tenantId')}
              onChange={(e) => {
                const tenantId = e.currentTarget.value;
                form.setValues({ tenantId, issuer: presetIssuer('microsoft', tenantId) });
              }}
            />
          ) : null}
          <TextInput label={t('form.issuer')} description={t('form.issuerHelp')} required type="url" {...form.getInputProps('issuer')} />
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
          <TextInput label={t('form.clientId')} required {...form.getInputProps('clientId')} />
          <PasswordInput
            label={t('form.clientSecret')}
            description={provider ? t('form.clientSecretKeep') : t('form.clientSecretHelp')}
            required={!provider}
            autoComplete="new-password"
            {...form.getInputProps('clientSecret')}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <TextInput label={t('form.scopes')} description={t('form.scopesHelp')} {...form.getInputProps('scopes')} />
          <Radio.Group label={t('form.matchBy')} {...form.getInputProps('matchBy')}>
            <Stack gap="xs" mt={4}>
              <Radio value="email" label={t('form.matchByEmail')} />
              <Radio value="identifier" label={t('form.matchByIdentifier')} />
            </Stack>
          </Radio.Group>
          <TextInput label={t('form.claim')} description={t('form.claimHelp')} required {...form.getInputProps('claim')} />
          <TextInput
            label={t('form.allowedDomains')}
            description={t('form.allowedDomainsHelp')}
            {...form.getInputProps('allowedDomains')}
            placeholder="district.org"
          />
          <Text size="sm" c="dimmed">
            {t('form.tenantHelp')}
          </Text>
          <Group grow align="flex-start">
            <TextInput label={t('form.tenantClaim')} {...form.getInputProps('tenantClaim')} />
            <TextInput label={t('form.tenantValue')} {...form.getInputProps('tenantValue')} />
          </Group>
          <Checkbox
            label={t('form.enforcesMfa')}
            description={t('form.enforcesMfaHelp')}
            {...form.getInputProps('enforcesMfa', { type: 'checkbox' })}
          />
          <Switch label={t('form.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
