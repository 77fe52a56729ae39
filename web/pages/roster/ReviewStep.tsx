import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterImport } from '../../../common/schemas/roster.ts';
import { isApiError } from '../../api/client.ts';
import { useApplyRosterImport, useDiscardRosterImport } from '../../api/roster.ts';
import { formatNumber } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { errorMessage } from '../../components/errors.ts';
import { CountsTable } from './CountsTable.tsx';
import { IssueList } from './IssueList.tsx';

/** Step 2: the dry-run report, and Apply (blocked, with the reason, while there are errors). */
export function ReviewStep({ roster }: { roster: RosterImport }) {
  const { t } = useTranslation();
  const apply = useApplyRosterImport();
  const discard = useDiscardRosterImport();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const { report } = roster;
  // Counts stay exact when the issue list is cut at 1,000.
  const errors = report.counts.orgs.error + report.counts.people.error + report.counts.roles.error;
  const blockedReason =
    errors > 0
      ? t('import.blockedByErrors', { count: errors, formatted: formatNumber(errors) })
      : !roster.abilities.apply
        ? t('import.notAllowedToApply')
        : null;
  const applyError = isApiError(apply.error, 'conflict')
    ? t('import.anotherRunning')
    : isApiError(apply.error, 'invalid_state')
      ? t('import.notApplicable')
      : apply.error
        ? errorMessage(t, apply.error)
        : null;
  const ignored = report.ignored;

  return (
    <Stack gap="lg">
      <Text>{t('import.reviewIntro', { files: roster.fileNames.join(', ') })}</Text>
      <CountsTable counts={report.counts} caption={t('import.countsCaptionDryRun')} />
      {ignored.nonStaffUsers + ignored.nonStaffRoles + ignored.files.length > 0 ? (
        <Text size="sm">
          {t('import.ignored', { users: formatNumber(ignored.nonStaffUsers), roles: formatNumber(ignored.nonStaffRoles) })}
          {ignored.files.length > 0 ? ` ${t('import.ignoredFiles', { files: ignored.files.join(', ') })}` : ''}
        </Text>
      ) : null}
      <IssueList issues={report.issues} />
      {report.issuesOmitted > 0 ? (
        <Text size="sm">{t('import.issuesOmitted', { count: report.issuesOmitted, formatted: formatNumber(report.issuesOmitted) })}</Text>
      ) : null}
      {applyError ? (
        <Alert color="red" role="alert" title={t('import.applyFailed')}>
          {applyError}
        </Alert>
      ) : null}
      <Group align="center">
        <Button
          aria-disabled={blockedReason ? true : undefined}
          data-disabled={blockedReason ? true : undefined}
          aria-describedby={blockedReason ? 'apply-blocked-reason' : undefined}
          loading={apply.isPending}
          onClick={(event) => (blockedReason ? event.preventDefault() : apply.mutate(roster.id))}
        >
          {t('import.apply')}
        </Button>
        {roster.abilities.discard ? (
          <Button variant="default" onClick={() => setConfirmDiscard(true)}>
            {t('import.discard')}
          </Button>
        ) : null}
      </Group>
      {blockedReason ? (
        <Text id="apply-blocked-reason" c="red.8" fw={500}>
          {blockedReason}
        </Text>
      ) : null}
      <ConfirmModal
        opened={confirmDiscard}
        title={t('import.discardTitle')}
        confirmLabel={t('import.discard')}
        danger
        loading={discard.isPending}
        error={discard.error}
        onClose={() => setConfirmDiscard(false)}
        onConfirm={() => discard.mutate(roster.id, { onSuccess: () => setConfirmDiscard(false) })}
      >
        {t('import.discardBody')}
      </ConfirmModal>
    </Stack>
  );
}
