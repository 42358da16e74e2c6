import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import * as m0007 from './migrations/0007_honours.ts';
import * as m0013 from './migrations/0013_encrypted_ballot.ts';
import * as m0024 from './migrations/0024_council_voters.ts';
import { honoursDemo } from './demo.ts';
import { registerHonoursPublicRoutes } from './publicRoutes.ts';
import { registerRollOfHonourPages } from './rollOfHonourPages.tsx';
import { registerHonoursRoutes } from './routes.ts';
import { registerHonours } from './setup.ts';

/** Choosing the honourees: campaigns, nominations, screening, the Council's secret ballot, the public roll (ADR 12). */
export const honours = defineModule({
  name: 'honours',
  permissions: {
    'honours.read': {
      vi: 'Xem đợt tôn vinh, hồ sơ của đơn vị mình, kết quả',
      en: "Read honours campaigns, one's unit's nominations, results",
    },
    'honours.nominate': {
      vi: 'Lập và gửi hồ sơ đề nghị tôn vinh của đơn vị',
      en: "Prepare and submit the unit's nominations",
    },
    'honours.screen': { vi: 'Thẩm định hồ sơ theo tiêu chí', en: 'Screen nominations against the criteria' },
    'honours.manage': {
      vi: 'Lập đợt tôn vinh, tiêu chí, cơ cấu; xác nhận kết quả',
      en: 'Set up campaigns, criteria and quotas; confirm results',
    },
    'honours.vote': {
      vi: 'Thành viên Hội đồng: xem hồ sơ, bỏ phiếu kín',
      en: 'Council member: read dossiers, cast secret ballots',
    },
    'honours.secretary': {
      vi: 'Thư ký Hội đồng: điều hành phiên họp, vòng bỏ phiếu, biên bản',
      en: 'Council secretary: run sessions, rounds and minutes',
    },
  },
  grants: {
    bloc_leader: ['honours.read', 'honours.manage'],
    board_staff: ['honours.read'],
    // III.1: the Propaganda Board sets the criteria and screens; III.4: the Office runs the Council's procedure
    propaganda_staff: ['honours.screen', 'honours.manage'],
    office_staff: ['honours.secretary'],
    unit_officer: ['honours.read', 'honours.nominate'],
    council_member: ['honours.read', 'honours.vote'],
    viewer: ['honours.read'],
  },
  migrations: { '0007_honours': m0007, '0013_encrypted_ballot': m0013, '0024_council_voters': m0024 },
  routes: [registerHonoursRoutes, registerHonoursPublicRoutes],
  // The public roll of honour, /vinh-danh (vi, ?lang=en).
  site: [registerRollOfHonourPages],
  topics: { honours: 'honours.read' },
  todo: (platform, caller, today) => import('./todo.ts').then((t) => t.honoursTodo(platform, caller, today)),
  demo: honoursDemo,
  // Who may read dossier files; the plan's "select 45" status source.
  setup: () => registerHonours(),
});
