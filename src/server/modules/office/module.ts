import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerFileOwner } from '../../platform/files/store.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import * as m0017 from './migrations/0017_office.ts';
import * as m0020 from './migrations/0020_office_duty.ts';
import { registerStatusSource } from '../plans/index.ts';
import { registerDutyRoutes } from './dutyRoutes.ts';
import { officeDutySource } from './dutySource.ts';
import { registerOfficePublicRoutes } from './publicRoutes.ts';
import { mayReceiveFor } from './access.ts';
import { officeDemo } from './demo.ts';
import { registerOfficeJobs, scheduleOfficeReminders } from './inbox.ts';
import { INCOMING_FILES } from './incoming.ts';
import { OUTGOING_FILES } from './outgoing.ts';
import { registerOfficeRoutes } from './routes.ts';

/** The office network: the outgoing register numbered by the Party's rules and sent with receipt tracked; the incoming register assigned. */
export const office = defineModule({
  name: 'office',
  permissions: {
    'office.read': { vi: 'Xem sổ văn bản đi, đến', en: 'Read the outgoing and incoming registers' },
    'office.issue': { vi: 'Cấp số, ban hành và gửi văn bản', en: 'Number, issue and send documents' },
    'office.receive': {
      vi: 'Nhận văn bản gửi đến đơn vị, xác nhận đã nhận',
      en: 'Receive the documents sent to the unit and acknowledge them',
    },
    'office.incoming': {
      vi: 'Vào sổ văn bản đến, giao xử lý',
      en: 'Record incoming documents and assign their handling',
    },
    'office.duty': {
      vi: 'Phân công cán bộ trực, phục vụ các sự kiện',
      en: 'Assign staff on duty at the events',
    },
  },
  grants: {
    bloc_leader: ['office.read', 'office.issue', 'office.receive', 'office.incoming', 'office.duty'],
    board_staff: ['office.read', 'office.receive'],
    office_staff: ['office.issue', 'office.incoming', 'office.duty'],
    unit_officer: ['office.receive'],
    council_member: ['office.receive'],
  },
  migrations: { '0017_office': m0017, '0020_office_duty': m0020 },
  routes: [registerOfficeRoutes, registerDutyRoutes],
  site: [registerOfficePublicRoutes],
  topics: { office: 'office.receive' },
  todo: (platform, caller, today) => import('./todo.ts').then((t) => t.officeTodo(platform, caller, today)),
  demo: officeDemo,
  setup(platform) {
    registerOfficeJobs(platform);
    registerStatusSource(officeDutySource);
    registerFileOwner({
      type: OUTGOING_FILES,
      label: { vi: 'Văn bản đi', en: 'Outgoing document' },
      async mayRead(p, reader, ownerId) {
        if (holdsAnywhere(reader.grants, 'office.read')) return true;
        const row = await p.db
          .selectFrom('office_outgoing')
          .select('is_public')
          .where('id', '=', ownerId)
          .executeTakeFirst();
        if (row?.is_public === 1) return true;
        const units = await p.db
          .selectFrom('office_deliveries')
          .select('unit_id')
          .where('outgoing_id', '=', ownerId)
          .limit(20_000)
          .execute();
        for (const u of units) if (await mayReceiveFor(p, reader, u.unit_id)) return true;
        return false;
      },
    });
    registerFileOwner({
      type: INCOMING_FILES,
      label: { vi: 'Văn bản đến', en: 'Incoming document' },
      mayRead: async (_p, reader) => holdsAnywhere(reader.grants, 'office.read'),
    });
  },
  schedule: (platform) => scheduleOfficeReminders(platform),
  overview: [
    {
      key: 'officeOutgoing',
      label: { vi: 'Văn bản đi', en: 'Outgoing documents' },
      permission: 'office.read',
      path: '/office/outgoing',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('office_outgoing')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
