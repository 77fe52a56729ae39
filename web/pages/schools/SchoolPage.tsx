import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useOrgUnit } from '../../api/org-units.ts';
import { useMe } from '../../api/session.ts';
import { ActiveBadge } from '../../components/ActiveBadge.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { OrgUnitActiveModal } from './OrgUnitActiveModal.tsx';
import { OrgUnitFormModal } from './OrgUnitFormModal.tsx';
import { SchoolStaff } from './SchoolStaff.tsx';

/** One school or department: its details and its staff grouped by role. */
export default function SchoolPage() {
  const { t } = useTranslation();
  const { t: tPerformance } = useTranslation('performance');
  const { t: tOutcomes } = useTranslation('outcomes');
  const { id = '' } = useParams();
  const me = useMe();
  const unit = useOrgUnit(id);
  const [dialog, setDialog] = useState<'edit' | 'active' | null>(null);

  if (isApiError(unit.error, 'not_found')) return <NotFoundPage />;
  if (unit.error) return <ErrorAlert error={unit.error} />;
  if (!unit.data) return <Loading />;
  const u = unit.data;

  const subtitle = (
    <>
      {t(`orgUnitType.${u.type}`)}
      {u.identifier ? ` · ${t('field.identifier')}: ${u.identifier}` : ''}
      {u.parentName ? ` · ${t('school.partOf', { name: u.parentName })}` : ''}
    </>
  );
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/schools" size="sm">
        {t('school.back')}
      </Anchor>
      <PageHeader
        title={u.name}
        subtitle={subtitle}
        actions={
          <>
            <ActiveBadge active={u.active} />
            {u.type === 'school' ? (
              <Button variant="default" component={Link} to={`/schools/${u.id}/goals`}>
                {tPerformance('teamGoals.link')}
              </Button>
            ) : null}
            {u.type === 'school' && me.abilities.manageTeams ? (
              <Button variant="default" component={Link} to={`/dashboards/school/${u.id}`}>
                {tOutcomes('dashboard.schoolLink')}
              </Button>
            ) : null}
            {u.type === 'school' && me.abilities.manageTeams ? (
              <Button variant="default" component={Link} to={`/schools/${u.id}/teams`}>
                {t('school.teams')}
              </Button>
            ) : null}
            {u.abilities.update ? (
              <Button variant="default" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            ) : null}
            {u.abilities.deactivate ? (
              <Button variant="default" onClick={() => setDialog('active')}>
                {u.active ? t('common.deactivate') : t('common.reactivate')}
              </Button>
            ) : null}
          </>
        }
      />
      {me.abilities.viewPeople ? <SchoolStaff orgUnitId={u.id} /> : <Text>{t('school.staffCountOnly', { count: u.staffCount })}</Text>}
      {dialog === 'edit' ? (
        <OrgUnitFormModal
          unit={u}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            notifySuccess(t('schools.saved', { name: saved.name }));
          }}
        />
      ) : null}
      {dialog === 'active' ? <OrgUnitActiveModal unit={u} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}
