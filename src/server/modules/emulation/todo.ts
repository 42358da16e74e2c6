import type { TodoItem, TodoSource } from '../../platform/modules.ts';
import { reach } from '../../platform/policy/policy.ts';
import { unitRefs } from '../organisation/index.ts';
import { mayManage } from './access.ts';

/**
 * The drive's part of the home page's to-do list (ADR 30): for each unit the caller registers
 * for (a unit-scoped `emulation.register` grant), the open drives it takes part in without a
 * registration, or whose registration came back; for the drive's managers (`emulation.manage`,
 * which the Bloc holds for every unit, as the review screen does), the registrations waiting to be accepted or returned, one line per drive.
 */
export const emulationTodo: TodoSource = async (platform, caller, today) => {
  const db = platform.db;
  const items: TodoItem[] = [];
  const own = [...new Set(reach(caller.grants, 'emulation.register') ?? [])];
  if (own.length) {
    const rows = await db
      .selectFrom('emulation_participants as p')
      .innerJoin('emulation_drives as d', 'd.id', 'p.drive_id')
      .leftJoin('emulation_registrations as r', (j) =>
        j.onRef('r.drive_id', '=', 'p.drive_id').onRef('r.unit_id', '=', 'p.unit_id'),
      )
      .select(['d.id', 'd.name', 'd.registration_due', 'd.end_on', 'p.unit_id', 'r.status', 'r.review_note'])
      .where('p.unit_id', 'in', own)
      .where('d.status', '=', 'open')
      .where('d.end_on', '>=', today)
      .where((w) => w.or([w('r.id', 'is', null), w('r.status', '=', 'returned')]))
      .limit(20)
      .execute();
    const names = await unitRefs(
      platform,
      rows.map((r) => r.unit_id),
    );
    for (const r of rows) {
      const unit = names.get(r.unit_id);
      const returned = r.status === 'returned';
      items.push({
        kind: returned ? 'registration.returned' : 'registration.due',
        title: returned
          ? { vi: `Sửa bản đăng ký thi đua bị trả lại: ${r.name}`, en: `Fix the returned emulation pledge: ${r.name}` }
          : { vi: `Đăng ký thi đua: ${r.name}`, en: `Register the emulation pledge: ${r.name}` },
        detail:
          returned && r.review_note
            ? { vi: r.review_note, en: r.review_note }
            : unit
              ? { vi: unit.name, en: unit.name }
              : null,
        due: r.registration_due,
        path: `/emulation/${r.id}?tab=registrations`,
        unit: unit ? { id: unit.id, name: unit.name } : null,
      });
    }
  }
  if (mayManage(caller)) {
    const waiting = await db
      .selectFrom('emulation_registrations as r')
      .innerJoin('emulation_drives as d', 'd.id', 'r.drive_id')
      .select(['d.id', 'd.name', 'd.registration_due'])
      .select((eb) => eb.fn.count<number>('r.id').distinct().as('n'))
      .where('r.status', '=', 'submitted')
      .groupBy(['d.id', 'd.name', 'd.registration_due'])
      .limit(20)
      .execute();
    for (const w of waiting) {
      const n = Number(w.n);
      items.push({
        kind: 'registration.review',
        title: {
          vi: `Xét ${n} bản đăng ký thi đua: ${w.name}`,
          en: `Review ${n} emulation pledge${n === 1 ? '' : 's'}: ${w.name}`,
        },
        detail: null,
        due: w.registration_due,
        path: `/emulation/${w.id}?tab=registrations`,
        unit: null,
      });
    }
  }
  return items;
};
