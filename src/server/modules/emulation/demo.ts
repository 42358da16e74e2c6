import type { DemoLoader } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { grassrootsKinds, unitView } from '../organisation/index.ts';
import { DRIVE_CODE, findTemplateByCode, indicatorIdsByCode } from '../reporting/index.ts';
import { createDrive } from './drives.ts';
import { register, review } from './registrations.ts';
import { setCriteria, setScores } from './ranking.ts';

/**
 * The seed's drive (II.1): launched with the plan (10/6/2019) for 15/6–30/8/2019, every live
 * grassroots unit taking part, its results reported through the reporting demo's campaign
 * template TD-15NAM; some units' registrations accepted, one returned; criteria set, and the
 * Bloc's own mark given to a few units so the ranking has something to show. Idempotent.
 */
const registrations: {
  unit: string;
  targets: { code: string | null; text: string; value: number | null }[];
  outcome: 'accepted' | 'returned' | 'submitted';
}[] = [
  {
    unit: 'CS02',
    outcome: 'accepted',
    targets: [
      {
        code: 'TD_CONG_TRINH',
        text: 'Hoàn thành 03 công trình chào mừng: nhà ăn ca, xưởng may số 3, khu vui chơi cho con công nhân',
        value: 3,
      },
      { code: 'TD_SANG_KIEN', text: 'Ít nhất 08 sáng kiến cải tiến kỹ thuật', value: 8 },
    ],
  },
  {
    unit: 'CS01',
    outcome: 'accepted',
    targets: [
      { code: 'TD_CONG_TRINH', text: 'Cải tạo 02 trạm bơm tăng áp', value: 2 },
      { code: null, text: 'Không để xảy ra sự cố mất nước kéo dài quá 4 giờ', value: null },
    ],
  },
  { unit: 'CS04', outcome: 'returned', targets: [{ code: 'TD_CONG_TRINH', text: 'Công trình chào mừng', value: 1 }] },
  {
    unit: 'CS05',
    outcome: 'submitted',
    targets: [{ code: 'TD_SANG_KIEN', text: '05 sáng kiến hợp lý hóa sản xuất', value: 5 }],
  },
];

async function loadEmulation(platform: Platform): Promise<number> {
  if (await platform.db.selectFrom('emulation_drives').select('id').where('code', '=', DRIVE_CODE).executeTakeFirst())
    return 0;
  const template = await findTemplateByCode(platform, DRIVE_CODE);
  if (!template) return 0;
  const units = await platform.db
    .selectFrom(unitView(platform.db).as('u'))
    .select(['u.id', 'u.code'])
    .where('u.kind', 'in', [...grassrootsKinds])
    .where('u.valid_from', '<=', '2019-06-15')
    .where('u.valid_to', 'is', null)
    .execute();
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const indicators = await indicatorIdsByCode(platform);
  let minute = Date.parse('2019-06-10T02:00:00Z');
  const p: Platform = { ...platform, clock: () => new Date((minute += 60_000)) };
  const caller = systemCaller('demo');
  const drive = await createDrive(
    p,
    caller,
    {
      code: DRIVE_CODE,
      name: 'Phong trào thi đua cao điểm lập thành tích chào mừng kỷ niệm 15 năm thành lập Đảng bộ khối Doanh nghiệp tỉnh',
      theme:
        'Các tổ chức cơ sở đảng trực thuộc phát động trong cán bộ, đảng viên và công nhân đợt thi đua cao điểm lập thành tích chào mừng kỷ niệm 15 năm thành lập Đảng bộ khối Doanh nghiệp tỉnh (06/9/2004 – 06/9/2019).',
      start: '2019-06-15',
      end: '2019-08-30',
      launchNumber: null,
      launchDate: '2019-06-10',
      templateId: template.id,
      registrationDue: '2019-06-30',
      participantIds: units.map((u) => u.id),
    },
    { isDemo: true },
  );
  for (const r of registrations) {
    const id = unitId.get(r.unit);
    if (!id) continue;
    const reg = await register(p, caller, drive.id, {
      unitId: id,
      note: '',
      targets: r.targets.map((t) => ({
        indicatorId: t.code ? (indicators.get(t.code) ?? null) : null,
        text: t.text,
        value: t.value,
      })),
    });
    if (r.outcome !== 'submitted')
      await review(
        p,
        caller,
        drive.id,
        reg.id,
        r.outcome === 'accepted' ? 'accept' : 'return',
        r.outcome === 'returned' ? 'Đề nghị ghi rõ tên, giá trị và thời gian hoàn thành công trình.' : null,
      );
  }
  const criteria = await setCriteria(p, caller, drive.id, {
    criteria: [
      {
        name: 'Công trình, sản phẩm chào mừng',
        weight: 35,
        method: 'indicator' as const,
        indicatorId: indicators.get('TD_CONG_TRINH') ?? null,
        maxScore: 10,
      },
      {
        name: 'Sáng kiến, cải tiến kỹ thuật',
        weight: 25,
        method: 'indicator' as const,
        indicatorId: indicators.get('TD_SANG_KIEN') ?? null,
        maxScore: 10,
      },
      {
        name: 'Giá trị làm lợi',
        weight: 20,
        method: 'indicator' as const,
        indicatorId: indicators.get('TD_LAM_LOI') ?? null,
        maxScore: 10,
      },
      {
        name: 'Tổ chức phát động, tuyên truyền',
        weight: 20,
        method: 'manual' as const,
        indicatorId: null,
        maxScore: 10,
      },
    ].filter((c) => c.method === 'manual' || c.indicatorId),
  });
  const manual = criteria.find((c) => c.method === 'manual');
  if (manual) {
    for (const [code, score] of [
      ['CS02', 9.5],
      ['CS01', 8],
      ['CS04', 7],
      ['CS05', 8.5],
    ] as const) {
      const id = unitId.get(code);
      if (id)
        await setScores(p, caller, drive.id, { unitId: id, scores: [{ criterionId: manual.id, score, note: null }] });
    }
  }
  return 1;
}

export const emulationDemo: DemoLoader = { name: 'emulation', load: loadEmulation };
