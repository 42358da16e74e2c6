import type { DemoLoader } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { activityIdsByRef, demoPlanId, SEED_DEMO_KEY } from '../plans/index.ts';
import { publishedArticle } from '../website/index.ts';
import { createPiece, dropPiece, publishPiece } from './pieces.ts';
import type { PieceInput } from './schema.ts';

/**
 * The seed's publicity (II.1, III.1) as demo data: the Propaganda Board's plan of pieces with Báo
 * Thái Bình, the provincial radio-television, the Bloc's website and a unit's channel, June–
 * September 2019, on the drive's launch, the tournament, the festival, the honourees and the
 * ceremony. Most are published with links on example.vn (a demo domain, marked so) or to the
 * website's published article; one is still planned, one dropped. Through the services, each at
 * its own 2019 time; a second run adds nothing.
 */
const caller = systemCaller('demo');

function at(platform: Platform, iso: string): Platform {
  const when = new Date(iso);
  return { ...platform, clock: () => when };
}

type Demo = {
  title: string;
  kind: PieceInput['kind'];
  outlet: PieceInput['outlet'];
  outletName?: string;
  plannedOn: string;
  responsible: string;
  ref: string | null;
  honouree?: string;
  /** published on, and the demo link (or the website article's slug) */
  published?: { on: string; path?: string; slug?: string };
  dropped?: string;
};

const BTG = 'Ban Tuyên giáo Đảng ủy Khối';
const pieces: Demo[] = [
  {
    title: 'Đảng ủy Khối ban hành Kế hoạch kỷ niệm 15 năm Ngày thành lập Đảng bộ',
    kind: 'news',
    outlet: 'website',
    plannedOn: '2019-06-12',
    responsible: BTG,
    ref: 'A13',
    published: { on: '2019-06-12', slug: 'ban-hanh-ke-hoach-ky-niem-15-nam-thanh-lap-dang-bo-khoi' },
  },
  {
    title: 'Các cơ sở đảng phát động đợt thi đua cao điểm chào mừng 15 năm',
    kind: 'news',
    outlet: 'newspaper',
    plannedOn: '2019-06-18',
    responsible: BTG,
    ref: 'A1',
    published: { on: '2019-06-19', path: 'bao-thai-binh/phat-dong-thi-dua-cao-diem-15-nam' },
  },
  {
    title: 'Phát động đợt thi đua cao điểm trong công nhân lao động',
    kind: 'report',
    outlet: 'radio_tv',
    plannedOn: '2019-06-20',
    responsible: BTG,
    ref: 'A1',
    published: { on: '2019-06-21', path: 'truyen-hinh-thai-binh/thoi-su/phat-dong-thi-dua-2019' },
  },
  {
    title: 'Phát động thi đua cao điểm trên trang thông tin của Khối',
    kind: 'news',
    outlet: 'website',
    plannedOn: '2019-06-20',
    responsible: BTG,
    ref: 'A1',
    published: { on: '2019-06-20', slug: 'phat-dong-dot-thi-dua-cao-diem-chao-mung-15-nam' },
  },
  {
    title: 'Khai mạc Giải Cầu lông người lao động trong Khối',
    kind: 'news',
    outlet: 'newspaper',
    plannedOn: '2019-08-16',
    responsible: BTG,
    ref: 'A9',
    published: { on: '2019-08-17', path: 'bao-thai-binh/the-thao/khai-mac-giai-cau-long-cong-nhan' },
  },
  {
    title: 'Giải Cầu lông công nhân 2019 — phóng sự',
    kind: 'report',
    outlet: 'radio_tv',
    plannedOn: '2019-08-18',
    responsible: BTG,
    ref: 'A9',
    published: { on: '2019-08-19', path: 'truyen-hinh-thai-binh/phong-su/giai-cau-long-2019' },
  },
  {
    title: 'Giải Cầu lông công nhân 2019 trên trang thông tin của Khối',
    kind: 'news',
    outlet: 'website',
    plannedOn: '2019-08-16',
    responsible: 'Ban Biên tập trang thông tin Đảng bộ Khối',
    ref: 'A9',
    published: { on: '2019-08-16', slug: 'giai-cau-long-cong-nhan-2019' },
  },
  {
    title: 'Liên hoan Tiếng hát Thanh niên công nhân — đêm chung kết',
    kind: 'report',
    outlet: 'radio_tv',
    plannedOn: '2019-08-10',
    responsible: 'Đoàn Thanh niên Khối',
    ref: 'A10',
    published: { on: '2019-08-11', path: 'truyen-hinh-thai-binh/van-nghe/tieng-hat-thanh-nien-cong-nhan' },
  },
  {
    title: 'Tiếng hát Thanh niên công nhân 2019',
    kind: 'news',
    outlet: 'website',
    plannedOn: '2019-08-10',
    responsible: 'Ban Biên tập trang thông tin Đảng bộ Khối',
    ref: 'A10',
    published: { on: '2019-08-10', slug: 'lien-hoan-tieng-hat-thanh-nien-cong-nhan-2019' },
  },
  {
    title: 'Bình chọn 45 tập thể, cá nhân, sản phẩm tiêu biểu',
    kind: 'news',
    outlet: 'newspaper',
    plannedOn: '2019-08-05',
    responsible: BTG,
    ref: 'A11',
    published: { on: '2019-08-06', path: 'bao-thai-binh/binh-chon-45-dien-hinh-tieu-bieu' },
  },
  {
    title: 'Gương sáng người thợ máy giỏi',
    kind: 'interview',
    outlet: 'newspaper',
    plannedOn: '2019-08-25',
    responsible: BTG,
    ref: 'A11',
    honouree: 'Người thợ máy giỏi của Công ty (điển hình tiêu biểu)',
    published: { on: '2019-08-26', path: 'bao-thai-binh/guong-sang-nguoi-tho-may-gioi' },
  },
  {
    title: 'Chuyên mục “Điển hình tiên tiến trong Khối doanh nghiệp”',
    kind: 'column',
    outlet: 'radio_tv',
    plannedOn: '2019-08-28',
    responsible: BTG,
    ref: 'A11',
    honouree: 'Các tập thể, cá nhân tiêu biểu được tôn vinh',
    published: { on: '2019-08-29', path: 'truyen-hinh-thai-binh/chuyen-muc/dien-hinh-tien-tien' },
  },
  {
    title: 'Hội nghị tôn vinh, tuyên dương kỷ niệm 15 năm thành lập Đảng bộ Khối',
    kind: 'news',
    outlet: 'newspaper',
    plannedOn: '2019-09-05',
    responsible: BTG,
    ref: 'A12',
    published: { on: '2019-09-05', path: 'bao-thai-binh/hoi-nghi-ton-vinh-15-nam-dang-bo-khoi' },
  },
  {
    title: 'Trực tiếp Hội nghị tôn vinh — bản tin thời sự',
    kind: 'report',
    outlet: 'radio_tv',
    plannedOn: '2019-09-04',
    responsible: BTG,
    ref: 'A12',
    published: { on: '2019-09-04', path: 'truyen-hinh-thai-binh/thoi-su/hoi-nghi-ton-vinh-2019' },
  },
  {
    title: '15 năm Đảng bộ Khối doanh nghiệp — phỏng vấn đồng chí Bí thư',
    kind: 'interview',
    outlet: 'radio_tv',
    plannedOn: '2019-09-03',
    responsible: BTG,
    ref: 'A12',
    dropped: 'Đài dời lịch phát sóng; nội dung chuyển thành bài trên Báo Thái Bình.',
  },
  {
    title: 'Bản tin nội bộ: công nhân hưởng ứng đợt thi đua',
    kind: 'news',
    outlet: 'unit_channel',
    outletName: 'Bản tin nội bộ Công ty (mẫu)',
    plannedOn: '2019-09-20',
    responsible: 'Đảng ủy cơ sở',
    ref: 'A1',
  },
];

async function loadPublicity(platform: Platform): Promise<number> {
  const planId = await demoPlanId(platform, SEED_DEMO_KEY);
  if (!planId) return 0;
  if (await platform.db.selectFrom('publicity_pieces').select('id').where('is_demo', '=', 1).executeTakeFirst())
    return 0;
  const refs = await activityIdsByRef(platform, planId);
  let made = 0;
  for (const d of pieces) {
    const piece = await createPiece(
      at(platform, `${d.plannedOn}T01:00:00Z`),
      caller,
      {
        title: d.title,
        kind: d.kind,
        outlet: d.outlet,
        outletName: d.outletName ?? '',
        plannedOn: d.plannedOn,
        responsible: d.responsible,
        activityId: d.ref ? (refs.get(d.ref) ?? null) : null,
        honouree: d.honouree ?? '',
      },
      { isDemo: true },
    );
    made++;
    const when = at(platform, `${d.published?.on ?? d.plannedOn}T09:00:00Z`);
    if (d.published) {
      // A website piece names its article when the website's demo published it; otherwise a demo link.
      const slug =
        d.published.slug && (await publishedArticle(platform.db, d.published.slug)) ? d.published.slug : null;
      await publishPiece(when, caller, piece.id, {
        publishedOn: d.published.on,
        link: slug ? undefined : `https://example.vn/${d.published.path ?? `trang-thong-tin/${d.published.slug}`}`,
        articleSlug: slug ?? undefined,
      });
      made++;
    }
    if (d.dropped) {
      await dropPiece(when, caller, piece.id, d.dropped);
      made++;
    }
  }
  return made;
}

export const publicityDemo: DemoLoader = { name: 'publicity', load: loadPublicity };
