import type {} from './tables.ts';
import { registerFileOwner } from '../../platform/files/store.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerStatusSource } from '../plans/index.ts';
import { festivalDemo } from './demo.ts';
import { entryFiles } from './festivals.ts';
import * as m0010 from './migrations/0010_festival.ts';
import * as m0022 from './migrations/0022_festival_track_seconds.ts';
import { festivalResultsSource } from './planSource.ts';
import { registerFestivalPages } from './publicPages.tsx';
import { registerFestivalDocumentRoutes } from './documentRoutes.ts';
import { registerFestivalRoutes } from './routes.ts';

/** The singing festival: entries from the units, judging by a panel, certified results, the ceremony's acts. */
export const festival = defineModule({
  name: 'festival',
  permissions: {
    'festival.read': {
      vi: 'Xem liên hoan, tiết mục, kết quả đã chứng nhận',
      en: 'Follow festivals, entries and certified results',
    },
    'festival.enter': { vi: 'Đăng ký tiết mục của đơn vị', en: "Enter the unit's acts" },
    'festival.manage': {
      vi: 'Tổ chức liên hoan: vòng thi, duyệt tiết mục, giải thưởng, chọn tiết mục phục vụ Hội nghị',
      en: 'Run festivals: rounds, entries, prizes, the ceremony’s acts',
    },
    'festival.judge': {
      vi: 'Giám khảo: chấm vòng thi có tên mình trong hội đồng',
      en: 'Judge: score the rounds whose panel names you',
    },
  },
  grants: {
    bloc_leader: ['festival.read', 'festival.enter', 'festival.manage'],
    board_staff: ['festival.read'],
    office_staff: ['festival.enter', 'festival.manage'],
    inspection_staff: ['festival.enter', 'festival.manage'],
    unit_officer: ['festival.read', 'festival.enter'],
    council_member: ['festival.read'],
    judge: ['festival.read', 'festival.judge'],
    umpire: ['festival.read'],
    editor: ['festival.read'],
    viewer: ['festival.read'],
  },
  migrations: { '0010_festival': m0010, '0022_festival_track_seconds': m0022 },
  routes: [registerFestivalRoutes, registerFestivalDocumentRoutes],
  site: [registerFestivalPages],
  topics: { festival: 'festival.read' },
  todo: (platform, caller, today) => import('./todo.ts').then((t) => t.festivalTodo(platform, caller, today)),
  demo: festivalDemo,
  setup: () => {
    registerFileOwner(entryFiles);
    // The plan's festival activity (II.3) takes its status from the exchange night's certification.
    registerStatusSource(festivalResultsSource);
  },
  overview: [
    {
      key: 'festivals',
      label: { vi: 'Liên hoan', en: 'Festivals' },
      permission: 'festival.read',
      path: '/festivals',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('festivals')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
