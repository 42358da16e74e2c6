import { Button, Center, Stack, Text, Title } from '@mantine/core';
import {
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  Navigate,
  Outlet,
  useRouterState,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth.tsx';
import { Layout } from './Layout.tsx';
import { CenterLoader } from '../ui/CenterLoader.tsx';
import { SignInPage } from '../modules/auth/SignInPage.tsx';
import { ChangePasswordPage, ForcedChangePasswordPage } from '../modules/auth/ChangePasswordPage.tsx';
import { HomePage } from '../modules/home/HomePage.tsx';
import { AccountsPage } from '../modules/accounts/AccountsPage.tsx';
import { AuditPage } from '../modules/audit/AuditPage.tsx';
import { UnitsPage } from '../modules/organisation/UnitsPage.tsx';
import { UnitPage } from '../modules/organisation/UnitPage.tsx';
import { PeoplePage } from '../modules/organisation/PeoplePage.tsx';
import { PersonPage } from '../modules/organisation/PersonPage.tsx';
import { InChargePage } from '../modules/organisation/InChargePage.tsx';
import { PlansPage } from '../modules/plans/PlansPage.tsx';
import { PlanPage } from '../modules/plans/PlanPage.tsx';
import { ImportPage } from '../modules/plans/ImportPage.tsx';
import { DashboardPage } from '../modules/plans/DashboardPage.tsx';
import { MyTasksPage } from '../modules/plans/MyTasksPage.tsx';
import { SubPlanPage } from '../modules/plans/SubPlanPage.tsx';
import { SupervisionPage, validateSupervisionSearch } from '../modules/plans/SupervisionPage.tsx';
import { NotificationsPage } from '../modules/plans/NotificationsPage.tsx';
import { TimelinePage } from '../modules/plans/TimelinePage.tsx';
import { CalendarPage, validateCalendarSearch } from '../modules/plans/CalendarPage.tsx';
import { ReportingHomePage } from '../modules/reporting/ReportingHomePage.tsx';
import { ReportFormPage } from '../modules/reporting/ReportFormPage.tsx';
import { TotalsPage } from '../modules/reporting/TotalsPage.tsx';
import { CompletenessPage } from '../modules/reporting/CompletenessPage.tsx';
import { validateCompletenessSearch, validateFormSearch, validateTotalsSearch } from '../modules/reporting/search.ts';
import { DrivesPage } from '../modules/emulation/DrivesPage.tsx';
import { DrivePage, validateDriveSearch } from '../modules/emulation/DrivePage.tsx';
import { CampaignsPage } from '../modules/honours/CampaignsPage.tsx';
import { CampaignPage, validateCampaignSearch } from '../modules/honours/CampaignPage.tsx';
import { NominationPage } from '../modules/honours/NominationPage.tsx';
import { SessionPage } from '../modules/honours/council/SessionPage.tsx';
import { BallotPage } from '../modules/honours/council/BallotPage.tsx';

/** Only a path inside this site may be a place to return to after signing in. */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in')
    ? value
    : undefined;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Center mih={300}>
      <Stack align="center" gap="sm">
        <Title order={2}>{t('notFound.title')}</Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to="/" variant="light">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}

/** Screens for signed-in users: sends others to sign in, and holds everyone to a forced password change. */
function SignedIn() {
  const auth = useAuth();
  const href = useRouterState({ select: (s) => s.location.href });
  if (auth.status === 'loading') return <CenterLoader fullPage />;
  if (!auth.me) return <Navigate to="/sign-in" search={{ redirect: safeRedirect(href) }} replace />;
  if (auth.me.user.mustChangePassword) return <ForcedChangePasswordPage />;
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: NotFound,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const redirect = safeRedirect(search.redirect);
    return redirect ? { redirect } : {};
  },
  component: SignInPage,
});

const signedInRoute = createRoute({ getParentRoute: () => rootRoute, id: 'signed-in', component: SignedIn });

const homeRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/', component: HomePage });
const changePasswordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/change-password',
  component: ChangePasswordPage,
});
const accountsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/accounts', component: AccountsPage });
const auditRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/audit', component: AuditPage });

const unitsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/units', component: UnitsPage });
const unitRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/units/$unitId', component: UnitPage });
const peopleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people',
  validateSearch: (search: Record<string, unknown>): { unitId?: string } =>
    typeof search.unitId === 'string' && search.unitId ? { unitId: search.unitId } : {},
  component: PeoplePage,
});
const personRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/$personId',
  component: PersonPage,
});
const inChargeRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/in-charge', component: InChargePage });

const plansRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/plans', component: PlansPage });
const planImportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/plans/import',
  component: ImportPage,
});
const planRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/plans/$planId',
  validateSearch: (search: Record<string, unknown>): { view?: 'board' } =>
    search.view === 'board' ? { view: 'board' } : {},
  component: PlanPage,
});
const planDashboardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/plans/$planId/dashboard',
  component: DashboardPage,
});
/** Where reminders (in the app and by e-mail) point: an activity is read on its plan's page. */
const planActivityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/plans/$planId/activities/$activityId',
  component: function ActivityLink() {
    const { planId, activityId } = planActivityRoute.useParams();
    return <Navigate to="/plans/$planId" params={{ planId }} hash={`activity-${activityId}`} replace />;
  },
});
const planTimelineRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/plans/$planId/timeline',
  component: TimelinePage,
});
const planCalendarRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/plans/$planId/calendar',
  validateSearch: validateCalendarSearch,
  component: CalendarPage,
});
const myTasksRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/my-tasks', component: MyTasksPage });
const subPlanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/plans/$planId/sub-plan',
  component: SubPlanPage,
});
const supervisionsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/supervisions',
  validateSearch: validateSupervisionSearch,
  component: SupervisionPage,
});
const notificationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/notifications',
  component: NotificationsPage,
});

const reportingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reporting',
  component: ReportingHomePage,
});
const reportFormRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reporting/form',
  validateSearch: validateFormSearch,
  component: ReportFormPage,
});
const reportTotalsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reporting/totals',
  validateSearch: validateTotalsSearch,
  component: TotalsPage,
});
const reportCompletenessRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reporting/completeness',
  validateSearch: validateCompletenessSearch,
  component: CompletenessPage,
});

const emulationRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/emulation', component: DrivesPage });
const driveRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/emulation/$driveId',
  validateSearch: validateDriveSearch,
  component: DrivePage,
});

const honoursRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/honours', component: CampaignsPage });
const campaignRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/honours/$campaignId',
  validateSearch: validateCampaignSearch,
  component: CampaignPage,
});
const nominationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/honours/nominations/$nominationId',
  component: NominationPage,
});
const councilSessionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/honours/sessions/$sessionId',
  component: SessionPage,
});
const ballotRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/honours/rounds/$roundId',
  component: BallotPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([
    homeRoute,
    changePasswordRoute,
    accountsRoute,
    auditRoute,
    unitsRoute,
    unitRoute,
    peopleRoute,
    personRoute,
    inChargeRoute,
    plansRoute,
    planImportRoute,
    planRoute,
    planDashboardRoute,
    planActivityRoute,
    planTimelineRoute,
    planCalendarRoute,
    myTasksRoute,
    subPlanRoute,
    supervisionsRoute,
    notificationsRoute,
    reportingRoute,
    reportFormRoute,
    reportTotalsRoute,
    reportCompletenessRoute,
    emulationRoute,
    driveRoute,
    honoursRoute,
    campaignRoute,
    nominationRoute,
    councilSessionRoute,
    ballotRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

/** Whether a path the server names (GET /api/overview) is a screen of this app. */
export function isAppPath(path: string): boolean {
  return Object.hasOwn(router.routesByPath, path);
}

export { NotFound };
