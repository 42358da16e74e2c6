import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import * as m0006 from './migrations/0006_emulation.ts';
import { emulationDemo } from './demo.ts';
import { registerEmulationRoutes } from './routes.ts';

/** The emulation drive: launch, registrations, criteria and scores, the ranking. */
export const emulation = defineModule({
  name: 'emulation',
  permissions: {
    'emulation.read': {
      vi: 'Xem phong trào thi đua, kết quả và xếp hạng',
      en: 'Read emulation drives, results and rankings',
    },
    'emulation.register': { vi: 'Đăng ký thi đua của đơn vị', en: "Register the unit's emulation targets" },
    'emulation.manage': {
      vi: 'Phát động, quản lý phong trào thi đua; duyệt đăng ký; chấm điểm',
      en: 'Launch and run drives; review registrations; score units',
    },
  },
  grants: {
    bloc_leader: ['emulation.read', 'emulation.manage'],
    board_staff: ['emulation.read'],
    propaganda_staff: ['emulation.manage'],
    unit_officer: ['emulation.read', 'emulation.register'],
    council_member: ['emulation.read'],
    viewer: ['emulation.read'],
  },
  migrations: { '0006_emulation': m0006 },
  routes: [registerEmulationRoutes],
  todo: (platform, caller, today) => import('./todo.ts').then((t) => t.emulationTodo(platform, caller, today)),
  demo: emulationDemo,
});
