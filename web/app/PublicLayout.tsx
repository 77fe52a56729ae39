import { Box, Container, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading.tsx';
import { currentLocale, LOCALES, setLocale, type Locale } from './i18n.ts';

/** Sign-in and password pages: the brand, a language choice, and one card. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" py="sm" px="md" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between">
          <Text fw={700} size="lg" c="blue.9">
            {t('app.name')}
          </Text>
          <NativeSelect
            label={t('account.language')}
            size="xs"
            value={currentLocale()}
            onChange={(event) => void setLocale(event.currentTarget.value as Locale)}
            data={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
            styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
          />
        </Group>
      </Box>
      <Container component="main" id="main" size={440} py="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Paper>
      </Container>
    </Box>
  );
}
