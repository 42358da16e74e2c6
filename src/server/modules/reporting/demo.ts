import { deadlinesOf } from '../../../common/periods.ts';
import type { DemoLoader } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { type UnitKind, unitByCode } from '../organisation/index.ts';
import { expectedUnits } from './assignment.ts';
import { createIndicator } from './indicators.ts';
import type { Template } from './model.ts';
import { campaignId, periodRef } from './periods.ts';
import { templateOf } from './model.ts';
import type { IndicatorInput, SaveInput, TemplateInput } from './schema.ts';
import { approveReport, returnReport, saveReport, unitDeadlines } from './submissions.ts';
import { createTemplate } from './templates.ts';

/**
 * The seed's reporting as demo data (plan II.2: "xây dựng mẫu báo cáo và phần mềm tổng hợp báo
 * cáo tháng, 6 tháng, năm"; II.1: the emulation drive 15/6–30/8/2019):
 *
 *  - the Bloc's monthly template for grassroots units, "Báo cáo tháng của tổ chức cơ sở đảng"
 *    (BC-THANG-CS, the 15→14 cut-off, deadlines cell 3 / grassroots 5 / Bloc 10 days, lock 30),
 *    and the grassroots units' reports for June, July and August 2019: most on time, a few late,
 *    a couple returned, a few drafts and missing, June's approved and the later ones awaiting
 *    approval, so completeness, totals and the approval list show something;
 *  - the drive's template "Kết quả phong trào thi đua chào mừng 15 năm thành lập Đảng bộ Khối"
 *    (TD-15NAM, the campaign 15/6 → 30/8/2019, counted on approval) with results from most units,
 *    two thirds approved.
 *
 * Every report goes through `saveReport` and the approve/return path, so the live totals are
 * built exactly as they are live; the reports are entered on their 2019 days (`demoEnteredAt`).
 * Figures are invented but plausible, and the same on every run (seeded by unit and period).
 * A committee whose cells report (CS02) enters only its own part: what its cells do not report.
 * Decimals are halves: `num_value` and the totals are `real` columns, single precision on
 * PostgreSQL, where 92.3 is stored as 92.30000305 and totals would drift from a GROUP BY.
 * Idempotent: indicators and templates are found by code, a report by template, unit and period;
 * a second run adds nothing.
 */
export const MONTHLY_CODE = 'BC-THANG-CS';
export const DRIVE_CODE = 'TD-15NAM';
const caller = systemCaller('demo');
const gender = [
  { key: 'nam', label: { vi: 'Nam', en: 'Male' } },
  { key: 'nu', label: { vi: 'Nữ', en: 'Female' } },
];

const monthlyIndicators: IndicatorInput[] = [
  {
    code: 'DV_TONG',
    name: 'Tổng số đảng viên',
    valueType: 'integer',
    aggregation: 'last',
    unit: 'người',
    breakdown: [],
    description: 'Số đảng viên của tổ chức đảng tại ngày cuối kỳ báo cáo.',
  },
  {
    code: 'DV_MOI',
    name: 'Đảng viên mới kết nạp',
    valueType: 'integer',
    aggregation: 'sum',
    unit: 'người',
    breakdown: gender,
    description: 'Số quần chúng được kết nạp vào Đảng trong kỳ.',
  },
  {
    code: 'DV_CAM_TINH',
    name: 'Quần chúng ưu tú được cử đi học lớp cảm tình đảng',
    valueType: 'integer',
    aggregation: 'sum',
    unit: 'người',
    breakdown: [],
    description: '',
  },
  {
    code: 'SH_CHI_BO',
    name: 'Số buổi sinh hoạt chi bộ',
    valueType: 'integer',
    aggregation: 'sum',
    unit: 'buổi',
    breakdown: [],
    description: 'Sinh hoạt định kỳ và chuyên đề.',
  },
  {
    code: 'TL_DU_SH',
    name: 'Tỷ lệ đảng viên dự sinh hoạt',
    valueType: 'percentage',
    aggregation: 'average',
    unit: '%',
    breakdown: [],
    description: 'Bình quân các buổi sinh hoạt trong kỳ.',
  },
  {
    code: 'SH_CHUYEN_DE',
    name: 'Chi bộ sinh hoạt chuyên đề',
    valueType: 'boolean',
    aggregation: 'sum',
    unit: null,
    breakdown: [],
    description: 'Có tổ chức sinh hoạt chuyên đề trong kỳ hay không.',
  },
  {
    code: 'GHI_CHU',
    name: 'Ghi chú',
    valueType: 'text',
    aggregation: 'none',
    unit: null,
    breakdown: [],
    description: '',
  },
];

const driveIndicators: IndicatorInput[] = [
  {
    code: 'TD_THAM_GIA',
    name: 'Số cán bộ, đảng viên, người lao động tham gia thi đua',
    valueType: 'integer',
    aggregation: 'sum',
    unit: 'người',
    breakdown: [],
    description: '',
  },
  {
    code: 'TD_CONG_TRINH',
    name: 'Số công trình, sản phẩm chào mừng',
    valueType: 'integer',
    aggregation: 'sum',
    unit: 'công trình',
    breakdown: [],
    description: 'Công trình, sản phẩm gắn biển chào mừng kỷ niệm 15 năm thành lập Đảng bộ Khối.',
  },
  {
    code: 'TD_SANG_KIEN',
    name: 'Số sáng kiến, cải tiến kỹ thuật',
    valueType: 'integer',
    aggregation: 'sum',
    unit: 'sáng kiến',
    breakdown: [],
    description: '',
  },
  {
    code: 'TD_LAM_LOI',
    name: 'Giá trị làm lợi',
    valueType: 'number',
    aggregation: 'sum',
    unit: 'triệu đồng',
    breakdown: [],
    description: 'Giá trị làm lợi của các sáng kiến, cải tiến trong đợt thi đua.',
  },
  {
    code: 'TD_DAO_TAO',
    name: 'Số lao động được đào tạo, nâng cao tay nghề',
    valueType: 'integer',
    aggregation: 'sum',
    unit: 'người',
    breakdown: [],
    description: '',
  },
  {
    code: 'TD_DE_NGHI_KT',
    name: 'Số tập thể, cá nhân được đề nghị khen thưởng',
    valueType: 'integer',
    aggregation: 'sum',
    unit: null,
    breakdown: [
      { key: 'tap_the', label: { vi: 'Tập thể', en: 'Collectives' } },
      { key: 'ca_nhan', label: { vi: 'Cá nhân', en: 'Individuals' } },
    ],
    description: '',
  },
  {
    code: 'TD_DANH_GIA',
    name: 'Đánh giá chung',
    valueType: 'text',
    aggregation: 'none',
    unit: null,
    breakdown: [],
    description: '',
  },
];

const grassrootsSchedule: TemplateInput['schedule'] = {
  levels: [
    { level: 'cell', daysAfterEnd: 3 },
    { level: 'grassroots', daysAfterEnd: 5 },
    { level: 'bloc', daysAfterEnd: 10 },
  ],
  onTimeDays: 0,
  lockDays: 30,
};
const driveSchedule: TemplateInput['schedule'] = {
  levels: [
    { level: 'cell', daysAfterEnd: 2 },
    { level: 'grassroots', daysAfterEnd: 3 },
    { level: 'bloc', daysAfterEnd: 5 },
  ],
  onTimeDays: 0,
  lockDays: 30,
};

/** A small seeded generator: the same figures on every run for the same unit and period. */
function seeded(...parts: string[]) {
  let h = 2166136261;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let a = h || 1;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Entered at 08:10–10:50 in Vietnam (UTC+7) on that day. */
const at = (day: string, minute: number) => new Date(Date.parse(`${day}T01:10:00Z`) + (minute % 160) * 60_000);

type Added = { n: number };
type ReportUnit = { id: string; code: string; kind: UnitKind; validFrom: string };

async function ensureIndicators(
  platform: Platform,
  defs: IndicatorInput[],
  added: Added,
): Promise<Map<string, string> | null> {
  const rows = await platform.db
    .selectFrom('report_indicators')
    .select(['id', 'code', 'value_type', 'aggregation', 'breakdown_json'])
    .where(
      'code',
      'in',
      defs.map((d) => d.code),
    )
    .execute();
  const ids = new Map<string, string>();
  for (const d of defs) {
    const row = rows.find((r) => r.code === d.code);
    if (row) {
      const keys = (JSON.parse(row.breakdown_json) as { key: string }[]).map((b) => b.key).join(',');
      // someone's own indicator of that code, shaped differently: leave it, and this template, alone
      if (
        row.value_type !== d.valueType ||
        row.aggregation !== d.aggregation ||
        keys !== d.breakdown.map((b) => b.key).join(',')
      )
        return null;
      ids.set(d.code, row.id);
    } else {
      ids.set(d.code, (await createIndicator(platform, caller, d, { isDemo: true })).id);
      added.n++;
    }
  }
  return ids;
}

async function ensureTemplate(platform: Platform, input: TemplateInput, added: Added): Promise<Template | null> {
  const row = await platform.db
    .selectFrom('report_templates')
    .selectAll()
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (row) return row.is_demo === 1 ? templateOf(row) : null;
  added.n++;
  return createTemplate(platform, caller, input, { isDemo: true });
}

/** The units that must report on the template for the period, in registry order. */
async function reportingUnits(platform: Platform, template: Template, periodId: string): Promise<ReportUnit[]> {
  const window = deadlinesOf(periodRef(template, periodId), template.regime, template.schedule).window;
  const rows = await expectedUnits(platform.db, template, window, null)
    .select(['u.id', 'u.code', 'u.kind', 'u.valid_from'])
    .orderBy('u.sort_key')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, kind: r.kind as UnitKind, validFrom: r.valid_from }));
}

type Story = { state: 'missing' | 'draft' | 'submitted' | 'returned' | 'approved'; day: string; returnReason?: string };

/**
 * Enters one unit's report as its story says: saved (a draft), submitted on `day`, then returned
 * or approved by the level above. Skips a report that exists already.
 */
async function enter(
  platform: Platform,
  template: Template,
  unit: ReportUnit,
  periodId: string,
  values: SaveInput['values'],
  story: Story,
  added: Added,
) {
  if (story.state === 'missing') return;
  const exists = await platform.db
    .selectFrom('report_submissions')
    .select('id')
    .where('template_id', '=', template.id)
    .where('unit_id', '=', unit.id)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
  if (exists) return;
  const input: SaveInput = { templateId: template.id, unitId: unit.id, periodId, values };
  const minute = seeded(unit.code, periodId, 'minute')(160);
  const form = await saveReport(platform, caller, input, {
    submit: story.state !== 'draft',
    isDemo: true,
    demoEnteredAt: at(story.day, minute),
  });
  added.n++;
  const id = form.submission!.id;
  if (story.state === 'returned') await returnReport(platform, caller, id, story.returnReason!);
  if (story.state === 'approved') await approveReport(platform, caller, id);
}

// ---------------------------------------------------------------------------------------------
// The monthly template and June–August 2019

const monthlyNotes = [
  'Tổ chức sinh hoạt chuyên đề "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" gắn với nhiệm vụ sản xuất.',
  'Đã phát động đợt thi đua cao điểm chào mừng 15 năm thành lập Đảng bộ Khối trong toàn thể cán bộ, công nhân.',
  'Đang hoàn thiện hồ sơ đề nghị kết nạp 2 quần chúng ưu tú là công nhân trực tiếp sản xuất.',
  'Tổ chức cho đảng viên học tập, quán triệt Kế hoạch kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh.',
  'Một số đảng viên đi công tác dài ngày nên tỷ lệ dự sinh hoạt chưa cao.',
];

function monthlyValues(ids: Map<string, string>, unit: ReportUnit, month: number, members: number) {
  const r = seeded(unit.code, String(month));
  const cell = unit.kind !== 'grassroots_committee';
  const male = r(cell ? 2 : 3);
  const female = r(cell ? 2 : 3) === 0 ? 1 : 0;
  const specialTopic = (month + unit.code.length + r(2)) % 3 === 0 ? 1 : 0;
  const meetings = cell ? 1 + specialTopic : 2 + r(4) + specialTopic;
  // halves: exact in single precision, which PostgreSQL's `real` columns hold (see the note at the top)
  const rate = 86 + r(29) * 0.5;
  const note = r(5) === 0 ? monthlyNotes[r(monthlyNotes.length)] : null;
  const v = (code: string, value: number | string | null, breakdownKey = '') => ({
    indicatorId: ids.get(code)!,
    breakdownKey,
    value,
  });
  return {
    values: [
      v('DV_TONG', members + male + female),
      v('DV_MOI', male, 'nam'),
      v('DV_MOI', female, 'nu'),
      v('DV_CAM_TINH', r(cell ? 3 : 5)),
      v('SH_CHI_BO', meetings),
      v('TL_DU_SH', Math.min(100, rate)),
      v('SH_CHUYEN_DE', specialTopic),
      ...(note ? [v('GHI_CHU', note)] : []),
    ],
    members: members + male + female - (r(6) === 0 ? 1 : 0), // now and then a member moves away
  };
}

/** Who reports how in each month: most on time, some late, a few drafts or missing, a couple returned. */
function monthlyStory(unit: ReportUnit, index: number, month: number, due: string): Story {
  const r = seeded(unit.code, 'story', String(month));
  const k = month - 6;
  if ((index + k * 7) % 11 === 3) return { state: 'missing', day: due };
  if (month === 8 && index % 9 === 5) return { state: 'draft', day: addDays(due, -1) };
  const late = (index * 3 + k) % 7 === 0;
  const day = late ? addDays(due, 2 + r(3)) : addDays(due, -r(4));
  if (month === 7 && index === 4)
    return {
      state: 'returned',
      day,
      returnReason: 'Số đảng viên mới kết nạp chưa khớp với quyết định kết nạp; đề nghị kiểm tra, báo cáo lại.',
    };
  if (month === 8 && index === 8)
    return {
      state: 'returned',
      day,
      returnReason: 'Thiếu số liệu sinh hoạt của các chi bộ trực thuộc; đề nghị bổ sung.',
    };
  // June's reports were approved long ago; July's and August's wait for the level above (the screens' work)
  return { state: month === 6 ? 'approved' : 'submitted', day };
}

async function loadMonthly(platform: Platform, added: Added) {
  const ids = await ensureIndicators(platform, monthlyIndicators, added);
  if (!ids) return;
  const id = (code: string) => ids.get(code)!;
  const template = await ensureTemplate(
    platform,
    {
      code: MONTHLY_CODE,
      name: 'Báo cáo tháng của tổ chức cơ sở đảng',
      periodType: 'monthly',
      regime: 'vn_cutoff',
      campaign: null,
      sections: [
        {
          key: 'I',
          title: 'Công tác tổ chức, xây dựng Đảng',
          items: [
            { indicatorId: id('DV_TONG'), required: true },
            { indicatorId: id('DV_MOI'), required: true },
            { indicatorId: id('DV_CAM_TINH'), required: false },
          ],
        },
        {
          key: 'II',
          title: 'Sinh hoạt chi bộ',
          items: [
            { indicatorId: id('SH_CHI_BO'), required: true },
            { indicatorId: id('TL_DU_SH'), required: true },
            { indicatorId: id('SH_CHUYEN_DE'), required: false },
          ],
        },
        { key: 'III', title: 'Ghi chú', items: [{ indicatorId: id('GHI_CHU'), required: false }] },
      ],
      rules: [
        {
          left: id('DV_MOI'),
          operator: 'lte',
          right: id('DV_TONG'),
          message: {
            vi: 'Số đảng viên mới kết nạp không được lớn hơn tổng số đảng viên.',
            en: 'New members cannot outnumber all members.',
          },
        },
      ],
      assignment: { kinds: ['grassroots_committee', 'grassroots_cell', 'sub_cell'], groupIds: [], unitIds: [] },
      schedule: grassrootsSchedule,
      countsOn: 'submitted',
    },
    added,
  );
  if (!template) return;
  const members = new Map<string, number>();
  for (const month of [6, 7, 8]) {
    const periodId = `2019-0${month}`;
    const units = await reportingUnits(platform, template, periodId);
    for (const [index, unit] of units.entries()) {
      const r = seeded(unit.code, 'size');
      const size =
        members.get(unit.id) ??
        (unit.kind === 'grassroots_committee' ? 60 + r(160) : unit.kind === 'sub_cell' ? 10 + r(30) : 8 + r(40));
      const { values, members: after } = monthlyValues(ids, unit, month, size);
      members.set(unit.id, after);
      const { due } = await unitDeadlines(platform.db, template, unit.id, periodId);
      await enter(platform, template, unit, periodId, values, monthlyStory(unit, index, month, due), added);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The emulation drive, 15/6 → 30/8/2019

const driveNotes = [
  'Phong trào thi đua được triển khai sâu rộng, gắn với nhiệm vụ sản xuất kinh doanh; hoàn thành vượt kế hoạch sản lượng quý III.',
  'Đơn vị gắn biển công trình chào mừng; nhiều sáng kiến hợp lý hóa sản xuất được áp dụng ngay.',
  'Công nhân hưởng ứng tích cực; đã tổ chức hội thi thợ giỏi cấp cơ sở.',
];

async function loadDrive(platform: Platform, added: Added) {
  const ids = await ensureIndicators(platform, driveIndicators, added);
  if (!ids) return;
  const id = (code: string) => ids.get(code)!;
  const template = await ensureTemplate(
    platform,
    {
      code: DRIVE_CODE,
      name: 'Kết quả phong trào thi đua chào mừng 15 năm thành lập Đảng bộ Khối',
      periodType: 'campaign',
      regime: 'calendar',
      campaign: { start: '2019-06-15', end: '2019-08-30' },
      sections: [
        {
          key: 'I',
          title: 'Kết quả thi đua trong sản xuất kinh doanh',
          items: [
            { indicatorId: id('TD_THAM_GIA'), required: true },
            { indicatorId: id('TD_CONG_TRINH'), required: true },
            { indicatorId: id('TD_SANG_KIEN'), required: false },
            { indicatorId: id('TD_LAM_LOI'), required: false },
            { indicatorId: id('TD_DAO_TAO'), required: false },
          ],
        },
        { key: 'II', title: 'Khen thưởng', items: [{ indicatorId: id('TD_DE_NGHI_KT'), required: false }] },
        { key: 'III', title: 'Đánh giá chung', items: [{ indicatorId: id('TD_DANH_GIA'), required: false }] },
      ],
      rules: [
        {
          left: id('TD_DAO_TAO'),
          operator: 'lte',
          right: id('TD_THAM_GIA'),
          message: {
            vi: 'Số lao động được đào tạo không được lớn hơn số người tham gia thi đua.',
            en: 'Trained workers cannot outnumber the participants.',
          },
        },
      ],
      assignment: { kinds: ['grassroots_committee', 'grassroots_cell'], groupIds: [], unitIds: [] },
      schedule: driveSchedule,
      countsOn: 'approved',
    },
    added,
  );
  if (!template) return;
  const periodId = campaignId(template);
  const units = await reportingUnits(platform, template, periodId);
  for (const [index, unit] of units.entries()) {
    const r = seeded(unit.code, 'drive');
    const { due } = await unitDeadlines(platform.db, template, unit.id, periodId);
    const committee = unit.kind === 'grassroots_committee';
    const people = committee ? 250 + r(1900) : 40 + r(600);
    const values: SaveInput['values'] = [
      { indicatorId: id('TD_THAM_GIA'), breakdownKey: '', value: people },
      { indicatorId: id('TD_CONG_TRINH'), breakdownKey: '', value: 1 + r(committee ? 6 : 3) },
      { indicatorId: id('TD_SANG_KIEN'), breakdownKey: '', value: r(committee ? 12 : 5) },
      { indicatorId: id('TD_LAM_LOI'), breakdownKey: '', value: 20 + r(committee ? 900 : 250) + r(2) * 0.5 },
      { indicatorId: id('TD_DAO_TAO'), breakdownKey: '', value: Math.min(people, 10 + r(committee ? 300 : 60)) },
      { indicatorId: id('TD_DE_NGHI_KT'), breakdownKey: 'tap_the', value: r(committee ? 3 : 2) },
      { indicatorId: id('TD_DE_NGHI_KT'), breakdownKey: 'ca_nhan', value: 1 + r(committee ? 8 : 3) },
      ...(r(2) === 0
        ? [{ indicatorId: id('TD_DANH_GIA'), breakdownKey: '', value: driveNotes[r(driveNotes.length)] }]
        : []),
    ];
    // a cell founded in the drive's last fortnight has nothing to report yet; one unit is still drafting, one was returned
    const story: Story =
      unit.validFrom > '2019-08-15' || index === 6
        ? { state: 'missing', day: due }
        : index === 11
          ? { state: 'draft', day: addDays(due, -1) }
          : index === 3
            ? {
                state: 'returned',
                day: addDays(due, -2),
                returnReason: 'Giá trị làm lợi chưa có xác nhận của doanh nghiệp; đề nghị bổ sung.',
              }
            : {
                state: index % 3 === 2 ? 'submitted' : 'approved',
                day: index % 5 === 4 ? addDays(due, 1 + r(3)) : addDays(due, -r(5)),
              };
    await enter(platform, template, unit, periodId, values, story, added);
  }
}

async function loadReporting(platform: Platform): Promise<number> {
  if (!(await unitByCode(platform.db, 'DBK'))) return 0;
  const added: Added = { n: 0 };
  await loadMonthly(platform, added);
  await loadDrive(platform, added);
  return added.n;
}

export const reportingDemo: DemoLoader = { name: 'reporting', load: loadReporting };
