import { lotsFrom } from '../../../common/tournament/lots.ts';
import { findUserByUsername } from '../../platform/auth/users.ts';
import type { DemoLoader } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, systemCaller } from '../../platform/policy/caller.ts';
import { addPosition, createPerson, demoGrassroots, demoPeopleIn, unitByCode } from '../organisation/index.ts';
import { chooseCeremonyActs, createFestival, decideEntry, makeEntry } from './festivals.ts';
import { certifyRound, closeRound, lockSheet, saveSheet, setPrizes } from './judging.ts';
import { createRound, getRound, setNowPerforming } from './rounds.ts';

/**
 * The seed's festival (II.3) as demo data: the Young Workers' Singing Festival led by the Bloc
 * Youth Union. Eight enterprises enter one act each in July (one is returned for a song over the
 * time limit and entered again); the exchange night is held on 19/8/2019 with the acts in an order
 * drawn by lot, five judges — the head judge (the demo judge's account) and four guests whose paper
 * sheets she keys in, one of them from an enterprise that competes and so recused from its act —
 * the trimmed mean, voice then performance as tie-breaks; every sheet is locked during the night,
 * the head judge closes and certifies the round before midnight, the organisers give the prizes
 * and choose three acts for the ceremony with the durations timed on the night. Everything goes
 * through the services with the clock set to each step; idempotent: each step is skipped once done.
 */
export const FESTIVAL_DEMO_CODE = 'LHTH2019';
const UNITS = demoGrassroots.slice(0, 8);

type Act = {
  performance: 'solo' | 'duet' | 'group';
  song: string;
  composer: string;
  lyricist: string | null;
  genre: string;
  seconds: number;
  measured: number;
  quality: number;
  singers: string[];
};

const acts: Act[] = [
  {
    performance: 'solo',
    song: 'Tự nguyện',
    composer: 'Trương Quốc Khánh',
    lyricist: null,
    genre: 'Ca khúc cách mạng',
    seconds: 250,
    measured: 262,
    quality: 8.6,
    singers: ['Nguyễn Thị Thu Trang'],
  },
  {
    performance: 'duet',
    song: 'Khát vọng tuổi trẻ',
    composer: 'Vũ Hoàng',
    lyricist: null,
    genre: 'Ca khúc thanh niên',
    seconds: 240,
    measured: 236,
    quality: 7.9,
    singers: ['Trần Văn Hiếu', 'Lê Thị Ngọc Ánh'],
  },
  {
    performance: 'group',
    song: 'Bài ca xây dựng',
    composer: 'Hoàng Vân',
    lyricist: null,
    genre: 'Ca khúc cách mạng',
    seconds: 270,
    measured: 281,
    quality: 8.9,
    singers: ['Phạm Văn Long', 'Đỗ Thị Hồng Nhung', 'Vũ Minh Tuấn', 'Bùi Thị Yến'],
  },
  {
    performance: 'solo',
    song: 'Thanh niên làm theo lời Bác',
    composer: 'Hoàng Hòa',
    lyricist: null,
    genre: 'Ca khúc thanh niên',
    seconds: 200,
    measured: 204,
    quality: 7.2,
    singers: ['Hoàng Đức Thắng'],
  },
  {
    performance: 'solo',
    song: 'Mùa xuân trên thành phố Hồ Chí Minh',
    composer: 'Xuân Hồng',
    lyricist: null,
    genre: 'Ca khúc cách mạng',
    seconds: 230,
    measured: 229,
    quality: 8.1,
    singers: ['Đặng Thị Mai Hương'],
  },
  {
    performance: 'duet',
    song: 'Quê hương',
    composer: 'Giáp Văn Thạch',
    lyricist: 'Đỗ Trung Quân (thơ)',
    genre: 'Ca khúc trữ tình',
    seconds: 260,
    measured: 255,
    quality: 8.4,
    singers: ['Ngô Văn Nam', 'Dương Thị Thảo'],
  },
  {
    performance: 'group',
    song: 'Lên đàng',
    composer: 'Lưu Hữu Phước',
    lyricist: null,
    genre: 'Ca khúc cách mạng',
    seconds: 180,
    measured: 186,
    quality: 7.6,
    singers: ['Đinh Văn Khánh', 'Phan Thị Loan', 'Trịnh Văn Duy'],
  },
  {
    performance: 'solo',
    song: 'Nối vòng tay lớn',
    composer: 'Trịnh Công Sơn',
    lyricist: null,
    genre: 'Ca khúc thanh niên',
    seconds: 220,
    measured: 224,
    quality: 7.8,
    singers: ['Tạ Thị Vân'],
  },
];

const criteria = [
  { code: 'voice', name: 'Giọng hát', weight: 40, max: 10 },
  { code: 'performance', name: 'Phong cách biểu diễn', weight: 30, max: 10 },
  { code: 'song', name: 'Chọn bài hát, nội dung', weight: 15, max: 10 },
  { code: 'costume', name: 'Trang phục, hóa trang', weight: 15, max: 10 },
];
const guests = ['Nguyễn Văn Sơn', 'Lại Thị Minh Phương', 'Cao Đức Hùng', 'Vũ Thị Lan'];
/** The last guest judge works at the third enterprise: recused from its act. */
const GUEST_FROM_UNIT = 2;

/** A clock for one step of the story: starts at `iso` and moves a second each time it is read. */
function at(platform: Platform, iso: string): Platform {
  let t = Date.parse(iso);
  return { ...platform, clock: () => new Date((t += 1000)) };
}

/** A judge's score for one criterion: the act's quality, the judge's leaning and a little noise, in quarters. */
function demoScore(quality: number, judge: number, entry: number, criterion: string): number {
  const lots = lotsFrom(`${FESTIVAL_DEMO_CODE}:${judge}:${entry}:${criterion}`);
  const leaning = [0, -0.25, 0.25, -0.5, 0.5][judge] ?? 0;
  const x = quality + leaning + (lots.below(5) - 2) * 0.25;
  return Math.max(0, Math.min(10, Math.round(x * 4) / 4));
}

async function loadFestival(platform: Platform): Promise<number> {
  const organiser = await unitByCode(platform.db, 'DTN');
  const judgeUser = await findUserByUsername(platform.db, 'demo.giamkhao');
  if (!organiser || !judgeUser) return 0;
  const enterprises: string[] = [];
  for (const g of UNITS) {
    const u = await unitByCode(platform.db, `${g.code}-DN`);
    if (!u) return 0;
    enterprises.push(u.id);
  }
  const caller = systemCaller('demo');
  const head: Caller = {
    actor: { userId: judgeUser.id, name: judgeUser.display_name },
    grants: [{ role: 'judge', unitId: null }],
  };
  let added = 0;

  let festival = await platform.db
    .selectFrom('festivals')
    .select('id')
    .where('code', '=', FESTIVAL_DEMO_CODE)
    .executeTakeFirst();
  if (!festival) {
    festival = await createFestival(
      at(platform, '2019-07-01T02:00:00Z'),
      caller,
      {
        code: FESTIVAL_DEMO_CODE,
        name: 'Liên hoan Tiếng hát Thanh niên công nhân Khối Doanh nghiệp tỉnh năm 2019',
        organiserUnitId: organiser.id,
        entriesPerUnit: 2,
      },
      true,
    );
    added++;
  }
  const fid = festival.id;

  // The singers: young workers of the enterprises, found by name when already there.
  const known = new Map((await demoPeopleIn(platform, enterprises)).map((r) => [`${r.unitId}:${r.fullName}`, r.id]));
  const singers: string[][] = [];
  for (const [i, act] of acts.entries()) {
    const ids: string[] = [];
    for (const [k, name] of act.singers.entries()) {
      const found = known.get(`${enterprises[i]}:${name}`);
      if (found) {
        ids.push(found);
        continue;
      }
      const p = at(platform, '2019-07-01T01:00:00Z');
      const female = / Thị /.test(name);
      const person = await createPerson(p, caller, {
        fullName: name,
        gender: female ? 'female' : 'male',
        birthYear: 1993 + ((i + k) % 6),
        address: 'Tỉnh Thái Bình',
        isDemo: true,
      });
      await addPosition(p, caller, person.id, { unitId: enterprises[i], title: 'Công nhân', validFrom: '2016-03-01' });
      ids.push(person.id);
      added++;
    }
    singers.push(ids);
  }

  // Entries in July; the fourth act first came with a song over the five minutes and was returned.
  const existing = await platform.db
    .selectFrom('festival_entries')
    .select(['id', 'unit_id', 'song', 'status'])
    .where('festival_id', '=', fid)
    .execute();
  const entryIds: string[] = [];
  for (const [i, act] of acts.entries()) {
    const unitCaller: Caller = {
      actor: { userId: null, name: `demo (${UNITS[i].code})` },
      grants: [{ role: 'unit_officer', unitId: enterprises[i] }],
    };
    const input = {
      unitId: enterprises[i],
      performance: act.performance,
      personIds: singers[i],
      song: act.song,
      composer: act.composer,
      lyricist: act.lyricist,
      genre: act.genre,
      accompaniment: 'live' as const,
      backingTrackFileId: null,
      declaredSeconds: act.seconds,
    };
    if (i === 3 && !existing.some((e) => e.unit_id === enterprises[i])) {
      const first = await makeEntry(at(platform, '2019-07-12T02:00:00Z'), unitCaller, fid, {
        ...input,
        song: 'Liên khúc Tuổi trẻ thế hệ Bác Hồ',
        composer: 'Nhiều tác giả',
        declaredSeconds: 420,
      });
      await decideEntry(at(platform, '2019-07-20T02:00:00Z'), caller, fid, first.id, {
        decision: 'return',
        reason: 'Liên khúc dài 7 phút, quá thời lượng tối đa 5 phút của một tiết mục; đề nghị chọn một bài.',
      });
      added += 2;
    }
    let entry = existing.find((e) => e.unit_id === enterprises[i] && e.song === act.song);
    if (!entry) {
      const made = await makeEntry(
        at(platform, `2019-07-${String(10 + i).padStart(2, '0')}T03:00:00Z`),
        unitCaller,
        fid,
        input,
      );
      entry = { id: made.id, unit_id: enterprises[i], song: act.song, status: 'submitted' };
      added++;
    }
    if (entry.status === 'submitted') {
      await decideEntry(at(platform, '2019-07-25T02:00:00Z'), caller, fid, entry.id, {
        decision: 'accept',
        reason: '',
      });
      added++;
    }
    entryIds.push(entry.id);
  }

  // The exchange night, set up on 5/8/2019; the order drawn by lot in public.
  let round = await platform.db
    .selectFrom('festival_rounds')
    .select(['id', 'status'])
    .where('festival_id', '=', fid)
    .where('kind', '=', 'exchange')
    .executeTakeFirst();
  if (!round) {
    const made = await createRound(at(platform, '2019-08-05T02:00:00Z'), caller, fid, {
      kind: 'exchange',
      unitId: null,
      name: 'Đêm giao lưu văn nghệ cấp Khối',
      heldOn: '2019-08-19',
      venue: 'Cung Văn hóa Lao động tỉnh Thái Bình',
      maxActSeconds: 300,
      method: 'trimmed-mean',
      tieBreak: ['voice', 'performance'],
      criteria,
      judges: [
        { userId: judgeUser.id, name: judgeUser.display_name, unitId: organiser.id, head: true },
        ...guests.map((name, g) => ({
          userId: null,
          name,
          unitId: g === guests.length - 1 ? enterprises[GUEST_FROM_UNIT] : null,
          head: false,
        })),
      ],
      entryIds,
      orderSeed: FESTIVAL_DEMO_CODE,
    });
    round = { id: made.id, status: made.status };
    added++;
  }
  const rid = round.id;

  if (round.status === 'open') {
    // The night: each act performs from 19:30 (12:30 UTC), about six minutes apart; the sheets are locked as it ends.
    const r = await getRound(platform, head, rid);
    const sheets = await platform.db
      .selectFrom('festival_sheets')
      .select(['judge_id', 'entry_id', 'status'])
      .where('round_id', '=', rid)
      .execute();
    for (const slot of r.order) {
      const start = Date.parse('2019-08-19T12:30:00Z') + (slot.position - 1) * 6 * 60_000;
      await setNowPerforming(at(platform, new Date(start).toISOString()), head, rid, slot.position);
      const act = entryIds.indexOf(slot.entryId);
      for (const [j, judge] of r.judges.entries()) {
        if (r.recusals.some((x) => x.judgeId === judge.id && x.entryId === slot.entryId)) continue;
        if (sheets.some((s) => s.judge_id === judge.id && s.entry_id === slot.entryId && s.status === 'locked'))
          continue;
        const scores = Object.fromEntries(criteria.map((c) => [c.code, demoScore(acts[act].quality, j, act, c.code)]));
        const when = at(platform, new Date(start + (5 * 60 + j * 10) * 1000).toISOString());
        const judgeId = judge.userId ? null : judge.id;
        await saveSheet(when, head, rid, slot.entryId, { judgeId, scores });
        await lockSheet(when, head, rid, slot.entryId, { judgeId });
        added++;
      }
    }
    await setNowPerforming(at(platform, '2019-08-19T15:20:00Z'), head, rid, null);
    await closeRound(at(platform, '2019-08-19T15:30:00Z'), head, rid);
    round.status = 'closed';
    added++;
  }
  if (round.status === 'closed') {
    await certifyRound(at(platform, '2019-08-19T15:45:00Z'), head, rid);
    added++;
  }

  // Prizes and the ceremony's acts, decided the next morning.
  const prized = await platform.db
    .selectFrom('festival_prizes')
    .select('id')
    .where('round_id', '=', rid)
    .executeTakeFirst();
  const chosen = await platform.db
    .selectFrom('festival_entries')
    .select('id')
    .where('festival_id', '=', fid)
    .where('ceremony_position', 'is not', null)
    .executeTakeFirst();
  if (!prized || !chosen) {
    const ranking = (
      await platform.db
        .selectFrom('festival_rounds')
        .select('results_json')
        .where('id', '=', rid)
        .executeTakeFirstOrThrow()
    ).results_json;
    const order = (JSON.parse(ranking as string) as { ranking: { entryId: string; rank: number }[] }).ranking;
    const kinds = ['A', 'B', 'B', 'C', 'C', 'C'] as const;
    if (!prized) {
      await setPrizes(at(platform, '2019-08-20T01:00:00Z'), caller, rid, {
        prizes: [
          ...order.map((x, i) => ({ entryId: x.entryId, kind: kinds[i] ?? ('encouragement' as const), title: null })),
          { entryId: entryIds[2], kind: 'special', title: 'Giải tiết mục tốp ca được khán giả yêu thích nhất' },
        ],
      });
      added++;
    }
    if (!chosen) {
      await chooseCeremonyActs(at(platform, '2019-08-20T01:30:00Z'), caller, fid, {
        acts: order
          .slice(0, 3)
          .map((x) => ({ entryId: x.entryId, measuredSeconds: acts[entryIds.indexOf(x.entryId)].measured })),
      });
      added++;
    }
  }
  return added;
}

export const festivalDemo: DemoLoader = { name: 'festival', load: loadFestival };
