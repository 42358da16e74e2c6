import type { SegmentKind, Section } from '../../../common/ceremony/programme.ts';
import type { GuestBranch, GuestLevel } from '../../../common/ceremony/protocol.ts';
import type { DemoLoader } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { campaignIdByCode, HONOURS_DEMO_CODE } from '../honours/index.ts';
import { unitByCode } from '../organisation/index.ts';
import {
  addGuest,
  addSegment,
  createCeremony,
  deleteSegment,
  getCeremony,
  introductionOf,
  guestsOf,
  updateCeremony,
  updateGuest,
  updateSegment,
} from './ceremonies.ts';
import { ceremonyInput, guestInput } from './schema.ts';
import { festivalActs } from './festivalActs.ts';
import { callShow } from './show.ts';

/**
 * The seed's honouring conference (II.4: "Hội nghị tôn vinh … dự kiến ngày 04/9/2019", stage-style,
 * in the evening) as demo data, built through the services: the programme from Art. 13 filled in
 * with the MC's lines and cues, the leader's speech at a hard start, the guests with their replies,
 * the award batches linked to the seed's honours campaign (they follow its results: they fill in
 * once the campaign is decided), published, and run on the night by the show-caller with a clock
 * per call, so it is recorded as held with actual times. The festival's acts are not here: the
 * festival module offers them as a performance source once it is merged.
 */
export const CEREMONY_DEMO_CODE = 'LE-15NAM-2019';

const day = '2019-09-04';
/** An instant at "HH:MM" on the evening of the 4th, Việt Nam time. */
const vn = (hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);

function at(platform: Platform, hhmm: string): Platform {
  let t = vn(hhmm).getTime();
  return {
    ...platform,
    clock: () => {
      t += 1000;
      return new Date(t);
    },
  };
}

type Filled = {
  kind: SegmentKind;
  section: Section;
  title: string;
  minutes: number;
  hardStart?: string;
  onStage: string;
  microphones: string;
  mcLines: string;
  speechText?: string;
  cues: { kind: 'sound' | 'light' | 'screen' | 'video'; text: string }[];
};

const programme: Filled[] = [
  {
    kind: 'welcome_performance',
    section: 'opening',
    title: 'Chương trình văn nghệ chào mừng',
    minutes: 15,
    onStage: 'Đội văn nghệ của các doanh nghiệp trong Khối',
    microphones: '4 micro không dây cho ca sĩ',
    mcLines: '',
    cues: [
      { kind: 'light', text: 'Sân khấu sáng toàn bộ, đèn màu' },
      { kind: 'screen', text: 'Màn hình: phông chào mừng 15 năm' },
    ],
  },
  {
    kind: 'programme',
    section: 'opening',
    title: 'Công bố chương trình',
    minutes: 2,
    onStage: 'Dẫn chương trình (nam, nữ)',
    microphones: '2 micro bục dẫn chương trình',
    mcLines:
      'Kính thưa các đồng chí lãnh đạo tỉnh, thưa các vị đại biểu, khách quý cùng toàn thể các đồng chí! Hòa chung không khí phấn khởi chào mừng kỷ niệm Cách mạng tháng Tám và Quốc khánh 2-9, hôm nay Đảng ủy Khối Doanh nghiệp tỉnh long trọng tổ chức Hội nghị tôn vinh, tuyên dương các tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu nhân kỷ niệm 15 năm Ngày thành lập Đảng bộ Khối. Chương trình gồm các phần: chào cờ; tuyên bố lý do, giới thiệu đại biểu; diễn văn kỷ niệm; công bố quyết định và trao thưởng; phát biểu chỉ đạo của lãnh đạo tỉnh; phát biểu tiếp thu và bế mạc.',
    cues: [{ kind: 'sound', text: 'Nhạc nền nhẹ' }],
  },
  {
    kind: 'anthem',
    section: 'opening',
    title: 'Chào cờ, hát Quốc ca',
    minutes: 3,
    onStage: 'Toàn thể hội nghị đứng nghiêm',
    microphones: '',
    mcLines:
      'Xin mời toàn thể các đồng chí đứng dậy làm lễ chào cờ. Nghiêm! Chào cờ — chào! Quốc ca. Xin mời các đồng chí ngồi.',
    cues: [
      { kind: 'sound', text: 'Nhạc Quốc ca (bản không lời)' },
      { kind: 'screen', text: 'Màn hình: Quốc kỳ' },
    ],
  },
  {
    kind: 'introduction',
    section: 'opening',
    title: 'Tuyên bố lý do, giới thiệu đại biểu',
    minutes: 5,
    onStage: 'Đồng chí Phó Bí thư Đảng ủy Khối',
    microphones: 'Micro bục phát biểu',
    mcLines: '',
    cues: [{ kind: 'screen', text: 'Màn hình: tên đại biểu theo lời giới thiệu' }],
  },
  {
    kind: 'speech',
    section: 'main',
    title: 'Diễn văn kỷ niệm gắn với báo cáo thành tích 15 năm',
    minutes: 20,
    onStage: 'Đồng chí Bí thư Đảng ủy Khối',
    microphones: 'Micro bục phát biểu',
    mcLines:
      'Xin trân trọng kính mời đồng chí Bí thư Đảng ủy Khối trình bày diễn văn kỷ niệm 15 năm Ngày thành lập Đảng bộ Khối Doanh nghiệp tỉnh.',
    speechText:
      'Mười lăm năm qua, từ ngày thành lập 06/9/2004, Đảng bộ Khối Doanh nghiệp tỉnh luôn đoàn kết, chủ động, sáng tạo, lãnh đạo các doanh nghiệp vượt qua khó khăn, phát triển sản xuất kinh doanh, chăm lo việc làm và đời sống người lao động, xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh.',
    cues: [{ kind: 'video', text: 'Phóng sự 15 năm (chiếu trước khi đồng chí Bí thư lên bục, 4 phút)' }],
  },
  {
    kind: 'awards',
    section: 'main',
    title: 'Công bố quyết định và trao thưởng các tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu',
    minutes: 22,
    onStage: 'Lãnh đạo trao thưởng, các tập thể, cá nhân được tôn vinh, lễ tân',
    microphones: 'Micro bục dẫn chương trình',
    mcLines: 'Xin trân trọng kính mời đồng chí Chánh Văn phòng Đảng ủy Khối công bố quyết định tôn vinh.',
    cues: [
      { kind: 'sound', text: 'Nhạc trao thưởng' },
      { kind: 'light', text: 'Đèn theo người lên sân khấu' },
    ],
  },
  {
    kind: 'leader_speech',
    section: 'main',
    title: 'Phát biểu chỉ đạo của lãnh đạo tỉnh',
    minutes: 15,
    hardStart: '20:45',
    onStage: 'Đồng chí lãnh đạo Tỉnh ủy',
    microphones: 'Micro bục phát biểu',
    mcLines: 'Xin trân trọng kính mời đồng chí lãnh đạo Tỉnh ủy phát biểu chỉ đạo hội nghị.',
    cues: [{ kind: 'sound', text: 'Nhạc chào khi đồng chí lên bục' }],
  },
  {
    kind: 'reply',
    section: 'main',
    title: 'Phát biểu tiếp thu ý kiến chỉ đạo',
    minutes: 5,
    onStage: 'Đồng chí Bí thư Đảng ủy Khối',
    microphones: 'Micro bục phát biểu',
    mcLines: 'Xin trân trọng kính mời đồng chí Bí thư Đảng ủy Khối phát biểu tiếp thu ý kiến chỉ đạo.',
    cues: [],
  },
  {
    kind: 'closing',
    section: 'closing',
    title: 'Bế mạc',
    minutes: 3,
    onStage: 'Dẫn chương trình',
    microphones: '2 micro bục dẫn chương trình',
    mcLines:
      'Hội nghị tôn vinh đến đây đã hoàn thành chương trình. Xin trân trọng cảm ơn các đồng chí lãnh đạo tỉnh, các vị đại biểu, khách quý đã về dự. Kính chúc các đồng chí mạnh khỏe, hạnh phúc, thành công.',
    cues: [
      { kind: 'sound', text: 'Nhạc kết' },
      { kind: 'screen', text: 'Màn hình: lời cảm ơn' },
    ],
  },
];

type DemoGuest = {
  name: string;
  title: string;
  organisation: string;
  level: GuestLevel;
  branch: GuestBranch;
  rank: number;
  mayPresent: boolean;
  reply: 'attending' | 'deputy' | 'declined';
  deputy?: { name: string; title: string };
};

const guests: DemoGuest[] = [
  {
    name: 'Trần Quốc Hưng',
    title: 'Bí thư Tỉnh ủy',
    organisation: 'Tỉnh ủy Thái Bình',
    level: 'province',
    branch: 'party',
    rank: 1,
    mayPresent: true,
    reply: 'deputy',
    deputy: { name: 'Lê Văn Thành', title: 'Phó Bí thư Thường trực Tỉnh ủy' },
  },
  {
    name: 'Phạm Minh Đức',
    title: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh',
    organisation: 'UBND tỉnh Thái Bình',
    level: 'province',
    branch: 'state',
    rank: 1,
    mayPresent: true,
    reply: 'attending',
  },
  {
    name: 'Vũ Thị Lan',
    title: 'Phó Chủ tịch HĐND tỉnh',
    organisation: 'HĐND tỉnh Thái Bình',
    level: 'province',
    branch: 'state',
    rank: 3,
    mayPresent: true,
    reply: 'attending',
  },
  {
    name: 'Hoàng Văn Tuấn',
    title: 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh',
    organisation: 'Ủy ban MTTQ Việt Nam tỉnh',
    level: 'province',
    branch: 'front',
    rank: 1,
    mayPresent: true,
    reply: 'attending',
  },
  {
    name: 'Đỗ Mạnh Cường',
    title: 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy',
    organisation: 'Ban Tổ chức Tỉnh ủy',
    level: 'department',
    branch: 'party',
    rank: 1,
    mayPresent: true,
    reply: 'attending',
  },
  {
    name: 'Ngô Thanh Bình',
    title: 'Trưởng Ban Tuyên giáo Tỉnh ủy',
    organisation: 'Ban Tuyên giáo Tỉnh ủy',
    level: 'department',
    branch: 'party',
    rank: 2,
    mayPresent: true,
    reply: 'declined',
  },
  {
    name: 'Bùi Quang Huy',
    title: 'Giám đốc Sở Công Thương',
    organisation: 'Sở Công Thương',
    level: 'department',
    branch: 'state',
    rank: 1,
    mayPresent: true,
    reply: 'attending',
  },
  {
    name: 'Đặng Thị Mai',
    title: 'Giám đốc Sở Lao động – Thương binh và Xã hội',
    organisation: 'Sở Lao động – Thương binh và Xã hội',
    level: 'department',
    branch: 'state',
    rank: 2,
    mayPresent: false,
    reply: 'attending',
  },
  {
    name: 'Phan Văn Long',
    title: 'Chủ tịch Hiệp hội Doanh nghiệp tỉnh',
    organisation: 'Hiệp hội Doanh nghiệp tỉnh',
    level: 'department',
    branch: 'front',
    rank: 3,
    mayPresent: false,
    reply: 'attending',
  },
  {
    name: 'Nguyễn Thị Hồng',
    title: 'Phó Tổng Biên tập Báo Thái Bình',
    organisation: 'Báo Thái Bình',
    level: 'other',
    branch: 'other',
    rank: 1,
    mayPresent: false,
    reply: 'attending',
  },
  {
    name: 'Lương Đình Khoa',
    title: 'Phó Giám đốc Đài Phát thanh – Truyền hình Thái Bình',
    organisation: 'Đài Phát thanh – Truyền hình Thái Bình',
    level: 'other',
    branch: 'other',
    rank: 2,
    mayPresent: false,
    reply: 'declined',
  },
];

/**
 * When each segment actually ended on the night: the first started at 19:32; the festival's acts
 * after the awards (4 and 3 minutes); a hold before the leader's hard start at 20:45.
 */
function actualEndsWith(performances: number): string[] {
  // the awards ended at 20:43 without performances; each act after them took about 4 minutes
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const last = 20 * 60 + 43;
  const awardsAndActs = Array.from({ length: performances + 1 }, (_, i) => hhmm(last - 4 * (performances - i)));
  return ['19:48', '19:50', '19:53', '19:59', '20:21', ...awardsAndActs, '21:02', '21:07', '21:10'];
}

async function loadCeremony(platform: Platform): Promise<number> {
  if (await platform.db.selectFrom('ceremonies').select('id').where('code', '=', CEREMONY_DEMO_CODE).executeTakeFirst())
    return 0;
  const caller = systemCaller('demo');
  const p = at(platform, '09:00');
  const campaignId = await campaignIdByCode(platform, HONOURS_DEMO_CODE);
  // the seed's plan gives the conference to the Ban Tuyên giáo (III.1; the plan's lead for II.4),
  // so its Trưởng ban heads the organising committee and signs its papers
  const organiser = await unitByCode(platform.db, 'BTG');
  const created = await createCeremony(
    p,
    caller,
    ceremonyInput.parse({
      code: CEREMONY_DEMO_CODE,
      name: 'Hội nghị tôn vinh, tuyên dương tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu nhân kỷ niệm 15 năm Ngày thành lập Đảng bộ Khối Doanh nghiệp tỉnh',
      eventDate: day,
      venue: 'Nhà văn hóa tỉnh Thái Bình',
      doors: '19:00',
      start: '19:30',
      targetEnd: '21:15',
      honoursCampaignId: campaignId,
      organiserUnitId: organiser?.id ?? null,
    }),
  );
  const id = created.id;
  await platform.db.updateTable('ceremonies').set({ is_demo: 1 }).where('id', '=', id).execute();
  // the programme: Art. 13's segments filled in, in place
  for (const [i, s] of created.segments.entries()) {
    const f = programme[i];
    await updateSegment(p, caller, id, s.id, {
      kind: f.kind,
      section: f.section,
      title: f.title,
      minutes: f.minutes,
      hardStart: f.hardStart ?? null,
      onStage: f.onStage,
      microphones: f.microphones,
      mcLines: f.mcLines,
      speechText: f.speechText ?? '',
      cues: f.cues,
    });
  }
  for (const s of created.segments.slice(programme.length)) await deleteSegment(p, caller, id, s.id);
  // the festival's three chosen acts: the first opens the evening, the other two follow the awards
  const acts = await festivalActs.acts(platform, { id, eventDate: day });
  const segments = (await getCeremony(p, id)).segments;
  if (acts[0])
    await updateSegment(p, caller, id, segments[0].id, { act: acts[0], title: `Văn nghệ chào mừng: ${acts[0].title}` });
  let after = segments.find((s) => s.kind === 'awards')!.id;
  for (const act of acts.slice(1)) {
    const added = await addSegment(p, caller, id, {
      section: 'main',
      kind: 'performance',
      title: `Tiết mục: ${act.title}`,
      hardStart: null,
      onStage: `${act.performers} (${act.unit})`,
      microphones: '2 micro không dây',
      mcLines: `Tiết mục “${act.title}”, do ${act.performers} (${act.unit}) trình bày — tiết mục đạt giải tại Liên hoan Tiếng hát Thanh niên công nhân.`,
      speechText: '',
      cues: [{ kind: 'sound', text: act.backingTrackFileId ? 'Nhạc nền của tiết mục' : 'Ban nhạc sống' }],
      act,
      after,
    });
    after = added.segments.find((s) => s.act?.entryId === act.entryId)!.id;
  }
  for (const g of guests) {
    const { reply: _reply, deputy: _deputy, ...invitation } = g;
    const list = await addGuest(p, caller, id, guestInput.parse(invitation));
    const added = list.items.find((x) => x.name === g.name)!;
    await updateGuest(p, caller, id, added.id, { reply: g.reply, deputy: g.deputy ?? null });
  }
  // the MC introduces the guests from the replies
  const intro = introductionOf(await guestsOf(platform.db, id));
  const introSegment = (await getCeremony(p, id)).segments.find((s) => s.kind === 'introduction')!;
  await updateSegment(p, caller, id, introSegment.id, {
    mcLines: `Xin trân trọng kính mời đồng chí Phó Bí thư Đảng ủy Khối tuyên bố lý do và giới thiệu đại biểu.\n${intro}`,
  });
  await updateCeremony(p, caller, id, { published: true });
  // the night: started at 19:32, each segment ended by "next", a hold before the leader's hard start
  await callShow(at(platform, '19:32'), caller, id, 'start');
  const ends = actualEndsWith(Math.max(0, acts.length - 1));
  const beforeLeader = ends.length - 4;
  for (const [i, end] of ends.entries()) {
    if (i === beforeLeader) {
      await callShow(at(platform, end), caller, id, 'hold');
      await callShow(at(platform, '20:45'), caller, id, 'next');
    } else await callShow(at(platform, end), caller, id, 'next');
  }
  return 1 + programme.length + guests.length;
}

export const ceremonyDemo: DemoLoader = { name: 'ceremony', load: loadCeremony };
