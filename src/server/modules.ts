import { installModules } from './platform/modules.ts';
import { accounts } from './modules/accounts/module.ts';
import { audit } from './modules/audit/module.ts';
import { system } from './modules/system/module.ts';
import { organisation } from './modules/organisation/module.ts';
import { plans } from './modules/plans/module.ts';
import { office } from './modules/office/module.ts';
import { reporting } from './modules/reporting/module.ts';
import { emulation } from './modules/emulation/module.ts';
import { honours } from './modules/honours/module.ts';
import { tournament } from './modules/tournament/module.ts';
import { festival } from './modules/festival/module.ts';
import { ceremony } from './modules/ceremony/module.ts';
import { website } from './modules/website/module.ts';
import { home } from './modules/home/module.ts';
import { budget } from './modules/budget/module.ts';
import { publicity } from './modules/publicity/module.ts';

/**
 * Every server module, in one list: adding a module is its folder and one line here (ADR 13).
 * The order is the order of demo data, start-up hooks, routes and home-page counts: organisation
 * before the modules that hang off its unit tree.
 */
export const modules = [
  accounts,
  audit,
  system,
  organisation,
  plans,
  office,
  reporting,
  emulation,
  honours,
  tournament,
  festival,
  ceremony,
  website,
  home,
  budget,
  publicity,
] as const;

installModules(modules);
