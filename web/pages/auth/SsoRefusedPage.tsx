import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SSO_REFUSALS, type SsoRefusal } from '../../../common/sso.ts';
import { usePageTitle } from '../../components/PageHeader.tsx';

/** /sign-in/refused: why a single sign-on did not sign the person in, and the way back. */
export default function SsoRefusedPage() {
  const { t } = useTranslation('sso');
  usePageTitle(t('refused.title'));
  const [params] = useSearchParams();
  const given = params.get('reason');
  const reason: SsoRefusal = (SSO_REFUSALS as readonly string[]).includes(given ?? '') ? (given as SsoRefusal) : 'failed';
  const district = params.get('district');
  const back = district ? `/sign-in?district=${encodeURIComponent(district)}` : '/sign-in';
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('refused.title')}
      </Title>
      <Alert color="red" role="alert">
        <Text>{t(`refused.reason.${reason}`)}</Text>
      </Alert>
      <Button component={Link} to={back} fullWidth>
        {t('refused.tryAgain')}
      </Button>
    </Stack>
  );
}
