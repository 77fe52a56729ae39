import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** "Someone else saved this first": offers to load their version into the form. */
export function ConflictNotice({ onLoad }: { onLoad: () => void }) {
  const { t } = useTranslation('pathways');
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

/**
 * What went wrong with the last save of a form: a 409 conflict (with "load theirs"), else any
 * other error, else nothing.
 */
export function SaveProblem({ conflict, error, onLoad }: { conflict: boolean; error: unknown; onLoad: () => void }) {
  return conflict ? <ConflictNotice onLoad={onLoad} /> : <ErrorAlert error={error} />;
}
