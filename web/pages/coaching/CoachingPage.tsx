import { Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CaseloadSection } from './CaseloadSection.tsx';
import { MyCoachingSection } from './MyCoachingSection.tsx';
import { OverdueReviewsSection } from './OverdueReviewsSection.tsx';
import { SchoolCoachingSection } from './SchoolCoachingSection.tsx';

/**
 * Coaching: a coach's caseload, the reader's own coaching (sessions, ratings, sharing, cycles,
 * plans) and, for school leaders, coaching in their schools (that it happened, not what was said).
 * Plan reviews past due are listed first to coaches, school leaders, HR and admins.
 */
export default function CoachingPage() {
  const { t } = useTranslation('coaching');
  const me = useMe();
  const [params] = useSearchParams();
  const coach = me.abilities.coach;
  const leader = me.access === 'school_leader';
  return (
    <Stack gap="xl">
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
      {coach || leader || me.adminGrant ? <OverdueReviewsSection /> : null}
      {coach ? <CaseloadSection /> : null}
      {leader ? <SchoolCoachingSection meId={me.person.id} /> : null}
      <MyCoachingSection meId={me.person.id} always={!coach && !leader} highlightLogId={params.get('log')} />
    </Stack>
  );
}
