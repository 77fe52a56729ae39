import { Anchor, Button, Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ssoStartUrl, type SsoOptions } from '../../api/sso.ts';

/**
 * A district's "Sign in with <provider>" buttons (full page loads: the provider is another site),
 * the district's name, and a way to forget a district remembered on this device.
 */
export function SsoButtons({
  options,
  next,
  onForget,
  divider,
}: {
  options: SsoOptions;
  next: string;
  onForget?: () => void;
  divider: boolean;
}) {
  const { t } = useTranslation('sso');
  if (!options.district) return null;
  return (
    <Stack gap="sm">
      <Text fw={500}>{t('signIn.district', { district: options.district.name })}</Text>
      {options.providers.map((provider) => (
        <Button
          key={provider.id}
          component="a"
          href={ssoStartUrl(provider.id, next)}
          variant="default"
          size="md"
          fullWidth
          // Long provider names and Spanish wrap instead of being cut off on a phone.
          styles={{
            root: { height: 'auto', minHeight: 42, paddingBlock: 8 },
            label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 },
          }}
        >
          {t('signIn.withProvider', { name: provider.displayName })}
        </Button>
      ))}
      {onForget ? (
        <Anchor component="button" type="button" size="sm" onClick={onForget} style={{ alignSelf: 'flex-start' }}>
          {t('signIn.notYourDistrict')}
        </Anchor>
      ) : null}
      {divider && options.providers.length > 0 ? <Divider label={t('signIn.or')} labelPosition="center" /> : null}
    </Stack>
  );
}
