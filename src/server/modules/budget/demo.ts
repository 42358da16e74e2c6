import type { DemoLoader } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { demoGrassroots } from '../organisation/index.ts';
import { demoPlanId, planBrief, SEED_DEMO_KEY } from '../plans/index.ts';
import { approveEstimate, createEstimate, getEstimate, newVersion, saveDraft, submitEstimate } from './estimates.ts';
import type { DraftInput } from './schema.ts';
import { closeSettlement, recordSpending } from './spending.ts';
import { addPledge, addReceipt, createSponsor } from './sponsors.ts';

/**
 * The anniversary's budget (demo): estimates for the seed's costed activities — the badminton
 * tournament (A9), the singing festival (A10), the honouring conference (A12) and the Office's own
 * work (A23: printing, the website, mobilisation) —, submitted and approved in June–July 2019, the
 * conference's estimate revised once in August; sponsors invented from the demo grassroots units'
 * enterprises (marked demo), their pledges, payments and support in kind; spending with voucher
 * numbers; the settlement closed on 30/9/2019. Everything goes through the services, each step
 * at its own 2019 time.
 */
const caller = systemCaller('demo');

function at(platform: Platform, iso: string): Platform {
  let t = Date.parse(iso);
  return { ...platform, clock: () => new Date((t += 1000)) };
}

type Line = DraftInput['lines'][number];
const line = (item: string, quantity: number, unit: string, unitPrice: number, source: Line['source']): Line => ({
  item,
  quantity,
  unit,
  unitPrice,
  source,
});

const estimates: { ref: string; title: string; submitted: string; approved: string; lines: Line[] }[] = [
  {
    ref: 'A9',
    title: 'Giải Cầu lông người lao động trong Khối',
    submitted: '2019-06-20',
    approved: '2019-06-25',
    lines: [
      line('Thuê nhà thi đấu (3 ngày)', 3, 'ngày', 4_000_000, 'bloc'),
      line('Cờ, khánh tiết, phông nền', 1, 'gói', 5_500_000, 'bloc'),
      line('Bồi dưỡng trọng tài', 12, 'người', 450_000, 'bloc'),
      line('Cúp, huy chương', 1, 'bộ', 8_200_000, 'mobilised'),
      line('Giải thưởng các nội dung', 15, 'giải', 1_000_000, 'mobilised'),
      line('Nước uống cho vận động viên', 3, 'ngày', 1_200_000, 'units'),
    ],
  },
  {
    ref: 'A10',
    title: 'Liên hoan Tiếng hát Thanh niên công nhân',
    submitted: '2019-07-01',
    approved: '2019-07-05',
    lines: [
      line('Thuê âm thanh, ánh sáng', 2, 'đêm', 12_000_000, 'bloc'),
      line('Bồi dưỡng Ban Giám khảo', 5, 'người', 800_000, 'bloc'),
      line('Giải thưởng', 1, 'gói', 18_000_000, 'mobilised'),
      line('Hoa tặng tiết mục', 30, 'lẵng', 250_000, 'units'),
    ],
  },
  {
    ref: 'A12',
    title: 'Hội nghị tôn vinh, tuyên dương dịp kỷ niệm 15 năm',
    submitted: '2019-07-15',
    approved: '2019-07-22',
    lines: [
      line('Thuê hội trường', 1, 'buổi', 15_000_000, 'bloc'),
      line('Khánh tiết, sân khấu', 1, 'gói', 22_000_000, 'bloc'),
      line('Tiền thưởng kèm Giấy khen (45 suất)', 1, 'đợt', 33_750_000, 'bloc'),
      line('Chương trình văn nghệ chào mừng', 1, 'chương trình', 25_000_000, 'mobilised'),
      line('Hoa, quà tặng đại biểu', 120, 'suất', 150_000, 'mobilised'),
    ],
  },
  {
    ref: 'A23',
    title: 'Công tác văn phòng, tuyên truyền và huy động nguồn lực',
    submitted: '2019-06-12',
    approved: '2019-06-14',
    lines: [
      line('In ấn kế hoạch, giấy mời, giấy khen', 1, 'gói', 9_600_000, 'bloc'),
      line('Kỷ yếu 15 năm (biên soạn, in 500 cuốn)', 500, 'cuốn', 85_000, 'mobilised'),
      line('Tuyên truyền trên báo, đài', 1, 'gói', 12_000_000, 'bloc'),
    ],
  },
];

const enterprise = (code: string) => demoGrassroots.find((g) => g.code === code)?.enterprise ?? code;

async function loadBudget(platform: Platform): Promise<number> {
  const planId = await demoPlanId(platform, SEED_DEMO_KEY);
  if (!planId) return 0;
  if (await platform.db.selectFrom('budget_estimates').select('id').where('plan_id', '=', planId).executeTakeFirst())
    return 0;
  const brief = (await planBrief(platform, planId))!;
  const activity = new Map(brief.activities.map((a) => [a.ref, a.id]));
  let made = 0;
  const ids = new Map<string, string>();
  for (const e of estimates) {
    const activityId = activity.get(e.ref);
    if (!activityId) continue;
    const t = at(platform, `${e.submitted}T02:00:00Z`);
    const est = await createEstimate(t, caller, { activityId, title: e.title }, { isDemo: true });
    await saveDraft(t, caller, est.id, { lines: e.lines, note: '' });
    await submitEstimate(t, caller, est.id);
    await approveEstimate(at(platform, `${e.approved}T03:00:00Z`), caller, est.id, e.approved);
    ids.set(e.ref, est.id);
    made += 3 + e.lines.length;
  }
  // the conference's estimate revised in August: more guests' flowers, a line for the photo book
  const conference = ids.get('A12');
  if (conference) {
    const t = at(platform, '2019-08-12T02:00:00Z');
    const v = await newVersion(t, caller, conference);
    const lines = v.versions[v.versions.length - 1].lines.map((l) =>
      l.item.startsWith('Hoa, quà') ? { ...l, quantity: 150 } : l,
    );
    await saveDraft(t, caller, conference, {
      lines: [
        ...lines.map(({ key, item, quantity, unit, unitPrice, source }) => ({
          key,
          item,
          quantity,
          unit,
          unitPrice,
          source,
        })),
        line('Ảnh, phim tư liệu Hội nghị', 1, 'gói', 6_000_000, 'mobilised'),
      ],
      note: 'Bổ sung theo số đại biểu được mời',
    });
    await submitEstimate(t, caller, conference);
    await approveEstimate(at(platform, '2019-08-15T03:00:00Z'), caller, conference, '2019-08-15');
    made += 3;
  }

  // sponsors: enterprises of the demo grassroots units (invented, marked demo) and a unit's contribution
  const sponsors: {
    name: string;
    kind: 'enterprise' | 'unit';
    consent: boolean;
    pledge: [number, string, string];
    receipts: { kind: 'money' | 'in_kind'; amount: number; on: string; ref: string; description?: string }[];
  }[] = [
    {
      name: enterprise('CS02'),
      kind: 'enterprise',
      consent: true,
      pledge: [50_000_000, '2019-06-28', 'A12'],
      receipts: [
        { kind: 'money', amount: 30_000_000, on: '2019-07-25', ref: 'A12' },
        { kind: 'money', amount: 20_000_000, on: '2019-08-20', ref: 'A12' },
      ],
    },
    {
      name: enterprise('CS01'),
      kind: 'enterprise',
      consent: true,
      pledge: [25_000_000, '2019-07-02', 'A9'],
      receipts: [
        { kind: 'money', amount: 15_000_000, on: '2019-07-30', ref: 'A9' },
        { kind: 'in_kind', amount: 8_200_000, on: '2019-08-05', ref: 'A9', description: 'Bộ cúp và 60 huy chương' },
      ],
    },
    {
      name: enterprise('CS03'),
      kind: 'enterprise',
      consent: false,
      pledge: [20_000_000, '2019-07-10', 'A10'],
      receipts: [{ kind: 'money', amount: 18_000_000, on: '2019-08-10', ref: 'A10' }],
    },
    {
      name: enterprise('CS04'),
      kind: 'enterprise',
      consent: true,
      pledge: [45_000_000, '2019-07-12', 'A23'],
      receipts: [{ kind: 'money', amount: 42_500_000, on: '2019-08-01', ref: 'A23' }],
    },
    {
      name: 'Các tổ chức cơ sở đảng trực thuộc (đóng góp)',
      kind: 'unit',
      consent: false,
      pledge: [11_100_000, '2019-06-20', 'A10'],
      receipts: [
        { kind: 'money', amount: 3_600_000, on: '2019-08-15', ref: 'A9' },
        { kind: 'money', amount: 7_500_000, on: '2019-08-15', ref: 'A10' },
      ],
    },
  ];
  for (const s of sponsors) {
    const t = at(platform, `${s.pledge[1]}T04:00:00Z`);
    const made1 = await createSponsor(
      t,
      caller,
      {
        planId,
        name: `${s.name}${s.kind === 'enterprise' ? ' (mẫu)' : ''}`,
        kind: s.kind,
        address: 'Thái Bình',
        representative: '',
        publicConsent: s.consent,
      },
      { isDemo: true },
    );
    await addPledge(t, caller, made1.id, {
      amount: s.pledge[0],
      pledgedOn: s.pledge[1],
      activityId: activity.get(s.pledge[2]) ?? null,
      note: '',
    });
    for (const r of s.receipts)
      await addReceipt(at(platform, `${r.on}T05:00:00Z`), caller, made1.id, {
        kind: r.kind,
        amount: r.amount,
        receivedOn: r.on,
        activityId: activity.get(r.ref) ?? null,
        description: r.description ?? '',
      });
    made += 2 + s.receipts.length;
  }

  // spending against the approved lines, with voucher numbers (most lines spent, some under or over)
  let voucher = 0;
  const spend = async (ref: string, share: number, on: string) => {
    const id = ids.get(ref);
    if (!id) return;
    const est = await getEstimate(platform, caller, id);
    for (const l of est.lines) {
      const amount = Math.round((l.amount * share) / 1000) * 1000;
      if (amount <= 0) continue;
      await recordSpending(at(platform, `${on}T06:00:00Z`), caller, {
        estimateId: id,
        lineKey: l.key,
        amount,
        spentOn: on,
        description: `Chi ${l.item.toLocaleLowerCase('vi')}`,
        voucherNumber: `PC${String(++voucher).padStart(3, '0')}/2019`,
        voucherFileId: null,
      });
      made++;
    }
  };
  await spend('A23', 0.95, '2019-08-28');
  await spend('A9', 0.97, '2019-08-22');
  await spend('A10', 1.02, '2019-08-21');
  await spend('A12', 0.99, '2019-09-05');
  await closeSettlement(at(platform, '2019-09-30T08:00:00Z'), caller, planId, {
    closedOn: '2019-09-30',
    note: 'Quyết toán kinh phí các hoạt động kỷ niệm 15 năm',
  });
  return made + 1;
}

export const budgetDemo: DemoLoader = { name: 'budget', load: loadBudget };
