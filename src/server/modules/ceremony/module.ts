import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerStatusSource } from '../plans/index.ts';
import { ceremonyDemo } from './demo.ts';
import * as m0016 from './migrations/0016_ceremony.ts';
import * as m0025 from './migrations/0025_ceremony_rehearsal_invitation.ts';
import * as m0030 from './migrations/0030_ceremony_organiser.ts';
import { festivalActs } from './festivalActs.ts';
import { registerPerformanceSource } from './sources.ts';
import { ceremonyHeldSource } from './planSource.ts';
import { registerCeremonyDocumentRoutes } from './documentRoutes.ts';
import { registerCeremonyRoutes } from './routes.ts';
import { registerCeremonyPublicLive } from './publicLive.ts';

/** The evening ceremony: the programme in the State's protocol order, the awards from the honours results, guests, the live show. */
export const ceremony = defineModule({
  name: 'ceremony',
  permissions: {
    'ceremony.read': { vi: 'Xem chương trình buổi lễ', en: 'Follow the ceremony programme' },
    'ceremony.manage': {
      vi: 'Dựng chương trình, khách mời, trao thưởng',
      en: 'Build the programme, guests and award presentations',
    },
    'ceremony.call': { vi: 'Điều hành chương trình trực tiếp', en: 'Call the show live' },
  },
  grants: {
    bloc_leader: ['ceremony.read', 'ceremony.manage', 'ceremony.call'],
    board_staff: ['ceremony.read'],
    office_staff: ['ceremony.manage', 'ceremony.call'],
    propaganda_staff: ['ceremony.manage', 'ceremony.call'],
    unit_officer: ['ceremony.read'],
    council_member: ['ceremony.read'],
    judge: ['ceremony.read'],
    editor: ['ceremony.read'],
    viewer: ['ceremony.read'],
  },
  migrations: { '0016_ceremony': m0016, '0025_ceremony_rehearsal_invitation': m0025, '0030_ceremony_organiser': m0030 },
  routes: [registerCeremonyRoutes, registerCeremonyDocumentRoutes, registerCeremonyPublicLive],
  topics: { ceremony: 'ceremony.read' },
  demo: ceremonyDemo,
  // The plan's honouring conference (II.4) takes its status from the ceremony recorded as held.
  setup: () => {
    registerStatusSource(ceremonyHeldSource);
    // The festival's acts chosen for the ceremony, for its performance segments.
    registerPerformanceSource(festivalActs);
  },
  overview: [
    {
      key: 'ceremonies',
      label: { vi: 'Buổi lễ', en: 'Ceremonies' },
      permission: 'ceremony.read',
      path: '/ceremonies',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('ceremonies')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
