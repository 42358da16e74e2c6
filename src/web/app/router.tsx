import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
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
import { CenterLoader } from '../ui/CenterLoader.tsx';
import { SignInPage } from '../modules/auth/SignInPage.tsx';
import { ChangePasswordPage, ForcedChangePasswordPage } from '../modules/auth/ChangePasswordPage.tsx';
import { useModuleMessages } from './i18n/index.ts';
import { type AppModule, webModules } from './modules.ts';
import { APP_BASE } from '../../common/appPaths.ts';

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

// The signed-in frame (menu, user menu, notifications) is a chunk of its own: the sign-in page
// does not need it.
const loadLayout = () => import('./Layout.tsx');
const Layout = lazy(() => loadLayout().then((m) => ({ default: m.Layout })));

/** Screens for signed-in users: sends others to sign in, and holds everyone to a forced password change. */
function SignedIn() {
  const auth = useAuth();
  const href = useRouterState({ select: (s) => s.location.href });
  // The modules' messages in the user's language, loaded once someone is signed in.
  const messagesReady = useModuleMessages(auth.status === 'signed-in');
  if (auth.status === 'loading') return <CenterLoader fullPage />;
  if (!auth.me) return <Navigate to="/sign-in" search={{ redirect: safeRedirect(href) }} replace />;
  if (auth.me.user.mustChangePassword) return <ForcedChangePasswordPage />;
  void loadLayout(); // on its way while the messages arrive
  if (!messagesReady) return <CenterLoader fullPage />;
  return (
    <Suspense fallback={<CenterLoader fullPage />}>
      <Layout>
        <Outlet />
      </Layout>
    </Suspense>
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

const changePasswordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/change-password',
  component: ChangePasswordPage,
});

export type SignedInRoute = typeof signedInRoute;

type ModuleRoute = ReturnType<AppModule['routes']>[number];
const moduleRoutes = webModules.flatMap((m): readonly ModuleRoute[] => m.routes(signedInRoute));

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([changePasswordRoute, ...moduleRoutes]),
]);

export const router = createRouter({
  routeTree,
  basepath: APP_BASE,
  defaultPreload: 'intent',
  scrollRestoration: true,
  // A screen whose chunk is still on its way shows the loader instead of a blank.
  defaultPendingComponent: () => <CenterLoader />,
  defaultPendingMs: 150,
});

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
