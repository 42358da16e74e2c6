import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/support/platform.ts';
import { fetchOpenApi, operationsOf } from '../../../test/support/openapi.ts';
import { modules } from '../modules.ts';
import { allMigrations, checkModules, defineModule, installedModules, type ServerModule } from './modules.ts';
import { stopPlatform } from './platform.ts';
import {
  isPermission,
  permissions,
  platformPermissions,
  rolePermissions,
  roles,
  type Permission,
  type Role,
} from './policy/permissions.ts';

const modulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../modules');

/**
 * Each role's permissions as they were when the permission table moved into the modules'
 * descriptors (ADR 13). Restricted to these permissions, every role must still hold exactly these:
 * a module's new permissions need no change here, a change to an existing grant fails. (ADR 31 split
 * the boards' work by board: `board_staff` keeps what every board does.)
 */
const pinned: Record<Exclude<Role, 'system_admin'>, Permission[]> = {
  bloc_leader: [
    'audit.read',
    'accounts.read',
    'organisation.read',
    'plans.read',
    'plans.overview',
    'plans.manage',
    'plans.report',
    'plans.supervise',
    'files.upload',
    'reporting.read',
    'reporting.overview',
    'reporting.approve',
    'emulation.read',
    'emulation.manage',
    'honours.read',
    'honours.manage',
  ],
  // ADR 31: what every board does; each board's own work is pinned on its role below
  board_staff: [
    'accounts.read',
    'organisation.read',
    'plans.read',
    'plans.overview',
    'plans.report',
    'files.upload',
    'reporting.read',
    'reporting.overview',
    'emulation.read',
    'honours.read',
  ],
  office_staff: [
    'accounts.read',
    'organisation.read',
    'plans.read',
    'plans.overview',
    'plans.manage',
    // the Office, which runs the plan, records supervision visits of any unit as before ADR 31
    'plans.supervise',
    'plans.report',
    'files.upload',
    'reporting.read',
    'reporting.overview',
    'reporting.approve',
    'reporting.manage',
    'emulation.read',
    'honours.read',
    'honours.secretary',
  ],
  propaganda_staff: [
    'accounts.read',
    'organisation.read',
    'plans.read',
    'plans.overview',
    'plans.manage',
    'plans.report',
    'files.upload',
    'reporting.read',
    'reporting.overview',
    'emulation.read',
    'emulation.manage',
    'honours.read',
    'honours.screen',
    'honours.manage',
  ],
  organisation_staff: [
    'accounts.read',
    'organisation.read',
    'organisation.manage',
    'unit.edit',
    'plans.read',
    'plans.overview',
    'plans.report',
    'files.upload',
    'reporting.read',
    'reporting.overview',
    'emulation.read',
    'honours.read',
  ],
  inspection_staff: [
    'accounts.read',
    'organisation.read',
    'plans.read',
    'plans.overview',
    'plans.report',
    'plans.supervise',
    'files.upload',
    'reporting.read',
    'reporting.overview',
    'emulation.read',
    'honours.read',
  ],
  unit_officer: [
    'organisation.read',
    'unit.edit',
    'plans.read',
    'plans.report',
    'plans.supervise',
    'files.upload',
    'reporting.read',
    'reporting.submit',
    'reporting.approve',
    'emulation.read',
    'emulation.register',
    'honours.read',
    'honours.nominate',
  ],
  council_member: [
    'organisation.read',
    'plans.read',
    'plans.supervise',
    'files.upload',
    'reporting.read',
    'emulation.read',
    'honours.read',
    'honours.vote',
  ],
  judge: ['organisation.read', 'plans.read'],
  umpire: ['organisation.read', 'plans.read'],
  editor: ['organisation.read', 'plans.read', 'files.upload'],
  viewer: ['organisation.read', 'plans.read', 'reporting.read', 'emulation.read', 'honours.read'],
};

/** Every permission that existed then, with its English label. */
const pinnedPermissions: Permission[] = [
  'system.admin',
  'audit.read',
  'accounts.read',
  'accounts.manage',
  'jobs.read',
  'organisation.read',
  'organisation.manage',
  'unit.edit',
  'plans.read',
  'plans.overview',
  'plans.manage',
  'plans.report',
  'plans.supervise',
  'reporting.read',
  'reporting.overview',
  'reporting.submit',
  'reporting.approve',
  'reporting.manage',
  'emulation.read',
  'emulation.register',
  'emulation.manage',
  'honours.read',
  'honours.nominate',
  'honours.screen',
  'honours.manage',
  'honours.vote',
  'honours.secretary',
  'files.upload',
];

/** Migrations existing databases have recorded: their names must never change. */
const recordedMigrations = [
  '0001_platform',
  '0002_organisation',
  '0003_plans',
  '0004_files',
  '0005_reporting',
  '0006_emulation',
  '0007_honours',
  '0008_plan_figures_double',
];

const isModule = (v: unknown): v is ServerModule =>
  typeof v === 'object' && v !== null && 'name' in v && 'permissions' in v;

describe('the module list', () => {
  it('holds one descriptor for every folder in src/server/modules, named like its folder, and nothing else', async () => {
    const folders = fs
      .readdirSync(modulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const withoutDescriptor = folders.filter((f) => !fs.existsSync(path.join(modulesDir, f, 'module.ts')));
    expect(withoutDescriptor, 'folders without a module.ts').toEqual([]);
    expect(modules.map((m) => m.name).sort(), 'the list against the folders').toEqual(folders);
    for (const folder of folders) {
      const exported = Object.values(await import(path.join(modulesDir, folder, 'module.ts'))).filter(isModule);
      expect(
        exported.map((m) => m.name),
        `${folder}/module.ts exports its own descriptor`,
      ).toEqual([folder]);
      expect(modules.includes(exported[0] as never), `${folder}'s descriptor is the one in the list`).toBe(true);
    }
    expect(installedModules()).toBe(modules);
  });

  it('declares no name, permission, migration, topic or home-page count twice', () => {
    expect(checkModules(modules)).toEqual([]);
    expect(new Set(modules.map((m) => m.name)).size).toBe(modules.length);
    // the check itself sees a name declared twice
    const twice = defineModule({ name: 'audit', permissions: { 'audit.read': { vi: 'x', en: 'x' } } });
    expect(checkModules([...modules, twice])).toEqual([
      'module "audit" is declared twice',
      'permission "audit.read" is declared twice',
    ]);
  });

  it('runs migrations in name order, names and numbers unique, those existing databases recorded unchanged', () => {
    const names = Object.keys(allMigrations());
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(names.map((n) => n.slice(0, 4))).size, 'one migration per number').toBe(names.length);
    for (const n of recordedMigrations) expect(names, n).toContain(n);
    // each in the folder of the module that declares it (or the platform's)
    for (const m of modules)
      for (const n of Object.keys(m.migrations ?? {}))
        expect(fs.existsSync(path.join(modulesDir, m.name, 'migrations', `${n}.ts`)), n).toBe(true);
  });

  it('gives every role exactly the permissions it held before the table moved into the modules', () => {
    expect(Object.keys(permissions).sort()).toEqual(expect.arrayContaining([...pinnedPermissions].sort()));
    for (const role of roles) {
      const held = rolePermissions[role];
      expect(new Set(held).size, `${role} holds no permission twice`).toBe(held.length);
      if (role === 'system_admin') {
        expect([...held].sort()).toEqual(Object.keys(permissions).sort());
        continue;
      }
      expect(held.filter((p) => pinnedPermissions.includes(p)).sort(), role).toEqual([...pinned[role]].sort());
    }
  });

  it('keeps Permission a precise union of the declared names', () => {
    expectTypeOf<'plans.read'>().toExtend<Permission>();
    expectTypeOf<'files.upload'>().toExtend<Permission>();
    expectTypeOf<'honours.secretary'>().toExtend<Permission>();
    expectTypeOf<'plans.nope'>().not.toExtend<Permission>();
    expectTypeOf<string>().not.toExtend<Permission>();
    expect(isPermission('plans.nope')).toBe(false);
  });
});

describe('the routes of the composed app', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
  });
  afterAll(async () => {
    await stopPlatform(env.platform);
  });

  it('name only permissions declared by exactly one module or the platform', async () => {
    const ops = operationsOf(await fetchOpenApi(env.app));
    const named = [
      ...new Set(ops.map((op) => op.access).filter((a): a is string => typeof a === 'string' && a.includes('.'))),
    ];
    expect(named.length).toBeGreaterThan(10);
    for (const p of named) {
      const declarers = [
        ...(Object.hasOwn(platformPermissions, p) ? ['the platform'] : []),
        ...modules.filter((m) => Object.hasOwn(m.permissions, p)).map((m) => m.name),
      ];
      expect(declarers, p).toHaveLength(1);
    }
  });
});
