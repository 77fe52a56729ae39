import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The current row a 409 `conflict` answer carries, else null. */
export function conflictCurrent<T>(error: unknown): T | null {
  return isApiError(error, 'conflict') ? ((error.details as { current?: T } | null)?.current ?? null) : null;
}

/**
 * What went wrong with the last save of a settings form: someone else saved first (offer to load
 * their values), else any other error, else nothing.
 */
export function SaveProblem({ error, onLoad }: { error: unknown; onLoad?: () => void }) {
  const { t } = useTranslation('settings');
  if (onLoad && conflictCurrent(error)) {
    return (
      <Alert color="orange" role="alert" title={t('conflict.title')}>
        <Stack gap="xs" align="flex-start">
          {t('conflict.body')}
          <Button size="xs" variant="default" onClick={onLoad}>
            {t('conflict.loadTheirs')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}
