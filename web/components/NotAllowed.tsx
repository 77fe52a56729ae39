import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader.tsx';

/** Shown instead of a page the user's abilities do not cover (e.g. a bookmarked admin page). */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('notAllowed.title')} />
      <Text>{t('notAllowed.body')}</Text>
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Stack>
  );
}
