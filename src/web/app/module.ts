import { lazyRouteComponent, type RouteComponent } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import type { Permission } from '../../server/platform/policy/permissions.ts';
import type { SignedInRoute } from './router.tsx';

export type Icon = ComponentType<{ size?: number; stroke?: number }>;

/** A menu entry: shown only to users holding its permission (none: to everyone signed in). */
export type NavEntry = { to: string; label: string; icon: Icon; permission?: Permission };

/** A module's messages in each language, loaded when the language is (see app/i18n). */
export type MessageFiles = { vi: () => Promise<{ default: object }>; en: () => Promise<{ default: object }> };

export type WebModule = {
  /** The module's folder under src/web/modules, the same name as on the server. */
  name: string;
  /**
   * The module's screens, under the signed-in frame. Each page is its own chunk
   * (`lazyRouteComponent(() => import('./Page.tsx'), 'Page')`); a route's search validation
   * lives in a small file beside it, so declaring the route does not pull the page in.
   */
  // (Typed `unknown[]` here, not AnyRoute[], so that createRoute does not infer its types from
  // AnyRoute's `any`s: the router's addChildren checks the routes themselves.)
  routes: (parent: SignedInRoute) => readonly unknown[];
  /** Menu entries, in the order they appear. */
  navigation?: readonly NavEntry[];
  /** Icons of the home page's figures (GET /api/overview), by the figure's key. */
  homeIcons?: Readonly<Record<string, Icon>>;
  messages: MessageFiles;
};

/**
 * Declares a web module in its `module.tsx`; `app/modules.ts` lists them. The literal types are
 * kept, so the menu's paths are checked against the routes and its labels against the messages
 * where they are used, and the messages' keys type `t()`.
 */
export function defineWebModule<const M extends WebModule>(module: M): M {
  return module;
}

/**
 * A screen loaded when its route is first opened, as its own chunk:
 * `lazyPage(() => import('./UnitsPage.tsx'), 'UnitsPage')`. Its type is a plain route component,
 * so the route tree's type never depends on the page's (whose links are typed by the tree).
 */
export function lazyPage<M>(load: () => Promise<M>, exportName: keyof M & string): RouteComponent {
  return lazyRouteComponent(load as () => Promise<Record<string, RouteComponent>>, exportName);
}
