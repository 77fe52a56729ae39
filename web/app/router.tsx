import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { ErrorPage } from '../pages/ErrorPage.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { RequireSession } from './RequireSession.tsx';
import { loadSignedInShell } from './signed-in.ts';

// Every page is its own chunk, and so is the signed-in shell: the sign-in page loads only itself.
const AppLayout = lazy(loadSignedInShell);
const SignInPage = lazy(() => import('../pages/auth/SignInPage.tsx'));
const ForgotPasswordPage = lazy(() => import('../pages/auth/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('../pages/auth/ResetPasswordPage.tsx'));
const HomePage = lazy(() => import('../pages/HomePage.tsx'));
const SchoolsPage = lazy(() => import('../pages/schools/SchoolsPage.tsx'));
const SchoolPage = lazy(() => import('../pages/schools/SchoolPage.tsx'));
const PeoplePage = lazy(() => import('../pages/people/PeoplePage.tsx'));
const NewPersonPage = lazy(() => import('../pages/people/NewPersonPage.tsx'));
const PersonPage = lazy(() => import('../pages/people/PersonPage.tsx'));
const ImportPage = lazy(() => import('../pages/roster/ImportPage.tsx'));
const ImportDetailPage = lazy(() => import('../pages/roster/ImportDetailPage.tsx'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage.tsx'));
const OutboxPage = lazy(() => import('../pages/OutboxPage.tsx'));
const AccountPage = lazy(() => import('../pages/account/AccountPage.tsx'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage.tsx'));

/** `/login` (the address people guess) is the sign-in page, with its `next`. */
function ToSignIn() {
  const { search } = useLocation();
  return <Navigate to={`/sign-in${search}`} replace />;
}

/** URL map of the app. Pages check their own abilities and show "not allowed" when lacking them. */
export const router = createBrowserRouter([
  {
    errorElement: <ErrorPage standalone />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/login', element: <ToSignIn /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password', element: <ResetPasswordPage /> },
          { path: '/sign-in/refused', Component: lazy(() => import('../pages/auth/SsoRefusedPage.tsx')) },
          { path: '/unsubscribe', Component: lazy(() => import('../pages/auth/UnsubscribePage.tsx')) },
        ],
      },
      {
        element: (
          <RequireSession>
            <Suspense
              fallback={
                <main>
                  <Loading />
                </main>
              }
            >
              <AppLayout />
            </Suspense>
          </RequireSession>
        ),
        children: [
          {
            // Inside the shell, so a failing page keeps the navigation around it.
            errorElement: <ErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              { path: '/schools', element: <SchoolsPage /> },
              { path: '/schools/:id', element: <SchoolPage /> },
              { path: '/schools/:id/teams', Component: lazy(() => import('../pages/teams/TeamsPage.tsx')) },
              { path: '/teams/:id', Component: lazy(() => import('../pages/teams/TeamPage.tsx')) },
              { path: '/implementation-teams', Component: lazy(() => import('../pages/implementation/TeamsPage.tsx')) },
              { path: '/assessments', Component: lazy(() => import('../pages/assessments/InstrumentsPage.tsx')) },
              { path: '/assessments/import', Component: lazy(() => import('../pages/assessments/ImportPage.tsx')) },
              { path: '/assessments/new', Component: lazy(() => import('../pages/assessments/NewAdministrationPage.tsx')) },
              { path: '/assessments/versions/:versionId', Component: lazy(() => import('../pages/assessments/VersionPage.tsx')) },
              { path: '/assessments/administrations/:id', Component: lazy(() => import('../pages/assessments/AdministrationPage.tsx')) },
              { path: '/assessments/results', Component: lazy(() => import('../pages/assessments/ResultsPage.tsx')) },
              { path: '/assessments/fit-reviews', Component: lazy(() => import('../pages/assessments/FitReviewsPage.tsx')) },
              { path: '/assessments/fit-reviews/:id', Component: lazy(() => import('../pages/assessments/FitReviewPage.tsx')) },
              { path: '/implementation-teams/:id', Component: lazy(() => import('../pages/implementation/TeamPage.tsx')) },
              {
                path: '/implementation-teams/:id/meetings/:meetingId',
                Component: lazy(() => import('../pages/implementation/MeetingPage.tsx')),
              },
              {
                path: '/implementation-teams/:id/action-plans',
                Component: lazy(() => import('../pages/action-plans/ActionPlansPage.tsx')),
              },
              { path: '/implementation-teams/:id/barriers', Component: lazy(() => import('../pages/barriers/BarrierQueuePage.tsx')) },
              { path: '/action-plans/from-source', Component: lazy(() => import('../pages/action-plans/PlanFromSourcePage.tsx')) },
              { path: '/action-plans/:planId', Component: lazy(() => import('../pages/action-plans/ActionPlanPage.tsx')) },
              { path: '/action-plans/:planId/items/new', Component: lazy(() => import('../pages/action-plans/NewItemPage.tsx')) },
              { path: '/action-plans/:planId/items/:itemId', Component: lazy(() => import('../pages/action-plans/ActionItemPage.tsx')) },
              { path: '/barriers', Component: lazy(() => import('../pages/barriers/AllBarriersPage.tsx')) },
              { path: '/barriers/new', Component: lazy(() => import('../pages/barriers/RaiseBarrierPage.tsx')) },
              { path: '/barriers/mine', Component: lazy(() => import('../pages/barriers/MyBarriersPage.tsx')) },
              { path: '/barriers/:id', Component: lazy(() => import('../pages/barriers/BarrierPage.tsx')) },
              { path: '/schools/:id/goals', Component: lazy(() => import('../pages/team-goals/SchoolGoalsPage.tsx')) },
              { path: '/district-goals', Component: lazy(() => import('../pages/team-goals/DistrictGoalsPage.tsx')) },
              { path: '/teams/:id/reflection', Component: lazy(() => import('../pages/team-goals/TeamReflectionPage.tsx')) },
              { path: '/one-on-ones', Component: lazy(() => import('../pages/team-goals/OneOnOnesPage.tsx')) },
              { path: '/caseloads', Component: lazy(() => import('../pages/caseloads/CaseloadsPage.tsx')) },
              { path: '/performance/expectations', Component: lazy(() => import('../pages/performance/ExpectationsPage.tsx')) },
              { path: '/performance/professionalism', Component: lazy(() => import('../pages/performance/ProfessionalismPage.tsx')) },
              { path: '/performance/concerns/:id', Component: lazy(() => import('../pages/performance/ConcernPage.tsx')) },
              { path: '/performance/improvement-plans/:id', Component: lazy(() => import('../pages/performance/ImprovementPlanPage.tsx')) },
              { path: '/observations/walkthroughs', Component: lazy(() => import('../pages/walkthroughs/WalkthroughReportPage.tsx')) },
              { path: '/people', element: <PeoplePage /> },
              { path: '/people/new', element: <NewPersonPage /> },
              { path: '/people/:id', element: <PersonPage /> },
              { path: '/people/:id/fidelity', Component: lazy(() => import('../pages/implementation/PersonFidelityPage.tsx')) },
              { path: '/people/:id/outcomes', Component: lazy(() => import('../pages/outcomes/PersonOutcomesPage.tsx')) },
              { path: '/initiatives/:id/fidelity', Component: lazy(() => import('../pages/implementation/FidelityPage.tsx')) },
              { path: '/people/:id/performance', Component: lazy(() => import('../pages/performance/PerformanceHistoryPage.tsx')) },
              { path: '/performance/completion', Component: lazy(() => import('../pages/performance/CompletionPage.tsx')) },
              { path: '/performance/ratings', Component: lazy(() => import('../pages/performance/RatingsPage.tsx')) },
              { path: '/pathways', Component: lazy(() => import('../pages/pathways/PathwaysPage.tsx')) },
              { path: '/pathways/compare', Component: lazy(() => import('../pages/pathways/ComparePage.tsx')) },
              { path: '/pathways/placements', Component: lazy(() => import('../pages/placements/BulkPlacementPage.tsx')) },
              { path: '/evaluators', Component: lazy(() => import('../pages/placements/EvaluatorsPage.tsx')) },
              { path: '/performance/cycles', Component: lazy(() => import('../pages/performance/cycles/CyclesPage.tsx')) },
              { path: '/performance/cycles/new', Component: lazy(() => import('../pages/performance/cycles/NewCyclePage.tsx')) },
              { path: '/performance/cycles/:id', Component: lazy(() => import('../pages/performance/cycles/CyclePage.tsx')) },
              { path: '/initiatives', Component: lazy(() => import('../pages/implementation/InitiativesPage.tsx')) },
              { path: '/outcomes', Component: lazy(() => import('../pages/outcomes/OutcomesPage.tsx')) },
              { path: '/outcomes/import', Component: lazy(() => import('../pages/outcomes/OutcomeImportPage.tsx')) },
              { path: '/outcomes/measures/:id', Component: lazy(() => import('../pages/outcomes/MeasureValuesPage.tsx')) },
              { path: '/dashboards/district', Component: lazy(() => import('../pages/dashboards/DistrictDashboardPage.tsx')) },
              { path: '/dashboards/school/:orgUnitId', Component: lazy(() => import('../pages/dashboards/SchoolDashboardPage.tsx')) },
              { path: '/initiatives/:id', Component: lazy(() => import('../pages/implementation/InitiativePage.tsx')) },
              { path: '/initiatives/:id/setup', Component: lazy(() => import('../pages/implementation/InitiativeSetupPage.tsx')) },
              { path: '/pathways/:id', Component: lazy(() => import('../pages/pathways/PathwayPage.tsx')) },
              { path: '/rubrics/:id', Component: lazy(() => import('../pages/rubrics/RubricPage.tsx')) },
              { path: '/frameworks', Component: lazy(() => import('../pages/frameworks/FrameworksPage.tsx')) },
              { path: '/frameworks/:id', Component: lazy(() => import('../pages/frameworks/FrameworkPage.tsx')) },
              { path: '/frameworks/:id/compare', Component: lazy(() => import('../pages/frameworks/ComparePage.tsx')) },
              { path: '/frameworks/versions/:versionId', Component: lazy(() => import('../pages/frameworks/VersionPage.tsx')) },
              { path: '/scales', Component: lazy(() => import('../pages/scales/ScalesPage.tsx')) },
              { path: '/frameworks/import', Component: lazy(() => import('../pages/case/ImportFrameworkPage.tsx')) },
              { path: '/settings/sign-in', Component: lazy(() => import('../pages/settings/SignInSettingsPage.tsx')) },
              { path: '/integrations', Component: lazy(() => import('../pages/case/IntegrationsPage.tsx')) },
              { path: '/observations', Component: lazy(() => import('../pages/observations/ObservationsPage.tsx')) },
              { path: '/observations/district', Component: lazy(() => import('../pages/observations/DistrictObservationsPage.tsx')) },
              { path: '/observations/new', Component: lazy(() => import('../pages/observations/NewObservationPage.tsx')) },
              { path: '/observations/:id', Component: lazy(() => import('../pages/observations/ObservationPage.tsx')) },
              { path: '/coaching', Component: lazy(() => import('../pages/coaching/CoachingPage.tsx')) },
              { path: '/coaching/delivery', Component: lazy(() => import('../pages/coaching/DeliveryReportPage.tsx')) },
              { path: '/coaching/plans/:id', Component: lazy(() => import('../pages/coaching/PlanPage.tsx')) },
              { path: '/coaching/cycles/:id', Component: lazy(() => import('../pages/coaching/CyclePage.tsx')) },
              { path: '/tracker', Component: lazy(() => import('../pages/tracker/TrackerPage.tsx')) },
              { path: '/tracker/district', Component: lazy(() => import('../pages/tracker/DistrictTrackerPage.tsx')) },
              { path: '/tracker/schools/:id', Component: lazy(() => import('../pages/tracker/SchoolTrackerPage.tsx')) },
              { path: '/calendar', Component: lazy(() => import('../pages/calendar/CalendarPage.tsx')) },
              { path: '/settings/observations', Component: lazy(() => import('../pages/settings/ObservationSettingsPage.tsx')) },
              { path: '/settings/translations', Component: lazy(() => import('../pages/translations/TranslationsPage.tsx')) },
              { path: '/settings/calendar', Component: lazy(() => import('../pages/settings/SchoolCalendarPage.tsx')) },
              { path: '/settings/jobs', Component: lazy(() => import('../pages/settings/JobsPage.tsx')) },
              { path: '/settings/notifications', Component: lazy(() => import('../pages/settings/NotificationSettingsPage.tsx')) },
              { path: '/performance/plans/:id/check-ins', Component: lazy(() => import('../pages/performance/review/CheckInsPage.tsx')) },
              { path: '/performance/plans/:id/review', Component: lazy(() => import('../pages/performance/review/ReviewPage.tsx')) },
              { path: '/performance/templates', Component: lazy(() => import('../pages/performance/TemplatesPage.tsx')) },
              { path: '/performance/import', Component: lazy(() => import('../pages/performance/PlanImportPage.tsx')) },
              { path: '/initiatives/:id/stages', Component: lazy(() => import('../pages/implementation/StagesPage.tsx')) },
              {
                path: '/initiatives/:id/stages/checklists',
                Component: lazy(() => import('../pages/implementation/StageDefinitionsPage.tsx')),
              },
              { path: '/initiatives/:id/pdsa', Component: lazy(() => import('../pages/implementation/PdsaListPage.tsx')) },
              { path: '/initiatives/:id/pdsa/:cycleId', Component: lazy(() => import('../pages/implementation/PdsaCyclePage.tsx')) },
              { path: '/import', element: <ImportPage /> },
              { path: '/import/:id', element: <ImportDetailPage /> },
              { path: '/audit', element: <AuditPage /> },
              { path: '/outbox', element: <OutboxPage /> },
              { path: '/account', element: <AccountPage /> },
              { path: '/performance', Component: lazy(() => import('../pages/performance/HubPage.tsx')) },
              { path: '/performance/plans/:id', Component: lazy(() => import('../pages/performance/PlanPage.tsx')) },
              { path: '/initiatives/:id/drivers', Component: lazy(() => import('../pages/implementation/DriversPage.tsx')) },
              { path: '/initiatives/:id/training', Component: lazy(() => import('../pages/implementation/TrainingPage.tsx')) },
              { path: '/initiatives/:id/coaching', Component: lazy(() => import('../pages/implementation/InitiativeCoachingPage.tsx')) },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
