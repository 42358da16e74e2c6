import type { TodoItem, TodoSource } from '../../platform/modules.ts';
import { reach } from '../../platform/policy/policy.ts';
import { unitRefs } from '../organisation/index.ts';
import { mayScreen } from './access.ts';
import { myOpenRounds } from './ballot.ts';

/**
 * Honours' part of the home page's to-do list (ADR 30):
 * - a nominating unit (unit-scoped `honours.nominate`): the campaigns open for nominations where
 *   it has nothing sent yet (or drafts to send), and each dossier returned to it;
 * - a screener (`honours.screen`, which the Bloc's boards hold for every unit, as the screening
 *   screen does): the dossiers sent and waiting to be screened, one line per campaign;
 * - a Council member: the sessions they sit on still to come, and the open rounds awaiting their
 *   ballot (the same question as GET /api/honours/rounds/open).
 */
export const honoursTodo: TodoSource = async (platform, caller, today) => {
  const db = platform.db;
  const items: TodoItem[] = [];
  const own = [...new Set(reach(caller.grants, 'honours.nominate') ?? [])];
  if (own.length) {
    const campaigns = await db
      .selectFrom('honour_campaigns')
      .select(['id', 'name', 'nomination_opens', 'nomination_due'])
      .where('status', '=', 'nominating')
      .where('nomination_opens', '<=', today)
      .where('nomination_due', '>=', today)
      .limit(20)
      .execute();
    const names = await unitRefs(platform, own);
    if (campaigns.length) {
      const counts = await db
        .selectFrom('honour_nominations')
        .select(['campaign_id', 'unit_id', 'status'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(
          'campaign_id',
          'in',
          campaigns.map((c) => c.id),
        )
        .where('unit_id', 'in', own)
        .groupBy(['campaign_id', 'unit_id', 'status'])
        .execute();
      for (const c of campaigns)
        for (const unitId of own) {
          const mine = counts.filter((x) => x.campaign_id === c.id && x.unit_id === unitId);
          const drafts = Number(mine.find((x) => x.status === 'draft')?.n ?? 0);
          const unit = names.get(unitId);
          if (mine.length > 0 && drafts === 0) continue;
          items.push({
            kind: drafts ? 'nomination.send' : 'nomination.due',
            title: drafts
              ? {
                  vi: `Gửi ${drafts} hồ sơ đề nghị khen thưởng: ${c.name}`,
                  en: `Send ${drafts} nomination${drafts === 1 ? '' : 's'}: ${c.name}`,
                }
              : { vi: `Đề nghị khen thưởng: ${c.name}`, en: `Nominate for honours: ${c.name}` },
            detail: unit ? { vi: unit.name, en: unit.name } : null,
            due: c.nomination_due,
            path: `/honours/${c.id}?tab=nominations`,
            unit: unit ? { id: unit.id, name: unit.name } : null,
          });
        }
    }
    const returned = await db
      .selectFrom('honour_nominations as n')
      .innerJoin('honour_campaigns as c', 'c.id', 'n.campaign_id')
      .select(['n.id', 'n.nominee_name', 'n.reason', 'n.unit_id', 'c.nomination_due'])
      .where('n.unit_id', 'in', own)
      .where('n.status', '=', 'returned')
      .where('c.status', '=', 'nominating')
      .limit(30)
      .execute();
    for (const r of returned) {
      const unit = names.get(r.unit_id);
      items.push({
        kind: 'nomination.returned',
        title: {
          vi: `Bổ sung hồ sơ bị trả lại: ${r.nominee_name}`,
          en: `Complete the returned dossier: ${r.nominee_name}`,
        },
        detail: r.reason ? { vi: r.reason, en: r.reason } : null,
        due: r.nomination_due,
        path: `/honours/nominations/${r.id}`,
        unit: unit ? { id: unit.id, name: unit.name } : null,
      });
    }
  }

  if (mayScreen(caller)) {
    const waiting = await db
      .selectFrom('honour_nominations as n')
      .innerJoin('honour_campaigns as c', 'c.id', 'n.campaign_id')
      .select(['c.id', 'c.name', 'c.nomination_due'])
      .select((eb) => eb.fn.count<number>('n.id').distinct().as('n'))
      .where('n.status', '=', 'submitted')
      .where('c.status', '=', 'nominating')
      .groupBy(['c.id', 'c.name', 'c.nomination_due'])
      .limit(20)
      .execute();
    for (const w of waiting) {
      const n = Number(w.n);
      items.push({
        kind: 'nomination.screen',
        title: { vi: `Thẩm định ${n} hồ sơ: ${w.name}`, en: `Screen ${n} dossier${n === 1 ? '' : 's'}: ${w.name}` },
        detail: null,
        due: w.nomination_due,
        path: `/honours/${w.id}?tab=nominations&status=submitted`,
        unit: null,
      });
    }
  }

  if (caller.actor.userId) {
    const sessions = await db
      .selectFrom('honour_sessions as s')
      .innerJoin('honour_session_members as m', (j) =>
        j.onRef('m.session_id', '=', 's.id').on('m.user_id', '=', caller.actor.userId ?? '-'),
      )
      .select(['s.id', 's.title', 's.held_on', 'm.role'])
      .where('s.status', '=', 'open')
      .where('s.held_on', '>=', today)
      .orderBy('s.held_on')
      .limit(10)
      .execute();
    for (const s of sessions)
      items.push({
        kind: 'session.attend',
        title: { vi: `Họp Hội đồng: ${s.title}`, en: `Council meeting: ${s.title}` },
        detail: null,
        due: s.held_on,
        path: `/honours/sessions/${s.id}`,
        unit: null,
      });
    for (const r of (await myOpenRounds(platform, caller)).items)
      items.push({
        kind: 'ballot.waiting',
        title: {
          vi: `Bỏ phiếu vòng ${r.number}: ${r.categoryName}`,
          en: `Cast your ballot, round ${r.number}: ${r.categoryName}`,
        },
        detail: { vi: r.sessionTitle, en: r.sessionTitle },
        due: r.heldOn,
        path: `/honours/rounds/${r.id}`,
        unit: null,
      });
  }
  return items;
};
