import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RosterImport } from '../../../common/schemas/roster.ts';
import { formatDateTime } from '../../app/format.ts';
import { CountsTable } from './CountsTable.tsx';
import { failureMessage } from './issues.ts';

/** Step 4: applied (with what changed), failed (nothing changed), or discarded. */
export function ResultStep({ roster }: { roster: RosterImport }) {
  const { t } = useTranslation();
  const when = formatDateTime(roster.finishedAt ?? roster.createdAt);
  return (
    <Stack gap="lg">
      {roster.status === 'applied' ? (
        <Alert color="green" role="status" title={t('import.appliedTitle')}>
          {t('import.appliedBody', { when })}
        </Alert>
      ) : roster.status === 'failed' ? (
        <Alert color="red" role="alert" title={t('import.failedTitle')}>
          {failureMessage(t, roster.error)}
        </Alert>
      ) : (
        <Alert color="gray" role="status" title={t('import.discardedTitle')}>
          {t('import.discardedBody')}
        </Alert>
      )}
      {roster.status === 'applied' ? <CountsTable counts={roster.report.counts} caption={t('import.countsCaptionApplied')} /> : null}
      <Group>
        <Anchor component={Link} to="/import">
          {t('import.startAnother')}
        </Anchor>
        {roster.status === 'applied' ? (
          <Anchor component={Link} to="/people">
            {t('import.seePeople')}
          </Anchor>
        ) : null}
      </Group>
      <Text size="sm">{t('import.files', { files: roster.fileNames.join(', ') })}</Text>
    </Stack>
  );
}
