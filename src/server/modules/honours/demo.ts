import type { DemoLoader } from '../../platform/modules.ts';
import { listDrives } from '../emulation/index.ts';
import { DRIVE_CODE } from '../reporting/index.ts';
import { membersOfUnit, unitView } from '../organisation/index.ts';
import { findUserByUsername } from '../../platform/auth/users.ts';
import { saveUpload } from '../../platform/files/store.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from './access.ts';
import { createCampaign, getCampaign } from './campaigns.ts';
import { checksOfNomination } from './eligibility.ts';
import { addDossierItem, createNomination, submitNomination } from './nominations.ts';
import { returnNomination, screenNomination } from './screening.ts';
import { campaignInput, type CampaignInput, sessionInput } from './schema.ts';
import { councilCandidates, createSession } from './council.ts';

/**
 * The seed's honours (II.4): 15 collectives, 15 individuals, 15 products chosen by 30/7/2019 by
 * the Bloc's Emulation and Commendation Council. A handful of nominations in each category from
 * the demo grassroots units, each with a small dossier (text files through the file store), most
 * submitted, some screened eligible, one returned; the voting is left for people to do in the app.
 * The Propaganda Board's demo account compiles the dossiers (III.1). Idempotent: the campaign is
 * found by its code, each nomination by its nominee; only what is missing is added.
 */
export const HONOURS_DEMO_CODE = 'TV-15NAM-2019';
const criteria = {
  collective: [
    {
      key: 'xeploai',
      description: 'Tổ chức cơ sở đảng xếp loại "Hoàn thành xuất sắc nhiệm vụ" năm 2018',
      required: true,
      evidence: 'Quyết định xếp loại tổ chức cơ sở đảng',
    },
    {
      key: 'sxkd',
      description: 'Doanh nghiệp hoàn thành vượt mức kế hoạch sản xuất kinh doanh, nộp ngân sách năm 2018',
      required: true,
      evidence: 'Báo cáo tài chính năm 2018',
    },
    { key: 'ansinh', description: 'Tích cực tham gia các hoạt động an sinh xã hội của tỉnh', required: false },
    {
      key: 'thoigian',
      description: 'Tổ chức cơ sở đảng được thành lập từ 5 năm trở lên',
      required: true,
      check: { kind: 'unit_years', min: 5 },
    },
    {
      key: 'thidua',
      description: 'Xếp trong 10 đơn vị dẫn đầu phong trào thi đua chào mừng 15 năm thành lập Đảng bộ Khối',
      required: false,
      check: { kind: 'emulation_rank', top: 10 },
    },
  ],
  individual: [
    {
      key: 'dangvien',
      description: 'Đảng viên hoàn thành xuất sắc nhiệm vụ 2 năm liền (2017, 2018)',
      required: true,
      evidence: 'Quyết định xếp loại đảng viên',
    },
    {
      key: 'sangkien',
      description:
        'Có sáng kiến, giải pháp được áp dụng hiệu quả trong sản xuất kinh doanh, nghiên cứu, ứng dụng khoa học kỹ thuật hoặc an sinh xã hội',
      required: true,
    },
    {
      key: 'tuoidang',
      description: 'Có từ 5 năm tuổi đảng trở lên',
      required: true,
      check: { kind: 'party_years', min: 5 },
    },
  ],
  product: [
    {
      key: 'chatluong',
      description: 'Có giấy chứng nhận hợp chuẩn, hợp quy hoặc hệ thống quản lý chất lượng còn hiệu lực',
      required: true,
      evidence: 'Giấy chứng nhận',
    },
    {
      key: 'thitruong',
      description: 'Có tầm ảnh hưởng trên thị trường (thị phần, xuất khẩu, thương hiệu)',
      required: true,
    },
    {
      key: 'doanhnghiep',
      description: 'Doanh nghiệp sản xuất hoạt động từ 3 năm trở lên',
      required: true,
      check: { kind: 'unit_years', min: 3 },
    },
  ],
};

export const honoursDemoCampaign: CampaignInput = campaignInput.parse({
  code: HONOURS_DEMO_CODE,
  name: 'Tôn vinh tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu nhân kỷ niệm 15 năm Ngày thành lập Đảng bộ khối Doanh nghiệp tỉnh',
  nominationOpens: '2019-06-15',
  nominationDue: '2019-07-20',
  categories: [
    { kind: 'collective', name: 'Tập thể xuất sắc tiêu biểu', quota: 15, criteria: criteria.collective },
    { kind: 'individual', name: 'Cá nhân tiêu biểu', quota: 15, criteria: criteria.individual },
    { kind: 'product', name: 'Sản phẩm tiêu biểu', quota: 15, criteria: criteria.product },
  ],
});

type Planned = {
  kind: 'collective' | 'individual' | 'product';
  unit: string;
  product?: string;
  summary: string;
  outcome: 'eligible' | 'submitted' | 'returned' | 'draft';
};
const planned: Planned[] = [
  {
    kind: 'collective',
    unit: 'CS02',
    outcome: 'eligible',
    summary:
      'Đảng bộ 5 năm liền hoàn thành xuất sắc nhiệm vụ; doanh thu năm 2018 tăng 18%, giải quyết việc làm ổn định cho 2.100 lao động; kết nạp 12 đảng viên mới.',
  },
  {
    kind: 'collective',
    unit: 'CS01',
    outcome: 'eligible',
    summary:
      'Đảng bộ hoàn thành xuất sắc nhiệm vụ năm 2018; cấp nước sạch cho 45.000 hộ dân, giảm tỷ lệ thất thoát nước xuống 16%.',
  },
  {
    kind: 'collective',
    unit: 'CS04',
    outcome: 'eligible',
    summary:
      'Đảng bộ hoàn thành xuất sắc nhiệm vụ; thi công 14 công trình trọng điểm của tỉnh đúng tiến độ, an toàn lao động tuyệt đối.',
  },
  {
    kind: 'collective',
    unit: 'CS08',
    outcome: 'submitted',
    summary: 'Đảng bộ lãnh đạo phục vụ tưới tiêu cho 60.000 ha lúa, chống úng kịp thời mùa mưa bão năm 2018.',
  },
  {
    kind: 'collective',
    unit: 'CS11',
    outcome: 'returned',
    summary: 'Đảng bộ lãnh đạo doanh nghiệp đưa dây chuyền gạch men sứ mới vào sản xuất, xuất khẩu sang 6 nước.',
  },
  {
    kind: 'individual',
    unit: 'CS02',
    outcome: 'eligible',
    summary:
      'Đồng chí có sáng kiến cải tiến dây chuyền may, tăng năng suất 12%; 2 năm liền đảng viên hoàn thành xuất sắc nhiệm vụ.',
  },
  {
    kind: 'individual',
    unit: 'CS05',
    outcome: 'eligible',
    summary:
      'Đồng chí chế tạo thành công máy tách hạt giống, làm lợi cho doanh nghiệp 1,2 tỷ đồng; đảng viên hoàn thành xuất sắc nhiệm vụ.',
  },
  {
    kind: 'individual',
    unit: 'CS09',
    outcome: 'submitted',
    summary:
      'Đồng chí vận động công nhân ủng hộ quỹ "Vì người nghèo" của tỉnh, xây 3 nhà tình nghĩa; 2 năm liền hoàn thành xuất sắc nhiệm vụ.',
  },
  {
    kind: 'individual',
    unit: 'CS10',
    outcome: 'draft',
    summary: 'Đồng chí là kỹ sư trưởng, chủ trì ứng dụng hệ thống kiểm tra tự động bo mạch, giảm tỷ lệ lỗi xuống 0,3%.',
  },
  {
    kind: 'product',
    unit: 'CS02',
    product: 'Áo sơ mi xuất khẩu KX-19',
    outcome: 'eligible',
    summary: 'Sản phẩm xuất khẩu sang Nhật Bản, Hoa Kỳ; đạt chứng nhận hệ thống quản lý chất lượng ISO 9001:2015.',
  },
  {
    kind: 'product',
    unit: 'CS09',
    product: 'Bánh cáy làng Nguyễn Quỳnh Côi',
    outcome: 'eligible',
    summary: 'Sản phẩm đặc sản của tỉnh, đạt chứng nhận OCOP 4 sao, có mặt tại các hệ thống siêu thị trong cả nước.',
  },
  {
    kind: 'product',
    unit: 'CS11',
    product: 'Gạch ốp lát men sứ Thái Hưng',
    outcome: 'eligible',
    summary:
      'Sản phẩm đạt tiêu chuẩn TCVN 7745:2007, được xuất khẩu sang Hàn Quốc và Úc, thị phần trong nước tăng 20%.',
  },
  {
    kind: 'product',
    unit: 'CS10',
    product: 'Bo mạch điều khiển HH-200',
    outcome: 'submitted',
    summary:
      'Sản phẩm linh kiện điện tử do kỹ sư Việt Nam thiết kế, cung ứng cho các hãng điện tử lớn, kim ngạch 35 triệu USD.',
  },
];

const dossierText = (title: string, who: string, summary: string) =>
  new TextEncoder().encode(
    `${title}\n\nĐề nghị tôn vinh: ${who}\n\n${summary}\n\n(Tài liệu mẫu của dữ liệu trình diễn Kyniem.)\n`,
  );

async function loadHonours(platform: Platform): Promise<number> {
  const units = new Map(
    (await platform.db.selectFrom(unitView(platform.db).as('u')).select(['u.id', 'u.code']).execute()).map((u) => [
      u.code,
      u.id,
    ]),
  );
  if (!units.get('HDTDKT') || !units.get('CS02')) return 0;
  const staff = await findUserByUsername(platform.db, 'demo.tuyengiao');
  if (!staff) return 0;
  // The Propaganda Board's account compiles the dossiers; the loader acts with every permission, in July 2019.
  const caller: Caller = {
    actor: { userId: staff.id, name: staff.display_name },
    grants: [{ role: 'system_admin', unitId: null }],
  };
  let day = Date.parse('2019-06-20T02:00:00Z');
  const p: Platform = { ...platform, clock: () => new Date((day += 60_000)) };
  let added = 0;
  let campaign = await platform.db
    .selectFrom('honour_campaigns')
    .select('id')
    .where('code', '=', HONOURS_DEMO_CODE)
    .executeTakeFirst();
  if (!campaign) {
    // the seed's drive (II.1), when its demo is there: its results show beside the nominations
    const drive = (await listDrives(platform, { page: 1, pageSize: 5, q: DRIVE_CODE })).items.find(
      (d) => d.code === DRIVE_CODE,
    );
    campaign = {
      id: (
        await createCampaign(
          p,
          caller,
          { ...honoursDemoCampaign, councilUnitId: units.get('HDTDKT')!, driveId: drive?.id ?? null },
          { isDemo: true },
        )
      ).id,
    };
    added++;
  }
  const categories = (await getCampaign(p, campaign.id)).categories;
  const existing = await platform.db
    .selectFrom('honour_nominations')
    .select(['category_id', 'unit_id'])
    .where('campaign_id', '=', campaign.id)
    .execute();
  const one = async (n: Planned): Promise<number> => {
    const category = categories.find((c) => c.kind === n.kind)!;
    const unitId = units.get(n.unit);
    if (!unitId || existing.some((e) => e.category_id === category.id && e.unit_id === unitId)) return 0;
    let nominee: Record<string, string> = {};
    if (n.kind === 'collective') nominee = { nomineeUnitId: unitId };
    else if (n.kind === 'individual') {
      const [person] = await membersOfUnit(platform, unitId, 1);
      if (!person) return 0;
      nominee = { nomineePersonId: person.id };
    } else {
      const enterprise = units.get(`${n.unit}-DN`);
      if (!enterprise) return 0;
      nominee = { productName: n.product!, productEnterpriseId: enterprise };
    }
    const nomination = await createNomination(
      p,
      caller,
      campaign.id,
      {
        categoryId: category.id,
        unitId,
        nomineeUnitId: null,
        nomineePersonId: null,
        productName: null,
        productEnterpriseId: null,
        summary: n.summary,
        ...nominee,
      },
      { isDemo: true },
    );
    const files: [string, 'cover_submission' | 'achievement_report' | 'review_minutes'][] = [
      ['Tờ trình đề nghị tôn vinh', 'cover_submission'],
      ['Báo cáo thành tích', 'achievement_report'],
      ['Biên bản họp xét đề nghị', 'review_minutes'],
    ];
    for (const [title, kind] of files) {
      const file = await saveUpload(
        p,
        caller.actor,
        dossierText(title.toLocaleUpperCase('vi'), nomination.nominee.name, n.summary),
        `${kind.replace('_', '-')}-${n.unit}.txt`,
      );
      await addDossierItem(p, caller, nomination.id, file.id, kind);
    }
    if (n.outcome === 'draft') return 1;
    await submitNomination(p, caller, nomination.id);
    if (n.outcome === 'eligible') {
      // met, except where the system's own check says otherwise (then not eligible, saying why)
      const checks = await checksOfNomination(
        p,
        await p.db
          .selectFrom('honour_nominations')
          .selectAll()
          .where('id', '=', nomination.id)
          .executeTakeFirstOrThrow(),
        category.criteria,
      );
      const results = category.criteria.map((c) => {
        const check = checks.find((k) => k.key === c.key);
        return {
          key: c.key,
          result: check?.outcome === 'not_met' ? ('not_met' as const) : ('met' as const),
          note: check && check.outcome !== 'unknown' ? check.detail.vi : null,
        };
      });
      const failed = category.criteria.filter(
        (c) => c.required && results.find((r) => r.key === c.key)?.result === 'not_met',
      );
      await screenNomination(p, caller, nomination.id, {
        results,
        eligible: !failed.length,
        reason: failed.length ? `Chưa đạt: ${failed.map((f) => f.description).join('; ')}.` : null,
      });
    } else if (n.outcome === 'returned') {
      await returnNomination(
        p,
        caller,
        nomination.id,
        'Bổ sung quyết định xếp loại tổ chức cơ sở đảng năm 2018 và báo cáo tài chính đã kiểm toán.',
      );
    }
    return 1;
  };
  // one after another, so the demo's order (and history) is the same every time
  for (const n of planned) added += await one(n);
  added += await callTheCouncil(p, caller, campaign.id);
  return added;
}

/**
 * The Council's session called for the dossiers the Propaganda Board found eligible: the Office
 * (Thư ký) calls it for 25/07/2019, after the nominations close and before the results are due,
 * with every account that sits on the Council. It is left open, with no round yet: with
 * `KYNIEM_DEMO_DATE=2019-07-20` a Council member's home says the meeting is coming (ADR 30); on the
 * wall clock it is a session of 2019 that was never held, and nobody's to-do.
 */
export const HONOURS_DEMO_SESSION_DAY = '2019-07-25';

async function callTheCouncil(p: Platform, caller: Caller, campaignId: string): Promise<number> {
  if (await p.db.selectFrom('honour_sessions').select('id').where('campaign_id', '=', campaignId).executeTakeFirst())
    return 0;
  const sitting = (await councilCandidates(p, caller)).items;
  const members = sitting
    .filter((m) => m.votes || m.secretary)
    .map((m) => ({
      userId: m.userId,
      // the Bloc's Secretary chairs the Council; the Office's secretary sits as Thư ký
      role:
        m.username === 'demo.lanhdao' && m.votes
          ? ('chair' as const)
          : m.votes
            ? ('member' as const)
            : ('secretary' as const),
    }));
  if (!members.some((m) => m.role !== 'secretary')) return 0;
  await createSession(
    p,
    caller,
    sessionInput.parse({
      campaignId,
      title: 'Phiên họp xét chọn tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu',
      heldOn: HONOURS_DEMO_SESSION_DAY,
      members,
      rules: {},
    }),
  );
  return 1;
}

export const honoursDemo: DemoLoader = { name: 'honours', load: loadHonours };
