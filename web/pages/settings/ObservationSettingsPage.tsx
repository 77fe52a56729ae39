import { Button, Tabs } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { LibraryPanel } from './LibraryPanel.tsx';
import { NonNegotiablesPanel } from './NonNegotiablesPanel.tsx';
import { ObservationTypesPanel } from './ObservationTypesPanel.tsx';

const TABS = ['non-negotiables', 'types', 'library'] as const;

/** HR and admins: the district's non-negotiables, observation types and action-step library (tab kept in the URL). */
export default function ObservationSettingsPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const [url, setUrl] = useUrlState({ tab: 'non-negotiables' });
  if (!me.abilities.manageObservationSettings) return <NotAllowed />;
  const tab = (TABS as readonly string[]).includes(url.tab) ? url.tab : 'non-negotiables';
  return (
    <>
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        actions={
          <Button variant="default" component={Link} to="/settings/calendar">
            {t('calendar.title')}
          </Button>
        }
      />
      <Tabs value={tab} onChange={(value) => setUrl({ tab: value ?? 'non-negotiables' })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="non-negotiables">{t('tabs.nonNegotiables')}</Tabs.Tab>
          <Tabs.Tab value="types">{t('tabs.types')}</Tabs.Tab>
          <Tabs.Tab value="library">{t('tabs.library')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="non-negotiables" pt="md">
          <NonNegotiablesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="types" pt="md">
          <ObservationTypesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="library" pt="md">
          <LibraryPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
