import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import * as m0009 from './migrations/0009_tournament.ts';
import * as m0011 from './migrations/0011_tournament_rallies.ts';
import * as m0021 from './migrations/0021_tournament_point_state.ts';
import * as m0028 from './migrations/0028_tournament_ties.ts';
import * as m0029 from './migrations/0029_tournament_rubber_rallies.ts';
import { registerStatusSource } from '../plans/index.ts';
import { tournamentDemo } from './demo.ts';
import { tournamentResultsSource } from './planSource.ts';
import { registerTournamentRoutes } from './routes.ts';
import { registerUmpireRoutes } from './umpireRoutes.ts';
import { registerTournamentPublicRoutes } from './publicRoutes.ts';
import { registerTournamentPages } from './publicPages.tsx';
import { registerTournamentDocumentRoutes } from './documentRoutes.ts';

/** The badminton tournament: set-up, entries from the units, the draw, results and standings. */
export const tournament = defineModule({
  name: 'tournament',
  permissions: {
    'tournament.read': { vi: 'Xem giải đấu, bốc thăm, kết quả', en: 'Follow tournaments, draws and results' },
    'tournament.enter': { vi: 'Đăng ký vận động viên của đơn vị', en: "Enter the unit's players" },
    'tournament.manage': {
      vi: 'Tổ chức giải: nội dung, duyệt đăng ký, bốc thăm, sửa kết quả',
      en: 'Run tournaments: events, entries, draws, corrections',
    },
    'tournament.score': { vi: 'Trọng tài: ghi điểm trận được phân công', en: 'Umpire: score the matches assigned' },
  },
  grants: {
    bloc_leader: ['tournament.read', 'tournament.enter', 'tournament.manage', 'tournament.score'],
    board_staff: ['tournament.read'],
    office_staff: ['tournament.enter', 'tournament.manage', 'tournament.score'],
    inspection_staff: ['tournament.enter', 'tournament.manage', 'tournament.score'],
    unit_officer: ['tournament.read', 'tournament.enter'],
    council_member: ['tournament.read'],
    judge: ['tournament.read'],
    umpire: ['tournament.read', 'tournament.score'],
    editor: ['tournament.read'],
    viewer: ['tournament.read'],
  },
  migrations: {
    '0009_tournament': m0009,
    '0011_tournament_rallies': m0011,
    '0021_tournament_point_state': m0021,
    '0028_tournament_ties': m0028,
    '0029_tournament_rubber_rallies': m0029,
  },
  routes: [
    registerTournamentRoutes,
    registerUmpireRoutes,
    registerTournamentPublicRoutes,
    registerTournamentDocumentRoutes,
  ],
  // The public pages (no sign-in): /giai-dau, /giai-dau/{code}, /giai-dau/{code}/san.
  site: [registerTournamentPages],
  topics: { tournament: 'tournament.read' },
  todo: (platform, caller, today) => import('./todo.ts').then((t) => t.tournamentTodo(platform, caller, today)),
  demo: tournamentDemo,
  // The plan's tournament activity (II.3) takes its status from the results.
  setup: () => registerStatusSource(tournamentResultsSource),
  overview: [
    {
      key: 'tournaments',
      label: { vi: 'Giải đấu', en: 'Tournaments' },
      permission: 'tournament.read',
      path: '/tournaments',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('tournaments')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
