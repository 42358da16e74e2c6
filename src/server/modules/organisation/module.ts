import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import * as m0002 from './migrations/0002_organisation.ts';
import { organisationDemo } from './demo.ts';
import { registerOrganisationRoutes } from './routes.ts';
import { installUnitScope } from './tree.ts';

/** The unit tree and its history, people and positions, who is in charge, group sets (ADR 7). */
export const organisation = defineModule({
  name: 'organisation',
  permissions: {
    'organisation.read': { vi: 'Xem đơn vị, nhân sự', en: 'Read units and people' },
    'organisation.manage': {
      vi: 'Quản lý toàn bộ cây đơn vị, nhân sự, phân công phụ trách',
      en: 'Manage the whole unit tree, people and who is in charge',
    },
    'unit.edit': {
      vi: 'Sửa đơn vị và nhân sự trong phạm vi được giao',
      en: 'Edit units and people in the assigned subtree',
    },
    'people.private': {
      vi: 'Xem thông tin cá nhân (liên hệ, năm sinh, ngày vào Đảng, ghi chú) của nhân sự mọi đơn vị',
      en: "Read people's personal details (contacts, birth year, Party dates, notes) in every unit",
    },
  },
  grants: {
    bloc_leader: ['organisation.read', 'people.private'],
    board_staff: ['organisation.read', 'people.private'],
    // III.2: the Organisation Board restructures the units and founds grassroots organisations
    organisation_staff: ['organisation.manage', 'unit.edit'],
    unit_officer: ['organisation.read', 'unit.edit'],
    council_member: ['organisation.read'],
    judge: ['organisation.read'],
    umpire: ['organisation.read'],
    editor: ['organisation.read'],
    viewer: ['organisation.read'],
  },
  migrations: { '0002_organisation': m0002 },
  routes: [registerOrganisationRoutes],
  topics: { organisation: 'organisation.read' },
  overview: [
    {
      key: 'units',
      label: { vi: 'Đơn vị đang hoạt động', en: 'Units in existence' },
      permission: 'organisation.read',
      path: '/units',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('units')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('valid_to', 'is', null)
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
    {
      key: 'people',
      label: { vi: 'Nhân sự', en: 'People' },
      permission: 'organisation.read',
      path: '/people',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('people')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
  demo: organisationDemo,
  // Record-level checks (`can`) see the real unit tree.
  setup: installUnitScope,
});
