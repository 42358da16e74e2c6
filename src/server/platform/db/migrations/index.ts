import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.ts';
import * as m0002 from './0002_organisation.ts';
import * as m0003 from './0003_plans.ts';
import * as m0004 from './0004_files.ts';
import * as m0005 from './0005_reporting.ts';
import * as m0006 from './0006_emulation.ts';
import * as m0007 from './0007_honours.ts';
import * as m0008 from './0008_plan_figures_double.ts';

/** Every migration, in order. A module adds its own file here; names sort in run order. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_organisation': m0002,
  '0003_plans': m0003,
  '0004_files': m0004,
  '0005_reporting': m0005,
  '0006_emulation': m0006,
  '0007_honours': m0007,
  '0008_plan_figures_double': m0008,
};
