import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DemoLoader } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { liveUnits, unitByCode } from '../organisation/index.ts';
import { importPlanDocument } from './import/importPlan.ts';
import { createPlan } from './plans.ts';
import { proposePlan, resolveNames } from './preview.ts';
import { addReport } from './progress.ts';
import { createPlanInput } from './schema.ts';
import { createSubPlan } from './subPlans.ts';
import { recordSupervision } from './supervision.ts';

/**
 * The seed plan as demo data, built the way a person would: the seed document through the
 * import parser, names resolved against the demo Bloc, then the corrections a person makes when
 * confirming (the issuing bodies, leads the text leaves implicit, deadlines the timeline gives),
 * then progress reports, two sub-plans and a supervision visit, so that all four statuses show.
 * Idempotent: the plan carries a demo key; a second run adds nothing.
 */
export const SEED_DEMO_KEY = 'seed:ke-hoach-ky-niem-15-nam';
export const seedFile = fileURLToPath(new URL('./fixtures/ke-hoach-ky-niem-15-nam.vi.txt', import.meta.url));
const caller = systemCaller('demo');

/** Leads the seed leaves implicit (II.1's publicity, II.4's ceremony), and readings a person confirms. */
const leadCorrections: Record<string, { lead?: string[]; coordinating?: string[] }> = {
  A2: { lead: ['BTG'], coordinating: ['BAO-TB', 'DAI-TB'] },
  A10: { lead: ['DTN'], coordinating: ['TD-TP'] },
  A12: { lead: ['BTG'], coordinating: ['VP', 'DTN', 'CCB'] },
  A25: { lead: ['CCB', 'DTN'] },
  A29: { lead: ['BTV', 'BCH'] },
};

/** Deadlines the timeline (II.5) or the related task gives; "continuous" duties stay open. */
const dueCorrections: Record<string, string> = {
  A4: '2019-08-30',
  A5: '2019-08-30',
  A8: '2019-08-30',
  A13: '2019-06-10',
  A14: '2019-06-10',
  A20: '2019-08-20',
  A24: '2019-09-04',
  A25: '2019-08-20',
};
const continuous = ['A17', 'A21', 'A23', 'A27', 'A28', 'A29'];

export async function seedPlanInput(platform: Platform) {
  const draft = await importPlanDocument(readFileSync(seedFile));
  const registry = await liveUnits(platform, '2019-06-10', { limit: 50_000 });
  const byCode = new Map(registry.map((u) => [u.code, u.id]));
  const codes = (list: string[]) => list.map((c) => byCode.get(c)).filter((v): v is string => v !== undefined);
  const names = draft.activities.flatMap((a) => [...a.lead, ...a.coordinating]);
  const proposal = proposePlan(draft, resolveNames(names, registry), byCode.get('DBK') ?? null);
  const dueOf = new Map(draft.activities.map((a) => [a.id, a.due]));
  proposal.header = {
    ...proposal.header,
    superiorBody: 'ĐẢNG BỘ TỈNH THÁI BÌNH',
    issuingBody: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP',
    symbolSuffix: 'ĐUK',
  };
  proposal.periodStart = draft.header.date;
  proposal.periodDue = '2019-09-04';
  proposal.sections = proposal.sections.map((s) =>
    s.path === 'II.1' ? { ...s, notes: ['Thời gian các đơn vị tổ chức phát động từ 15/6/2019 đến hết 30/8/2019'] } : s,
  );
  for (const a of proposal.activities) {
    const fix = leadCorrections[a.ref];
    if (fix?.lead) a.leadUnitIds = codes(fix.lead);
    if (fix?.coordinating)
      a.coordinatingUnitIds = [...new Set([...a.coordinatingUnitIds, ...codes(fix.coordinating)])].filter(
        (id) => !a.leadUnitIds.includes(id),
      );
    if (fix)
      a.otherParticipants = a.otherParticipants.filter(
        (n) => !/Thành phố|Hội Cựu chiến binh|Đoàn TNCS|ủy viên|Ủy viên/u.test(n),
      );
    if (dueCorrections[a.ref]) a.due = dueCorrections[a.ref];
    const related = draft.activities.find((d) => d.id === a.ref)?.related ?? [];
    if (!a.due) a.due = related.map((r) => dueCorrections[r] ?? dueOf.get(r)).find((d): d is string => !!d) ?? null;
    if (continuous.includes(a.ref)) {
      a.due = null;
      a.recurrence = 'continuous';
    }
    if (a.ref === 'A5') a.statusSource = 'organisation.new_grassroots';
    if (a.ref === 'A9') a.statusSource = 'tournament.results';
    if (a.ref === 'A10') a.statusSource = 'festival.results';
    if (a.ref === 'A12') a.statusSource = 'ceremony.held';
    // III.4's second bullet is one activity holding two jobs (ADR 41): the budget estimate and
    // mobilisation, and the detailed plan assigning the Office's staff to serve
    if (a.ref === 'A23') Object.assign(a, { statusSource: null, statusSources: ['budget.settled', 'office.duty'] });
    if (a.ref === 'A2' || a.ref === 'A17') a.statusSource = 'publicity.pieces';
  }
  return createPlanInput.parse(proposal);
}

async function loadPlans(platform: Platform): Promise<number> {
  return platform.db.transaction().execute(async (tx) => {
    const p: Platform = { ...platform, db: tx };
    if (await tx.selectFrom('plans').select('id').where('demo_key', '=', SEED_DEMO_KEY).executeTakeFirst()) return 0;
    if (!(await unitByCode(tx, 'DBK'))) return 0;
    const plan = await createPlan(p, caller, await seedPlanInput(p), { isDemo: true, demoKey: SEED_DEMO_KEY });
    const units = new Map((await liveUnits(p, '2019-09-04', { limit: 50_000 })).map((u) => [u.code, u.id]));
    const acts = new Map(
      (await tx.selectFrom('plan_activities').select(['id', 'ref']).where('plan_id', '=', plan.id).execute()).map(
        (a) => [a.ref, a.id],
      ),
    );
    const report = (ref: string, unit: string | null, percent: number, doneOn: string | null, text: string) =>
      addReport(p, caller, acts.get(ref)!, {
        text,
        percent,
        figure: null,
        doneOn,
        unitId: unit ? units.get(unit)! : null,
      });
    let added = 1;
    const reports: [string, string | null, number, string | null, string][] = [
      ['A13', 'BTG', 100, '2019-06-10', 'Đã tham mưu Ban Thường vụ ban hành Kế hoạch ngày 10/6/2019.'],
      [
        'A14',
        'BTG',
        100,
        '2019-06-12',
        'Đã thành lập các tiểu ban giúp việc; quá hạn 2 ngày do chờ ý kiến Thường trực.',
      ],
      [
        'A11',
        'BTG',
        100,
        '2019-07-29',
        'Hội đồng đã bình chọn đủ 45 tập thể, cá nhân, sản phẩm tiêu biểu (15 + 15 + 15).',
      ],
      ['A9', 'CCB', 100, '2019-08-18', 'Giải Cầu lông đã tổ chức xong với 16 doanh nghiệp tham gia.'],
      [
        'A10',
        'DTN',
        100,
        '2019-08-19',
        'Liên hoan Tiếng hát Thanh niên công nhân đã tổ chức tối 19/8/2019; chọn 5 tiết mục phục vụ Hội nghị.',
      ],
      [
        'A6',
        'BTC',
        100,
        '2019-09-03',
        'Nghị quyết chuyên đề của Ban Chấp hành đã ban hành ngày 03/9/2019 (chậm so với kế hoạch).',
      ],
      ['A7', 'BTG', 60, null, 'Đã xong dự thảo Nghị quyết, đang lấy ý kiến các cơ sở.'],
      [
        'A1',
        'CS02',
        100,
        '2019-08-28',
        'Đã phát động đợt thi đua cao điểm trong toàn công ty; 2.100 công nhân tham gia.',
      ],
      ['A1', 'CS05', 80, null, 'Đang tổng hợp kết quả thi đua ở các tổ sản xuất.'],
      ['A21', 'UBKT', 50, null, 'Đã kiểm tra 6/18 cơ sở; tiếp tục theo kế hoạch.'],
      ['A12', 'BTG', 100, '2019-09-04', 'Hội nghị tôn vinh tổ chức tối 04/9/2019 tại Nhà văn hóa tỉnh.'],
    ];
    for (const [ref, unit, percent, doneOn, text] of reports) {
      await report(ref, unit, percent, doneOn, text);
      added++;
    }
    await createSubPlan(p, caller, plan.id, {
      unitId: units.get('CS02')!,
      title: null,
      number: '12-KH/ĐU',
      issuedOn: '2019-06-10',
      pick: [acts.get('A1')!, acts.get('A3')!, acts.get('A26')!],
      own: [],
    });
    await createSubPlan(p, caller, plan.id, {
      unitId: units.get('CS05')!,
      title: null,
      number: '05-KH/CB',
      issuedOn: '2019-06-14',
      pick: [acts.get('A1')!],
      own: [],
    });
    await recordSupervision(p, caller, {
      planId: plan.id,
      unitId: units.get('CS02')!,
      kind: 'inspect',
      visitedOn: '2019-07-20',
      findings: 'Đảng ủy đã xây dựng kế hoạch và phát động thi đua đúng thời gian; công tác tuyên truyền còn ít.',
      followUps: 'Đẩy mạnh tuyên truyền trên bản tin công ty; báo cáo kết quả thi đua trước ngày 30/8/2019.',
    });
    return added + 3;
  });
}

export const plansDemo: DemoLoader = { name: 'plans', load: loadPlans };
