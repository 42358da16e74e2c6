import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerStatusSource } from '../plans/index.ts';
import { publicityDemo } from './demo.ts';
import * as m0026 from './migrations/0026_publicity.ts';
import { publicityPiecesSource } from './planSource.ts';
import { registerPublicityRoutes } from './routes.ts';

/** The publicity plan (issue 17, ADR 33): pieces in the newspaper, radio-TV, the website and units' channels. */
export const publicity = defineModule({
  name: 'publicity',
  permissions: {
    'publicity.read': {
      vi: 'Xem kế hoạch tuyên truyền (tin, bài, số lượng theo hoạt động và tháng)',
      en: 'Read the publicity plan (pieces, counts per activity and month)',
    },
    'publicity.manage': {
      vi: 'Lập, sửa, hủy tin, bài trong kế hoạch tuyên truyền (Ban Tuyên giáo)',
      en: 'Plan, edit and drop publicity pieces (the Propaganda Board)',
    },
    'publicity.publish': {
      vi: 'Ghi nhận tin, bài đã đăng (biên tập viên: chỉ tin, bài trên trang thông tin của Khối)',
      en: "Record pieces as published (website editors: only pieces on the Bloc's website)",
    },
  },
  grants: {
    propaganda_staff: ['publicity.read', 'publicity.manage', 'publicity.publish'],
    office_staff: ['publicity.read'],
    bloc_leader: ['publicity.read'],
    editor: ['publicity.read', 'publicity.publish'],
  },
  migrations: { '0026_publicity': m0026 },
  routes: [registerPublicityRoutes],
  demo: publicityDemo,
  setup: () => {
    // II.1 / III.1: the plan's publicity activities take their progress from the pieces published.
    registerStatusSource(publicityPiecesSource);
  },
  overview: [
    {
      key: 'publicityPieces',
      label: { vi: 'Tin, bài tuyên truyền', en: 'Publicity pieces' },
      permission: 'publicity.read',
      path: '/publicity',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('publicity_pieces')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
