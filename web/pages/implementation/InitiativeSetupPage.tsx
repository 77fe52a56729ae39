import { Anchor, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useInitiative, useUpdateInitiative } from '../../api/initiatives.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx';
import { CoverageSection } from './CoverageSection.tsx';
import { FundingSection } from './FundingSection.tsx';
import { GuestsSection } from './GuestsSection.tsx';
import { InitiativeForm } from './InitiativeForm.tsx';
import { WavesSection } from './WavesSection.tsx';

/**
 * HR's setup of one initiative: its details, the schools it covers and their waves, the waves'
 * dates, its funding with spend-by warnings, and the partner's guest accounts.
 */
export default function InitiativeSetupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('implementation');
  const initiative = useInitiative(id);
  const update = useUpdateInitiative(id);
  usePageTitle(initiative.data ? t('initiatives.setupTitle', { name: initiative.data.name }) : t('initiatives.title'));
  if (initiative.error) return <ErrorAlert error={initiative.error} />;
  if (!initiative.data) return <Loading />;
  const data = initiative.data;
  if (!data.abilities.manage) return <NotAllowed />;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('initiatives.setupTitle', { name: data.name })}
        subtitle={
          <Anchor component={Link} to={`/initiatives/${id}`}>
            {t('initiatives.toOverview')}
          </Anchor>
        }
      />
      <Paper withBorder p="md" component="section" aria-labelledby="initiative-details">
        <Title order={2} size="h3" id="initiative-details" mb="sm">
          {t('initiatives.details')}
        </Title>
        <InitiativeForm
          key={data.version}
          initiative={data}
          saving={update.isPending}
          onSave={async (input) => {
            await update.mutateAsync({ ...input, version: data.version });
            notifySuccess(t('initiatives.saved'));
          }}
        />
      </Paper>
      <WavesSection initiative={data} />
      <CoverageSection initiative={data} />
      <FundingSection initiative={data} />
      <GuestsSection initiative={data} />
    </Stack>
  );
}
