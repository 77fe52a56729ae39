import { Anchor, Button, Divider, Stack, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PerformanceHistoryLink } from '../performance/PerformanceHistoryLink.tsx';
import { PersonFidelityLink } from '../implementation/PersonFidelityLink.tsx';
import { PersonOutcomesLink } from '../outcomes/PersonOutcomesLink.tsx';
import { isApiError } from '../../api/client.ts';
import { usePerson, useSetPersonActive } from '../../api/people.ts';
import { useCompetencyProfile } from '../../api/profile.ts';
import { ActiveBadge } from '../../components/ActiveBadge.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { personName } from '../../components/personName.ts';
import { PersonAccount } from './PersonAccount.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { PersonEditForm } from './PersonEditForm.tsx';
import { PersonHistory } from './PersonHistory.tsx';
import { RoleAssignments } from './RoleAssignments.tsx';
import { PersonCareer } from '../placements/PersonCareer.tsx';

// The profile's charts (recharts) are the heaviest code of the page: they load after the person.
const CompetencyProfile = lazy(() => import('./CompetencyProfile.tsx').then((m) => ({ default: m.CompetencyProfile })));

/** One person: details (editable), roles and role history, and who changed what. */
export default function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);
  // Asked for now, not once the profile's code has arrived.
  useCompetencyProfile(id);
  const setActive = useSetPersonActive(id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (isApiError(person.error, 'not_found')) return <NotFoundPage />;
  if (person.error) return <ErrorAlert error={person.error} />;
  if (!person.data) return <Loading />;
  const p = person.data;
  const name = personName(p);
  const primary = p.primaryRole ? `${t(`role.${p.primaryRole.role}`)} · ${p.primaryRole.orgUnitName}` : t('person.noRole');

  const closeConfirm = () => {
    setConfirming(false);
    setActive.reset();
  };
  const toggleActive = () =>
    setActive.mutate(
      { active: !p.active, version: p.version },
      {
        onSuccess: (saved) => {
          closeConfirm();
          notifySuccess(saved.active ? t('person.reactivated', { name }) : t('person.deactivated', { name }));
        },
      },
    );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/people" size="sm">
        {t('person.back')}
      </Anchor>
      <PageHeader
        title={name}
        subtitle={primary}
        actions={
          <>
            <ActiveBadge active={p.active} />
            {p.abilities.update && !editing ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {p.abilities.deactivate ? (
              <Button variant="default" onClick={() => setConfirming(true)}>
                {p.active ? t('common.deactivate') : t('common.reactivate')}
              </Button>
            ) : null}
          </>
        }
      />
      {editing ? (
        <PersonEditForm
          person={p}
          onDone={() => {
            setEditing(false);
          }}
        />
      ) : (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('person.detailsTitle')}
          </Title>
          <PersonDetails person={p} />
        </Stack>
      )}
      {p.account ? (
        <>
          <Divider />
          <PersonAccount person={p} />
        </>
      ) : null}
      <Divider />
      <RoleAssignments person={p} />
      <Divider />
      <PersonCareer personId={p.id} />
      <PerformanceHistoryLink personId={p.id} />
      <PersonFidelityLink personId={p.id} />
      <PersonOutcomesLink personId={p.id} />
      <Suspense fallback={null}>
        <CompetencyProfile personId={p.id} />
      </Suspense>
      {p.abilities.viewHistory ? (
        <>
          <Divider />
          <PersonHistory personId={p.id} />
        </>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={p.active ? t('person.deactivateTitle', { name }) : t('person.reactivateTitle', { name })}
        confirmLabel={p.active ? t('common.deactivate') : t('common.reactivate')}
        danger={p.active}
        loading={setActive.isPending}
        error={setActive.error}
        onClose={closeConfirm}
        onConfirm={toggleActive}
      >
        {p.active ? t('person.deactivateBody') : t('person.reactivateBody')}
      </ConfirmModal>
    </Stack>
  );
}
