import { Anchor, Box, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../components/errors.ts';

/**
 * What happened when a page failed to render, in plain words and without a stack trace, with a way
 * home. `standalone` when the shell itself failed: then this page brings its own landmark.
 */
export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = (isRouteErrorResponse(error) && error.status === 404) || (error instanceof ApiError && error.code === 'not_found');
  const title = notFound ? t('notFound.title') : t('errorPage.title');
  // A failed lazy import usually means a new version was deployed since this tab loaded.
  const chunkFailed = error instanceof TypeError && /import|module/i.test(error.message);
  const explanation = notFound
    ? t('notFound.body')
    : chunkFailed
      ? t('errorPage.newVersion')
      : error instanceof ApiError
        ? errorMessage(t, error)
        : t('errorPage.body');

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
    console.error(error);
  }, [error, title, t]);

  const content = (
    <Stack role="alert" maw={640}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text>{explanation}</Text>
      {/* A full page load: the app may be in a bad state, so start it afresh. */}
      <Anchor href="/">{t('common.backHome')}</Anchor>
    </Stack>
  );
  if (!standalone) return content;
  return (
    <Box component="main" p="xl">
      {content}
    </Box>
  );
}
