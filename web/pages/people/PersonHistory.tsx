import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePersonHistory } from '../../api/people.ts';
import { AuditEntries } from '../../components/AuditEntries.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';

/** Who changed what on this person, newest first. */
export function PersonHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const history = usePersonHistory(personId, true);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('person.historyTitle')}
      </Title>
      {history.isPending ? <Loading /> : null}
      <ErrorAlert error={history.error} />
      {history.data?.items.length === 0 ? <Text>{t('person.noHistory')}</Text> : null}
      {history.data && history.data.items.length > 0 ? (
        <AuditEntries entries={history.data.items} caption={t('person.historyCaption')} showEntity={false} />
      ) : null}
    </Stack>
  );
}
