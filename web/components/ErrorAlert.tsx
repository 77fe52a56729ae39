import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors.ts';

/** A failed request, announced to screen readers, in the reader's language. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={title ?? t('error.title')}>
      {errorMessage(t, error)}
    </Alert>
  );
}
