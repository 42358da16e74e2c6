import { defineModule } from '../../platform/modules.ts';
import { registerHomeRoutes } from './routes.ts';

/**
 * The home page (ADR 30): "Việc cần làm", every module's `todo` hook put together by deadline,
 * and the leader's view, made of the plans', reporting's, honours' and the drive's own answers.
 */
export const home = defineModule({
  name: 'home',
  permissions: {
    'home.leader': { vi: 'Xem toàn cảnh lãnh đạo trên trang chủ', en: "See the leader's view on the home page" },
  },
  grants: {
    bloc_leader: ['home.leader'],
    board_staff: ['home.leader'],
  },
  routes: [registerHomeRoutes],
});
