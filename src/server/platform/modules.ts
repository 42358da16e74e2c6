import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Migration } from 'kysely';
import type { AppEnv } from './http/context.ts';
import type { Bilingual } from './http/errors.ts';
import type { Platform } from './platform.ts';
import type { Caller } from './policy/caller.ts';
import {
  declareModulePermissions,
  permissionsComplete,
  platformPermissions,
  type Permission,
  type PermissionTable,
  type PlatformPermission,
  type Role,
} from './policy/permissions.ts';
import { platformMigrations } from './db/migrations/index.ts';

/**
 * A server module declares itself in one descriptor (`modules/<name>/module.ts`) and the platform
 * reads the list of descriptors (`src/server/modules.ts`): its routes, permissions and which roles
 * hold them, migrations, live topics, home-page counts, demo data and start-up hooks. ADR 13.
 */

/** Registers routes (or server-rendered pages) on the app. */
export type RouteRegistrar = (app: OpenAPIHono<AppEnv>) => void;

/**
 * Demo data. Loaders are idempotent: they check what exists and add only what is missing, so
 * `kyniem demo` can run again safely. Returns how many things it added.
 */
export type DemoLoader = { name: string; load(platform: Platform): Promise<number> };

/** What the home page counts: a thing the module holds, who may see the count, the web path that lists them. */
export type OverviewSource<P extends string = Permission> = {
  key: string;
  label: Bilingual;
  permission: P | 'signed-in';
  path: string | null;
  count(platform: Platform): Promise<number>;
};

/**
 * One thing a signed-in person has to do, as a module tells the home page's "Việc cần làm"
 * (ADR 30): what it is, by when, where one tap opens the thing itself, and for which unit.
 */
export type TodoItem = {
  /** Stable within the module, e.g. `report.due`, `ballot.waiting`. */
  kind: string;
  title: Bilingual;
  /** A second line (the period, the unit's name, how many), or null. */
  detail: Bilingual | null;
  /** The deadline (YYYY-MM-DD), or null when there is none. */
  due: string | null;
  /** The web path that opens the thing itself. */
  path: string;
  unit: { id: string; name: string } | null;
};

/**
 * A module's contribution to the caller's to-do list on `today` (the system clock's day): only
 * what this caller has to do, within their grants' units; a few queries, never a whole table.
 */
export type TodoSource = (platform: Platform, caller: Caller, today: string) => Promise<TodoItem[]>;

/**
 * A descriptor. `P` is the module's permission table; a module's topics and counts are guarded by
 * its own permissions or the platform's, and its grants name only its own permissions (the roles
 * are the platform's list).
 */
export type ModuleDefinition<P extends PermissionTable> = {
  name: string;
  /** Its permissions, each with the label the accounts screen shows. */
  permissions?: P;
  /** Which roles hold which of its permissions (system_admin holds every permission without being named). */
  grants?: { readonly [R in Exclude<Role, 'system_admin'>]?: readonly NoInfer<keyof P & string>[] };
  /** Its migrations by name; names sort in run order across every module (the next free number). */
  migrations?: Record<string, Migration>;
  /** Its /api routes. */
  routes?: readonly RouteRegistrar[];
  /** Server-rendered public pages, registered after /api and before the web app's fallback. */
  site?: readonly RouteRegistrar[];
  /** Its live-update topics and the permission a subscriber needs. */
  topics?: Readonly<Record<string, NoInfer<keyof P & string> | PlatformPermission>>;
  /** What it adds to the home page's counts. */
  overview?: readonly OverviewSource<NoInfer<keyof P & string> | PlatformPermission>[];
  /** What the signed-in caller has to do in this module, for the home page (ADR 30). */
  todo?: TodoSource;
  /** Its demo data; loaders run in the list's order. */
  demo?: DemoLoader;
  /**
   * Start-up hooks, once per platform, in the list's order: job handlers, file owners, plan
   * status sources, listeners of subtree moves, the unit scope.
   */
  setup?: (platform: Platform) => void;
  /** When this process runs jobs: enqueue the module's recurring jobs. */
  schedule?: (platform: Platform) => Promise<void>;
};

export type ServerModule<P extends PermissionTable = PermissionTable> = Readonly<ModuleDefinition<P>> & {
  readonly permissions: P;
};

/** The permission names a module declares (read from the list's type: `Permission` is built from it). */
export type PermissionOf<M> = M extends { readonly permissions: infer P } ? keyof P & string : never;

export function defineModule<const P extends PermissionTable = Record<never, never>>(
  definition: ModuleDefinition<P>,
): ServerModule<P> {
  return { ...definition, permissions: definition.permissions ?? ({} as P) };
}

let installed: readonly ServerModule[] | null = null;
const overviewList: OverviewSource[] = [];
const topicTable: Record<string, Permission> = {};
let migrationTable: Record<string, Migration> = {};

/**
 * Makes the list the platform's: declares every module's permissions and grants, collects the
 * migrations, topics and home-page counts, and refuses a list that contradicts itself (a name,
 * permission, migration, topic or count declared twice). Called once, by `src/server/modules.ts`.
 */
export function installModules(list: readonly ServerModule[]): void {
  if (installed) throw new Error('the module list is already installed');
  const problems = checkModules(list);
  if (problems.length > 0) throw new Error(`the module list is inconsistent:\n  ${problems.join('\n  ')}`);
  for (const m of list) {
    declareModulePermissions(m.name, m.permissions, m.grants ?? {});
    Object.assign(topicTable, m.topics);
    overviewList.push(...((m.overview ?? []) as OverviewSource[]));
  }
  permissionsComplete();
  migrationTable = collectMigrations(list);
  installed = list;
}

/** The installed list; fails loudly when nothing imported `src/server/modules.ts`. */
export function installedModules(): readonly ServerModule[] {
  if (!installed) throw new Error('no module list installed: import src/server/modules.ts first');
  return installed;
}

/** Every migration (the platform's and every module's), by name, in run order. */
export function allMigrations(): Record<string, Migration> {
  installedModules();
  return migrationTable;
}

/** The home page's counts, every module's, in the list's order (filled by `installModules`). */
export const overviewSources: readonly OverviewSource[] = overviewList;

/** Live-update topics and the permission a subscriber needs (filled by `installModules`). */
export const topics: Readonly<Record<string, Permission>> = topicTable;

function collectMigrations(list: readonly ServerModule[]): Record<string, Migration> {
  const all: [string, Migration][] = [
    ...Object.entries(platformMigrations),
    ...list.flatMap((m) => Object.entries(m.migrations ?? {})),
  ];
  all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(all);
}

/** What is wrong with a list of modules (empty when nothing is). */
export function checkModules(list: readonly ServerModule[]): string[] {
  const problems: string[] = [];
  const once = (what: string, names: string[]) => {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) problems.push(`${what} "${n}" is declared twice`);
      seen.add(n);
    }
  };
  once(
    'module',
    list.map((m) => m.name),
  );
  once('migration', [...Object.keys(platformMigrations), ...list.flatMap((m) => Object.keys(m.migrations ?? {}))]);
  once(
    'migration number',
    [...Object.keys(platformMigrations), ...list.flatMap((m) => Object.keys(m.migrations ?? {}))].map(
      (n) => n.split('_')[0],
    ),
  );
  once('permission', [...Object.keys(platformPermissions), ...list.flatMap((m) => Object.keys(m.permissions))]);
  once(
    'topic',
    list.flatMap((m) => Object.keys(m.topics ?? {})),
  );
  once(
    'home-page count',
    list.flatMap((m) => (m.overview ?? []).map((s) => s.key)),
  );
  for (const m of list) {
    for (const n of Object.keys(m.migrations ?? {}))
      if (!/^\d{4}_[a-z0-9_]+$/.test(n)) problems.push(`migration "${n}" of ${m.name} is not named NNNN_words`);
  }
  return problems;
}
