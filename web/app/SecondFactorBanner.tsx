import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session.ts';

/**
 * Above every page while the user's HR / admin grant waits for two-factor sign-in in this session
 * (the server gives the grant nothing until then): what is missing and where to do it.
 */
export function SecondFactorBanner() {
  const { t } = useTranslation('mfa');
  const me = useMe();
  const { pathname } = useLocation();
  if (!me.secondFactor.required || me.secondFactor.satisfied) return null;
  return (
    <Alert color="yellow" title={t('banner.title')} mb="md">
      <Stack gap={4}>
        <Text size="sm">{t('banner.setUp')}</Text>
        {pathname === '/account' ? null : (
          <Anchor component={Link} to="/account#two-factor" size="sm" c="dark" underline="always">
            {t('banner.action')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
