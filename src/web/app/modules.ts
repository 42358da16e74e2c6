// The web modules, in the order of the menu. Adding a module: its folder under src/web/modules,
// with a module.tsx made by defineWebModule (app/module.ts), imported and listed here.
import accounts from '../modules/accounts/module.tsx';
import audit from '../modules/audit/module.tsx';
import emulation from '../modules/emulation/module.tsx';
import home from '../modules/home/module.tsx';
import honours from '../modules/honours/module.tsx';
import office from '../modules/office/module.tsx';
import organisation from '../modules/organisation/module.tsx';
import plans from '../modules/plans/module.tsx';
import reporting from '../modules/reporting/module.tsx';
import tournament from '../modules/tournament/module.tsx';
import festival from '../modules/festival/module.tsx';
import ceremony from '../modules/ceremony/module.tsx';
import website from '../modules/website/module.tsx';
import budget from '../modules/budget/module.tsx';
import publicity from '../modules/publicity/module.tsx';

export const webModules = [
  home,
  plans,
  reporting,
  emulation,
  honours,
  tournament,
  festival,
  ceremony,
  website,
  office,
  budget,
  publicity,
  organisation,
  accounts,
  audit,
] as const;

export type AppModule = (typeof webModules)[number];
