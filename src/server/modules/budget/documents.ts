import { formatDmy, shortDmy, todayIso } from '../../../common/dates.ts';
import { formatMilli, formatVnd } from '../../../common/money.ts';
import type { Block, Issuer, OfficialDocument, RichText, Sheet } from '../../documents/index.ts';
import { fail } from '../../platform/http/errors.ts';
import { signerOf } from '../organisation/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, requireBudget, sponsorNotFound } from './access.ts';
import { awardMoneyOf } from './awards.ts';
import { overviewOf, planLines } from './figures.ts';
import type { OverviewOut } from './schema.ts';
import { listSponsors } from './sponsors.ts';
import { listSpending } from './spending.ts';
import type { FundingSource } from './tables.ts';

/**
 * The budget's papers through the shared builders (ADR 6), loaded at the first download: the list
 * of award money for payment and the settlement (quyết toán) by source, each as .xlsx and as a
 * Party-format .docx, and a thanks letter (Thư cảm ơn) per sponsor.
 */
const builders = () => import('../../documents/index.ts');
const place = 'Thái Bình';
const bloc: Issuer = { superior: 'ĐẢNG BỘ TỈNH THÁI BÌNH', body: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP', symbolSuffix: 'ĐUK' };
const sourceVi: Record<FundingSource, string> = {
  bloc: 'Ngân sách Đảng ủy Khối',
  mobilised: 'Xã hội hóa',
  units: 'Đóng góp của các đơn vị',
};
const para = (
  text: RichText,
  more: Partial<{ align: 'justify' | 'center' | 'right' | 'left'; indent: boolean }> = {},
): Block => ({
  kind: 'paragraph',
  text,
  ...more,
});
const vnd = (n: number) => formatVnd(n, false);
export type BudgetFile = { bytes: Buffer; name: string };

async function awardData(platform: Platform, caller: Caller, campaignId?: string) {
  await requireBudget(platform, caller, 'budget.read');
  const data = await awardMoneyOf(platform, campaignId);
  if (!data.decision || !data.baseSalary)
    throw fail.conflict('NOT_DECIDED', {
      vi: 'Đợt tôn vinh chưa có quyết định; chưa lập được danh sách chi thưởng.',
      en: 'The campaign is not decided yet; there is no list to pay.',
    });
  return data as typeof data & {
    decision: NonNullable<typeof data.decision>;
    baseSalary: NonNullable<typeof data.baseSalary>;
  };
}

export async function awardsXlsx(platform: Platform, caller: Caller, campaignId?: string): Promise<BudgetFile> {
  const data = await awardData(platform, caller, campaignId);
  const { toXlsx } = await builders();
  let n = 0;
  const rows = data.categories.flatMap((c) =>
    c.honourees.map((h) => ({
      no: ++n,
      name: h.name,
      unit: h.unit,
      category: c.name,
      form: c.formLabel.vi,
      coefficient: c.coefficient === null ? '' : formatMilli(Math.round(c.coefficient * 1000)),
      amount: h.amount,
      signature: '',
    })),
  );
  rows.push({
    no: null as never,
    name: 'Tổng cộng',
    unit: '',
    category: '',
    form: '',
    coefficient: '',
    amount: data.total,
    signature: '',
  });
  const bytes = await toXlsx([
    {
      name: 'Danh sách chi thưởng',
      columns: [
        { header: 'STT', key: 'no', type: 'integer', width: 6 },
        { header: 'Tập thể, cá nhân, sản phẩm', key: 'name', width: 44 },
        { header: 'Đơn vị', key: 'unit', width: 36 },
        { header: 'Danh mục', key: 'category', width: 26 },
        { header: 'Hình thức khen thưởng', key: 'form', width: 40 },
        { header: 'Hệ số', key: 'coefficient', width: 8 },
        { header: 'Số tiền (đ)', key: 'amount', type: 'integer', width: 14 },
        { header: 'Ký nhận', key: 'signature', width: 14 },
      ],
      rows,
    },
    {
      name: 'Tổng hợp',
      columns: [
        { header: 'Danh mục', key: 'category', width: 30 },
        { header: 'Số lượng', key: 'count', type: 'integer', width: 10 },
        { header: 'Mức mỗi suất (đ)', key: 'each', type: 'integer', width: 16 },
        { header: 'Thành tiền (đ)', key: 'total', type: 'integer', width: 16 },
      ],
      rows: [
        ...data.categories.map((c) => ({ category: c.name, count: c.count, each: c.amountEach, total: c.total })),
        { category: 'Tổng cộng', count: data.count, each: null, total: data.total },
      ],
    },
  ] satisfies Sheet[]);
  return { bytes, name: `danh-sach-chi-thuong-${data.campaign!.code}.xlsx` };
}

export async function awardsDocx(platform: Platform, caller: Caller, campaignId?: string): Promise<BudgetFile> {
  const data = await awardData(platform, caller, campaignId);
  const { toDocx } = await builders();
  let n = 0;
  const doc: OfficialDocument = {
    issuer: bloc,
    number: '',
    place,
    date: todayIso(platform.clock()),
    type: 'TỜ TRÌNH',
    title: `về việc chi tiền thưởng kèm theo Quyết định số ${data.decision.number}, ngày ${shortDmy(data.decision.date)}`,
    basis: [],
    body: [
      para('Kính gửi: Ban Thường vụ Đảng ủy Khối.', { align: 'center', indent: false }),
      para(
        `Căn cứ Quyết định số ${data.decision.number}, ngày ${shortDmy(data.decision.date)} của Ban Thường vụ Đảng ủy Khối về việc ${data.campaign!.name.toLocaleLowerCase('vi')}; mức lương cơ sở áp dụng tại ngày quyết định là ${formatVnd(data.baseSalary.value)} (${data.baseSalary.source}).`,
      ),
      para('Văn phòng Đảng ủy Khối kính trình danh sách chi tiền thưởng như sau:'),
      {
        kind: 'table',
        columns: [
          { title: 'STT', width: 8, align: 'center' },
          { title: 'Tập thể, cá nhân, sản phẩm', width: 38 },
          { title: 'Hình thức, hệ số', width: 22 },
          { title: 'Số tiền (đ)', width: 19, align: 'right' },
          { title: 'Ký nhận', width: 13 },
        ],
        rows: [
          ...data.categories.flatMap((c) => [
            [
              '',
              [{ text: `${c.name} (${c.count})`, bold: true }],
              '',
              [{ text: vnd(c.total), bold: true }],
              '',
            ] as RichText[],
            ...c.honourees.map((h) => [
              String(++n),
              `${h.name} — ${h.unit}`,
              `${c.formLabel.vi.replace(/^Giấy khen của Ban Thường vụ Đảng ủy Khối — /u, 'Giấy khen, ')}; hệ số ${c.coefficient === null ? '' : formatMilli(Math.round(c.coefficient * 1000))}`,
              vnd(h.amount),
              '',
            ]),
          ]),
          ['', [{ text: 'Tổng cộng', bold: true }], '', [{ text: vnd(data.total), bold: true }], ''],
        ],
      },
      para(`Tổng số tiền: ${formatVnd(data.total)} cho ${data.count} tập thể, cá nhân, sản phẩm./.`),
    ],
    recipients: ['Như kính gửi', 'Thường trực Đảng ủy Khối'],
    archive: 'Văn phòng Đảng ủy Khối',
    signature: {
      authority: 'VĂN PHÒNG ĐẢNG ỦY KHỐI',
      position: 'CHÁNH VĂN PHÒNG',
      name: await signerOf(platform, 'office', 'Chánh Văn phòng', todayIso(platform.clock())),
    },
  };
  return { bytes: await toDocx(doc), name: `to-trinh-chi-thuong-${data.campaign!.code}.docx` };
}

async function settlementData(platform: Platform, caller: Caller, planId: string) {
  await requireBudget(platform, caller, 'budget.read');
  const overview = await overviewOf(platform, planId);
  const { lines, estimates } = await planLines(platform.db, planId);
  const sponsors = await listSponsors(platform, caller, { planId, q: '' });
  const spending = await listSpending(platform, caller, { planId });
  return { overview, lines, estimates, sponsors, spending };
}

const planWide = 'Nhận cho cả kế hoạch (không gắn hoạt động)';

/** Money and pledges given for the plan as a whole: funds with nothing estimated or spent against them. */
function unassignedFigures(overview: OverviewOut) {
  const { funds, pledged } = overview.unassigned;
  return { estimate: 0, pledged, funds, fundingVariance: funds, spent: 0, variance: 0, balance: funds };
}

export async function settlementXlsx(platform: Platform, caller: Caller, planId: string): Promise<BudgetFile> {
  const { overview, lines, estimates, sponsors, spending } = await settlementData(platform, caller, planId);
  const { toXlsx } = await builders();
  const refOf = new Map(overview.activities.map((a) => [a.id, a.ref]));
  const estimateActivity = new Map(estimates.map((e) => [e.id, e.activity_id]));
  const money = (key: string, header: string) => ({ header, key, type: 'integer' as const, width: 15 });
  const forPlan = unassignedFigures(overview);
  const bytes = await toXlsx([
    {
      name: 'Theo nguồn',
      columns: [
        { header: 'Nguồn kinh phí', key: 'source', width: 30 },
        money('estimate', 'Dự toán (đ)'),
        money('pledged', 'Cam kết (đ)'),
        money('funds', 'Nguồn đã có (đ)'),
        money('fundingVariance', 'Chênh lệch nguồn (đ)'),
        money('spent', 'Thực chi (đ)'),
        money('variance', 'Chênh lệch chi (đ)'),
        money('balance', 'Còn lại (đ)'),
      ],
      rows: [
        ...overview.bySource.map((s) => ({ ...s, source: sourceVi[s.source] })),
        { source: 'Tổng cộng', ...overview.totals },
      ],
    },
    {
      name: 'Theo hoạt động',
      columns: [
        { header: 'Hoạt động', key: 'ref', width: 8 },
        { header: 'Nội dung', key: 'title', width: 50 },
        money('estimate', 'Dự toán (đ)'),
        money('pledged', 'Cam kết (đ)'),
        money('funds', 'Nguồn đã có (đ)'),
        money('fundingVariance', 'Chênh lệch nguồn (đ)'),
        money('spent', 'Thực chi (đ)'),
        money('variance', 'Chênh lệch chi (đ)'),
        money('balance', 'Còn lại (đ)'),
      ],
      rows: [
        ...overview.activities
          .filter((a) => a.estimateId || a.funds || a.pledged)
          .map((a) => ({
            ref: a.ref,
            title: a.title,
            estimate: a.estimate,
            pledged: a.pledged,
            funds: a.funds,
            fundingVariance: a.fundingVariance,
            spent: a.spent,
            variance: a.variance,
            balance: a.balance,
          })),
        // what sponsors gave the plan as a whole, so the sheet adds up to the totals by source
        ...(forPlan.funds || forPlan.pledged ? [{ ref: '', title: planWide, ...forPlan }] : []),
        { ref: '', title: 'Tổng cộng', ...overview.totals },
      ],
    },
    {
      name: 'Theo dòng dự toán',
      columns: [
        { header: 'Hoạt động', key: 'ref', width: 8 },
        { header: 'Khoản mục', key: 'item', width: 40 },
        { header: 'Nguồn', key: 'source', width: 24 },
        money('amount', 'Dự toán (đ)'),
        money('spent', 'Thực chi (đ)'),
        money('variance', 'Chênh lệch (đ)'),
      ],
      rows: lines.map((l) => ({
        ref: refOf.get(estimateActivity.get(l.estimateId) ?? '') ?? '',
        item: l.item,
        source: sourceVi[l.source],
        amount: l.amount,
        spent: l.spent,
        variance: l.amount - l.spent,
      })),
    },
    {
      name: 'Chứng từ chi',
      columns: [
        { header: 'Ngày', key: 'date', type: 'date', width: 12 },
        { header: 'Số chứng từ', key: 'voucher', width: 14 },
        { header: 'Khoản mục', key: 'item', width: 36 },
        { header: 'Nội dung chi', key: 'description', width: 40 },
        money('amount', 'Số tiền (đ)'),
      ],
      rows: spending.items.map((s) => ({
        date: s.spentOn,
        voucher: s.voucherNumber,
        item: s.item,
        description: s.description,
        amount: s.amount,
      })),
    },
    {
      name: 'Xã hội hóa',
      columns: [
        { header: 'Nhà tài trợ', key: 'name', width: 40 },
        money('pledged', 'Cam kết (đ)'),
        money('received', 'Đã nhận tiền (đ)'),
        money('inKind', 'Hiện vật quy đổi (đ)'),
      ],
      rows: sponsors.items.map((s) => ({ name: s.name, pledged: s.pledged, received: s.received, inKind: s.inKind })),
    },
  ] satisfies Sheet[]);
  return { bytes, name: 'quyet-toan-kinh-phi.xlsx' };
}

export async function settlementDocx(platform: Platform, caller: Caller, planId: string): Promise<BudgetFile> {
  const { overview, sponsors } = await settlementData(platform, caller, planId);
  const { toDocx } = await builders();
  const t = overview.totals;
  const forPlan = unassignedFigures(overview);
  const row = (
    label: RichText,
    f: { estimate: number; funds: number; fundingVariance: number; spent: number; variance: number },
    bold = false,
  ): RichText[] => [
    label,
    ...[f.estimate, f.funds, f.fundingVariance, f.spent, f.variance].map(
      (n): RichText => (bold ? [{ text: vnd(n), bold: true }] : vnd(n)),
    ),
  ];
  // the activity's name wraps in its own column; each amount keeps one line (at 14 % "12.125.000" broke in two)
  const columns = [
    { title: 'Nội dung', width: 25 },
    { title: 'Dự toán (đ)', width: 15, align: 'right' as const },
    { title: 'Nguồn đã có (đ)', width: 15, align: 'right' as const },
    { title: 'Chênh lệch nguồn (đ)', width: 15, align: 'right' as const },
    { title: 'Thực chi (đ)', width: 15, align: 'right' as const },
    { title: 'Chênh lệch chi (đ)', width: 15, align: 'right' as const },
  ];
  const doc: OfficialDocument = {
    issuer: bloc,
    number: '',
    place,
    date: overview.settlement?.closedOn ?? todayIso(platform.clock()),
    type: 'BÁO CÁO',
    title: `quyết toán kinh phí ${overview.plan.title.replace(/^Kế hoạch\s+/iu, '').replace(/^tổ chức/iu, 'tổ chức')}`,
    basis: [],
    body: [
      para(
        `Thực hiện Kế hoạch${overview.plan.number ? ` số ${overview.plan.number}` : ''} của Ban Thường vụ Đảng ủy Khối, Văn phòng Đảng ủy Khối báo cáo quyết toán kinh phí theo nguồn như sau:`,
      ),
      { kind: 'section', level: 1, number: 'I-', title: 'QUYẾT TOÁN THEO NGUỒN KINH PHÍ', children: [] },
      {
        kind: 'table',
        columns,
        rows: [
          ...overview.bySource.map((s) => row(sourceVi[s.source], s)),
          row([{ text: 'Tổng cộng', bold: true }], t, true),
        ],
      },
      { kind: 'section', level: 1, number: 'II-', title: 'QUYẾT TOÁN THEO HOẠT ĐỘNG', children: [] },
      {
        kind: 'table',
        columns,
        // the total never opens a page alone: it keeps the row above it, and what follows down to
        // the signature keeps with them (the total stood alone on page 2 of the demo's settlement)
        keepWithClosing: 2,
        rows: [
          ...overview.activities
            .filter((a) => a.estimateId || a.funds || a.pledged)
            .map((a) => row(`${a.ref}. ${a.title}`, a)),
          ...(forPlan.funds || forPlan.pledged ? [row(planWide, forPlan)] : []),
          row([{ text: 'Tổng cộng', bold: true }], t, true),
        ],
      },
      { kind: 'section', level: 1, number: 'III-', title: 'NGUỒN XÃ HỘI HÓA', children: [] },
      para(
        `Tổng cam kết ${formatVnd(sponsors.totals.pledged)}; đã nhận bằng tiền ${formatVnd(sponsors.totals.received)}; hiện vật quy đổi ${formatVnd(sponsors.totals.inKind)} từ ${sponsors.items.length} nhà tài trợ.`,
      ),
      para(
        `Tổng nguồn đã có ${formatVnd(t.funds)} trên dự toán được duyệt ${formatVnd(t.estimate)} (chênh lệch nguồn ${formatVnd(t.fundingVariance)}); tổng thực chi ${formatVnd(t.spent)} (chênh lệch chi ${formatVnd(t.variance)}); số dư nguồn ${formatVnd(t.balance)}.${overview.settlement ? ` Quyết toán khóa sổ ngày ${formatDmy(overview.settlement.closedOn)}.` : ' Quyết toán chưa khóa sổ.'}/.`,
      ),
    ],
    recipients: ['Thường trực Đảng ủy Khối'],
    archive: 'Văn phòng Đảng ủy Khối',
    signature: {
      authority: 'VĂN PHÒNG ĐẢNG ỦY KHỐI',
      position: 'CHÁNH VĂN PHÒNG',
      name: await signerOf(
        platform,
        'office',
        'Chánh Văn phòng',
        overview.settlement?.closedOn ?? todayIso(platform.clock()),
      ),
    },
  };
  return { bytes: await toDocx(doc), name: 'bao-cao-quyet-toan-kinh-phi.docx' };
}

export async function thanksDocx(platform: Platform, caller: Caller, sponsorId: string): Promise<BudgetFile> {
  await requireBudget(platform, caller, 'budget.read');
  const row = await platform.db
    .selectFrom('budget_sponsors')
    .select(['id', 'plan_id'])
    .where('id', '=', sponsorId)
    .executeTakeFirst();
  if (!row) throw sponsorNotFound();
  const { items } = await listSponsors(platform, caller, { planId: row.plan_id, q: '' });
  const s = items.find((x) => x.id === sponsorId)!;
  const overview = await overviewOf(platform, row.plan_id);
  const { toDocx } = await builders();
  const gifts: string[] = [];
  if (s.received) gifts.push(`số tiền ${formatVnd(s.received)}`);
  for (const r of s.receipts.filter((x) => x.kind === 'in_kind'))
    gifts.push(`${r.description ?? 'hiện vật'} (trị giá ${formatVnd(r.amount)})`);
  const doc: OfficialDocument = {
    issuer: bloc,
    number: '',
    place,
    date: todayIso(platform.clock()),
    type: 'THƯ CẢM ƠN',
    title: '',
    basis: [],
    body: [
      para(`Kính gửi: ${s.name}.`, { align: 'center', indent: false }),
      para(
        `Ban Thường vụ Đảng ủy Khối Doanh nghiệp tỉnh Thái Bình trân trọng cảm ơn ${s.name} đã quan tâm, đồng hành và ủng hộ ${gifts.length ? gifts.join('; ') : 'các hoạt động'} cho ${overview.plan.title.replace(/^Kế hoạch\s+/iu, 'các hoạt động theo Kế hoạch ').replace(/^tổ chức/iu, 'việc tổ chức')}.`,
      ),
      para(
        'Sự ủng hộ quý báu đó đã góp phần quan trọng vào thành công của các hoạt động kỷ niệm, động viên cán bộ, đảng viên và người lao động trong Khối thi đua lập thành tích chào mừng.',
      ),
      para(`Kính chúc ${s.name} ngày càng phát triển bền vững; chúc Quý vị sức khỏe, hạnh phúc và thành công./.`),
    ],
    recipients: ['Như kính gửi'],
    archive: 'Văn phòng Đảng ủy Khối',
    signature: {
      authority: 'T/M BAN THƯỜNG VỤ',
      position: 'BÍ THƯ',
      name: await signerOf(platform, 'standing_committee', 'Bí thư', todayIso(platform.clock())),
    },
  };
  return { bytes: await toDocx(doc), name: `thu-cam-on-${s.name}.docx` };
}
