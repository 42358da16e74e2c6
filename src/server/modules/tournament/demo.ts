import { lotsFrom, type Lots } from '../../../common/tournament/lots.ts';
import { gamesToWin, type ScoringRule, scoringRules, isScoringId } from '../../../common/tournament/scoring.ts';
import type { DemoLoader } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemActor } from '../../platform/audit/record.ts';
import { findUserByUsername } from '../../platform/auth/users.ts';
import { type Caller, systemCaller } from '../../platform/policy/caller.ts';
import {
  addPosition,
  createPerson,
  demoGrassroots as grassroots,
  demoPeopleIn,
  unitByCode,
} from '../organisation/index.ts';
import { drawEvent } from './draws.ts';
import { decideEntry, makeEntry } from './entries.ts';
import { planOrderOfPlay } from './orderOfPlay.ts';
import { assignUmpire, recordResult } from './results.ts';
import { recordRubber, setLineup } from './ties.ts';
import type { EventInput, ResultInput } from './schema.ts';
import { addEvent, createTournament } from './tournaments.ts';

/**
 * The seed's tournament (II.3) as demo data: the workers' badminton tournament of the Bloc led by
 * the Veterans' Association, played 15–17/8/2019 at the provincial sports hall, finished before
 * the plan's 20/8/2019. Everything goes through the module's services, so every rule is checked
 * as it would be for a person: sixteen grassroots units put their workers (about 120, added to the
 * registry as workers of their enterprises) into five events, and four of them a team into the
 * team event, in July, before entries close on 31/7; the organisers return three entries with a reason (two are replaced) and confirm the rest
 * with seeds for the strongest; each event is drawn with a fixed random seed; the order of play is
 * worked out on the four courts and worked out again from the present as each round's players
 * become known; results follow, day by day, with valid Law 7 scores from a seeded generator (one
 * walkover, one retirement; a tie's rubbers between the captains' line-ups), up to the finals on 17/8/2019. The platform's clock is set to each
 * step's date (the services read it: an entry after the deadline is refused). Idempotent: people
 * are found by name in their enterprise, the tournament by its code, events by code, entries by
 * their players; only what is missing is added, and results resume where they stopped.
 */
export const TOURNAMENT_DEMO_CODE = 'CL2019';
const SEED = 'CL2019';
const DAYS = ['2019-08-15', '2019-08-16', '2019-08-17'];
const UNITS = grassroots.slice(0, 16);

type Key = 'M1' | 'M2' | 'M3' | 'M4' | 'M5' | 'M6' | 'M7' | 'V' | 'W1' | 'W2' | 'R';
type Worker = {
  unit: number;
  key: Key;
  fullName: string;
  gender: 'male' | 'female';
  birthYear: number;
  rating: number;
};

const families = 'Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Ngô Dương Đinh Phan Trịnh Mai Tạ Lưu Đào Hà Tô'.split(' ');
const menMiddle = 'Văn Đức Minh Quang Hữu Công Xuân Thanh Mạnh Tiến Ngọc Trọng'.split(' ');
const menGiven =
  'Hùng Dũng Tuấn Thắng Cường Hải Long Nam Phong Sơn Tùng Quân Trung Khánh Hiếu Đạt Thành Hưng Vinh Toàn Lâm Bình Huy Tài Kiên Duy Thịnh Nghĩa'.split(
    ' ',
  );
const womenMiddle = 'Thị Thu Ngọc Thanh Phương Hồng Minh Kim'.split(' ');
const womenGiven = 'Lan Hương Mai Hoa Thảo Trang Linh Hà Nga Yến Nhung Hạnh Loan Vân Huyền Dung'.split(' ');

/** Who each unit brings: five men and a woman everywhere; a sixth man, a second woman or a veteran and a reserve in some; two replacements. */
function rosterKeys(u: number): Key[] {
  const keys: Key[] = ['M1', 'M2', 'M3', 'M4', 'M5', 'W1'];
  if (u < 4) keys.push('M6');
  if (u >= 4 && u < 10) keys.push('W2');
  if (u >= 10) keys.push('V', 'R');
  if (u === 5 || u === 12) keys.push('M7');
  return keys;
}

/** The workers, invented but reproducible: names, birth years and playing strength from one seed. */
export function demoWorkers(): Worker[] {
  const lots = lotsFrom(`${SEED}:vận động viên`);
  const taken = new Set<string>();
  const out: Worker[] = [];
  for (const [u] of UNITS.entries()) {
    for (const key of rosterKeys(u)) {
      const gender = key.startsWith('W') ? 'female' : 'male';
      let fullName = '';
      do {
        fullName =
          gender === 'male'
            ? `${lots.pick(families)} ${lots.pick(menMiddle)} ${lots.pick(menGiven)}`
            : `${lots.pick(families)} ${lots.pick(womenMiddle)} ${lots.pick(womenGiven)}`;
      } while (taken.has(fullName));
      taken.add(fullName);
      const birthYear = key === 'V' ? 1962 + lots.below(13) : 1975 + lots.below(24);
      out.push({ unit: u, key, fullName, gender, birthYear, rating: 40 + lots.below(61) });
    }
  }
  return out;
}

type EventPlan = EventInput & { seeds: number };
const event = (
  e: Pick<EventInput, 'code' | 'name' | 'kind' | 'format'> & Partial<EventInput> & { seeds: number },
): EventPlan => ({
  category: { kind: 'open' },
  scoring: 'bo3-21',
  groupCount: null,
  qualifiersPerGroup: null,
  thirdPlace: 'shared',
  entriesPerUnit: 2,
  mixedUnits: false,
  matchMinutes: 40,
  tieFormat: null,
  ...e,
});

export const demoEvents: EventPlan[] = [
  event({ code: 'MS', name: 'Đơn nam', kind: 'MS', format: 'knockout', seeds: 8 }),
  event({ code: 'WS', name: 'Đơn nữ', kind: 'WS', format: 'groups', groupCount: 1, matchMinutes: 35, seeds: 2 }),
  event({ code: 'MD', name: 'Đôi nam', kind: 'MD', format: 'knockout', seeds: 4 }),
  event({ code: 'XD', name: 'Đôi nam nữ', kind: 'XD', format: 'knockout', seeds: 4 }),
  event({
    code: 'MS45',
    name: 'Đơn nam trên 45 tuổi',
    kind: 'MS',
    format: 'groups',
    groupCount: 1,
    category: { kind: 'over', age: 45 },
    matchMinutes: 35,
    seeds: 2,
  }),
  // The team event between units (ADR 35): four units' teams of five, ties of five rubbers, 3 to win.
  event({
    code: 'TEAM',
    name: 'Đồng đội',
    kind: 'TEAM',
    format: 'knockout',
    entriesPerUnit: 1,
    matchMinutes: 120,
    tieFormat: {
      rubbers: ['MS', 'WS', 'MD', 'XD', 'MS'],
      playAll: false,
      playerRubbers: 'singles_and_doubles',
      rosterMin: 4,
      rosterMax: 6,
    },
    seeds: 1,
  }),
];

/**
 * The teams: units whose roster players are in at most one other event (two per player), each
 * with its first four men and its first woman. A captain's line-up, by the roster's order: the
 * first man in the first singles and the mixed doubles, the woman in the women's singles and the
 * mixed, the third and fourth men in the men's doubles, the second man in the second singles.
 */
const TEAM_UNITS = [4, 6, 7, 8];
const TEAM_KEYS: Key[] = ['M1', 'M2', 'M3', 'M4', 'W1'];
export const demoLineup = [[0], [4], [2, 3], [0, 4], [1]];

type EntryPlan = { event: string; unit: number; keys: Key[]; returned?: string; replaces?: boolean };

/** The units' entries: two per unit per event at most, two events per player at most. */
export function demoEntries(): EntryPlan[] {
  const out: EntryPlan[] = [];
  for (const [u] of UNITS.entries()) {
    out.push({ event: 'MS', unit: u, keys: ['M1'] });
    out.push({
      event: 'MS',
      unit: u,
      keys: ['M2'],
      returned: u === 5 ? 'Vận động viên bị chấn thương, đơn vị đề nghị thay người.' : undefined,
    });
    out.push({
      event: 'MD',
      unit: u,
      keys: ['M3', 'M4'],
      returned:
        u === 12 ? 'Thiếu giấy khám sức khỏe của vận động viên thứ hai; đề nghị bổ sung hoặc thay người.' : undefined,
    });
    if (u < 4) out.push({ event: 'MD', unit: u, keys: ['M5', 'M6'] });
    out.push({
      event: 'XD',
      unit: u,
      keys: u < 4 ? ['M2', 'W1'] : ['M5', 'W1'],
      returned: u === 14 ? 'Hồ sơ thiếu ảnh và bản sao thẻ nhân viên; đơn vị không bổ sung trước hạn.' : undefined,
    });
    if (u >= 4 && u < 10) out.push({ event: 'WS', unit: u, keys: ['W2'] });
    if (u >= 10) out.push({ event: 'MS45', unit: u, keys: ['V'] });
    if (TEAM_UNITS.includes(u)) out.push({ event: 'TEAM', unit: u, keys: TEAM_KEYS });
  }
  // Replacements for two of the returned entries, entered before the deadline.
  out.push({ event: 'MS', unit: 5, keys: ['M7'], replaces: true });
  out.push({ event: 'MD', unit: 12, keys: ['M3', 'M7'], replaces: true });
  return out;
}

/** A clock for one step of the story: starts at `iso` and moves a second each time it is read. */
function at(platform: Platform, iso: string): Platform {
  let t = Date.parse(iso);
  return {
    ...platform,
    clock: () => {
      t += 1000;
      return new Date(t);
    },
  };
}

/** A won game under the rule: mostly to `points`, sometimes through setting (two clear), rarely to the cap. */
function wonGame(rule: ScoringRule, lots: Lots): [number, number] {
  const r = lots.below(100);
  if (r < 80) return [rule.points, 3 + lots.below(rule.points - 4)];
  if (r < 96) {
    const lo = rule.points - 1 + lots.below(rule.cap - rule.points);
    return [lo + 2, lo];
  }
  return [rule.cap, rule.cap - 1];
}

/** A match's score: the stronger side more likely to win, every game one the Laws allow. */
export function demoScore(rule: ScoringRule, seed: string, strength: [number, number]): ResultInput {
  const lots = lotsFrom(seed);
  const chanceA = Math.min(85, Math.max(15, 50 + Math.round((strength[0] - strength[1]) * 0.8)));
  const winner: 0 | 1 = lots.below(100) < chanceA ? 0 : 1;
  const need = gamesToWin(rule);
  // Lost games: often as many as the match allows (a three-game match), else fewer.
  const lost = need === 1 ? 0 : lots.below(100) < 40 ? need - 1 : lots.below(need - 1);
  const order = lots.shuffle([...Array(need - 1).fill(winner), ...Array(lost).fill(1 - winner)]);
  const games = [...order, winner].map((w) => {
    const [hi, lo] = wonGame(rule, lots);
    return (w === 0 ? [hi, lo] : [lo, hi]) as [number, number];
  });
  return { games, outcome: null, winner: null };
}

type Step = { added: number };

async function ensureWorkers(platform: Platform, caller: Caller, step: Step, unitIds: Map<string, string>) {
  const ids = new Map<string, string>();
  const p = at(platform, '2019-07-01T01:00:00Z');
  // The demo people already in the enterprises, found by name (one query for all).
  const enterprises = UNITS.map((g) => unitIds.get(`${g.code}-DN`)!);
  const known = new Map((await demoPeopleIn(platform, enterprises)).map((r) => [`${r.unitId}:${r.fullName}`, r.id]));
  for (const w of demoWorkers()) {
    const g = UNITS[w.unit];
    const enterprise = unitIds.get(`${g.code}-DN`)!;
    const found = known.get(`${enterprise}:${w.fullName}`);
    if (found) {
      ids.set(`${w.unit}:${w.key}`, found);
      continue;
    }
    const person = await createPerson(p, caller, {
      fullName: w.fullName,
      gender: w.gender,
      birthYear: w.birthYear,
      address: 'Tỉnh Thái Bình',
      isDemo: true,
    });
    const hired = Math.max(Number(g.validFrom.slice(0, 4)), w.birthYear + 20, 2005);
    await addPosition(p, caller, person.id, {
      unitId: enterprise,
      title: w.key === 'R' ? 'Công nhân (vận động viên dự bị)' : 'Công nhân',
      validFrom: `${Math.min(hired, 2018)}-03-01`,
    });
    ids.set(`${w.unit}:${w.key}`, person.id);
    step.added++;
  }
  return ids;
}

async function loadTournament(platform: Platform): Promise<number> {
  const unitIds = new Map<string, string>();
  for (const code of ['CCB', ...UNITS.flatMap((g) => [g.code, `${g.code}-DN`])]) {
    const u = await unitByCode(platform.db, code);
    if (u) unitIds.set(code, u.id);
  }
  if (!unitIds.has('CCB') || UNITS.some((g) => !unitIds.has(`${g.code}-DN`))) return 0;
  const caller = systemCaller('demo');
  const step: Step = { added: 0 };
  const people = await ensureWorkers(platform, caller, step, unitIds);
  const strength = new Map(demoWorkers().map((w) => [people.get(`${w.unit}:${w.key}`)!, w.rating]));

  // The tournament and its events, set up by the organisers on 1/7/2019.
  let tournament = await platform.db
    .selectFrom('tournaments')
    .select('id')
    .where('code', '=', TOURNAMENT_DEMO_CODE)
    .executeTakeFirst();
  if (!tournament) {
    const t = await createTournament(
      at(platform, '2019-07-01T02:00:00Z'),
      caller,
      {
        code: TOURNAMENT_DEMO_CODE,
        name: 'Giải cầu lông công nhân viên chức lao động Khối Doanh nghiệp tỉnh năm 2019',
        venue: 'Nhà thi đấu thể dục thể thao tỉnh Thái Bình',
        startsOn: DAYS[0],
        endsOn: DAYS[2],
        entryDeadline: '2019-07-31',
        organiserUnitId: unitIds.get('CCB')!,
        restMinutes: 20,
        eventsPerPlayer: 2,
        courts: [1, 2, 3, 4].map((n) => ({
          name: `Sân ${n}`,
          hours: DAYS.flatMap((day) => [
            { day, from: '07:30', to: '11:30' },
            { day, from: '14:00', to: '17:30' },
          ]),
        })),
      },
      { isDemo: true },
    );
    tournament = { id: t.id };
    step.added++;
  }
  const tid = tournament.id;
  const eventRows = async () =>
    new Map(
      (
        await platform.db
          .selectFrom('tournament_events')
          .select(['id', 'code'])
          .where('tournament_id', '=', tid)
          .execute()
      ).map((e) => [e.code, e.id]),
    );
  let events = await eventRows();
  for (const e of demoEvents) {
    if (events.has(e.code)) continue;
    const { seeds: _, ...input } = e;
    await addEvent(at(platform, '2019-07-01T03:00:00Z'), caller, tid, input);
    step.added++;
  }
  events = await eventRows();
  const drawn = new Set(
    (
      await platform.db
        .selectFrom('tournament_draws')
        .select('event_id')
        .where('event_id', 'in', [...events.values()])
        .execute()
    ).map((d) => d.event_id),
  );

  // Entries: each unit enters its own workers in July; returns on 26/7, replacements on 29/7.
  const existing = await platform.db
    .selectFrom('tournament_entries as e')
    .innerJoin('tournament_entry_players as p', 'p.entry_id', 'e.id')
    .select(['e.id', 'e.event_id', 'e.status', 'p.person_id'])
    .where('e.event_id', 'in', [...events.values()])
    .execute();
  const playersOf = new Map<string, { event: string; status: string; people: string[] }>();
  for (const r of existing) {
    const x = playersOf.get(r.id) ?? { event: r.event_id, status: r.status, people: [] };
    x.people.push(r.person_id);
    playersOf.set(r.id, x);
  }
  const entryOf = (plan: EntryPlan) => {
    const want = plan.keys.map((k) => people.get(`${plan.unit}:${k}`)!).sort();
    for (const [id, x] of playersOf)
      if (
        x.event === events.get(plan.event) &&
        x.people.length === want.length &&
        [...x.people].sort().every((p, i) => p === want[i])
      )
        return { id, status: x.status };
    return null;
  };
  const unitCaller = (u: number): Caller => ({
    actor: systemActor(`demo (${UNITS[u].code})`),
    grants: [{ role: 'unit_officer', unitId: unitIds.get(UNITS[u].code)! }],
  });
  const plans = demoEntries();
  const enter = async (plan: EntryPlan, when: string) => {
    const eventId = events.get(plan.event)!;
    if (drawn.has(eventId) || entryOf(plan)) return;
    const made = await makeEntry(at(platform, when), unitCaller(plan.unit), tid, {
      eventId,
      unitId: unitIds.get(UNITS[plan.unit].code)!,
      personIds: plan.keys.map((k) => people.get(`${plan.unit}:${k}`)!),
    });
    playersOf.set(made.id, { event: eventId, status: 'submitted', people: made.players.map((p) => p.id) });
    step.added++;
  };
  for (const plan of plans.filter((x) => !x.replaces)) {
    const day = String(5 + plan.unit).padStart(2, '0');
    await enter(plan, `2019-07-${day}T02:00:00Z`);
  }
  const decide = async (
    plan: EntryPlan,
    when: string,
    decision: { decision: 'confirm' | 'return'; reason: string; seed: number | null },
  ) => {
    const found = entryOf(plan);
    if (found?.status !== 'submitted' || drawn.has(events.get(plan.event)!)) return;
    await decideEntry(at(platform, when), caller, tid, found.id, decision);
    playersOf.get(found.id)!.status = decision.decision === 'confirm' ? 'confirmed' : 'returned';
    step.added++;
  };
  for (const plan of plans.filter((x) => x.returned))
    await decide(plan, '2019-07-26T02:00:00Z', { decision: 'return', reason: plan.returned!, seed: null });
  for (const plan of plans.filter((x) => x.replaces)) await enter(plan, '2019-07-29T02:00:00Z');

  // Confirmed on 5/8/2019, the strongest seeded (at most a quarter of the event).
  for (const e of demoEvents) {
    const confirmed = plans.filter((x) => x.event === e.code && !x.returned);
    const power = (x: EntryPlan) =>
      x.keys.reduce((s, k) => s + strength.get(people.get(`${x.unit}:${k}`)!)!, 0) / x.keys.length;
    const ranked = [...confirmed].sort((a, b) => power(b) - power(a) || a.unit - b.unit);
    const seeds = Math.min(e.seeds, Math.floor(confirmed.length / 4));
    for (const plan of confirmed) {
      const rank = ranked.indexOf(plan);
      await decide(plan, '2019-08-05T02:00:00Z', {
        decision: 'confirm',
        reason: '',
        seed: rank < seeds ? rank + 1 : null,
      });
    }
  }

  // The draws, in public on 8/8/2019, each with its fixed random seed.
  for (const e of demoEvents) {
    const eventId = events.get(e.code)!;
    if (drawn.has(eventId)) continue;
    await drawEvent(at(platform, '2019-08-08T02:00:00Z'), caller, tid, eventId, { randomSeed: `${SEED}-${e.code}` });
    drawn.add(eventId);
    step.added++;
  }

  // The demo umpire takes the men's singles final.
  const umpire = await findUserByUsername(platform.db, 'demo.trongtai');
  if (umpire) {
    const final = await platform.db
      .selectFrom('tournament_matches as m')
      .select(['m.id', 'm.umpire_user_id'])
      .where('m.event_id', '=', events.get('MS')!)
      .where('m.stage', '=', 'knockout')
      .where('m.code', '!=', 'R3P')
      .orderBy('m.round', 'desc')
      .executeTakeFirst();
    if (final && final.umpire_user_id === null) {
      await assignUmpire(at(platform, '2019-08-12T02:00:00Z'), caller, tid, final.id, umpire.id);
      step.added++;
    }
  }

  await playMatches(platform, caller, tid, strength, step);
  return step.added;
}

/**
 * The days of play: the order of play worked out, then the matches whose sides are known and that
 * start before the first match still waiting for a side are played (the clock at each one's end),
 * then the order of play worked out again from that moment with the players now known, and so on
 * to the finals.
 */
async function playMatches(platform: Platform, caller: Caller, tid: string, strength: Map<string, number>, step: Step) {
  const eventsById = new Map(
    (
      await platform.db
        .selectFrom('tournament_events')
        .select(['id', 'code', 'scoring', 'tie_format_json'])
        .where('tournament_id', '=', tid)
        .execute()
    ).map((e) => [e.id, e]),
  );
  const players = await platform.db
    .selectFrom('tournament_entry_players')
    .select(['entry_id', 'person_id'])
    .orderBy('position')
    .where('entry_id', 'in', (eb) =>
      eb
        .selectFrom('tournament_entries')
        .select('id')
        .where('event_id', 'in', [...eventsById.keys()]),
    )
    .execute();
  const power = (entry: string) => {
    const ps = players.filter((p) => p.entry_id === entry);
    return ps.reduce((s, p) => s + (strength.get(p.person_id) ?? 50), 0) / Math.max(1, ps.length);
  };
  const open = () =>
    platform.db
      .selectFrom('tournament_matches')
      .select(['id', 'code', 'event_id', 'entry_a', 'entry_b', 'planned_start', 'planned_end', 'court_id'])
      .where('event_id', 'in', [...eventsById.keys()])
      .where('walk_through', '=', 0)
      .where('winner_side', 'is', null)
      .execute();
  const lastPlayed = await platform.db
    .selectFrom('tournament_matches')
    .select((eb) => eb.fn.max('finished_at').as('at'))
    .where('event_id', 'in', [...eventsById.keys()])
    .executeTakeFirst();
  let now = lastPlayed?.at ? String(lastPlayed.at) : '2019-08-12T02:00:00.000Z';
  for (let rounds = 0; rounds < 200; rounds++) {
    if ((await open()).length === 0) return;
    const plan = await planOrderOfPlay(at(platform, now), caller, tid);
    if (plan.unplaced > 0) throw new Error(`the demo's order of play left ${plan.unplaced} matches unplaced`);
    const rows = await open();
    const waiting = rows.filter((r) => !r.entry_a || !r.entry_b).map((r) => r.planned_start!);
    const horizon = waiting.length > 0 ? waiting.sort()[0] : '9999';
    const wave = rows
      .filter((r) => r.entry_a && r.entry_b && r.planned_start! < horizon)
      .sort((a, b) => a.planned_start!.localeCompare(b.planned_start!) || a.court_id!.localeCompare(b.court_id!));
    if (wave.length === 0) throw new Error('the demo found no match to play');
    for (const m of wave) {
      const ev = eventsById.get(m.event_id)!;
      const rule = scoringRules[isScoringId(ev.scoring) ? ev.scoring : 'bo3-21'];
      const seed = `${SEED}:${ev.code}:${m.code}`;
      if (ev.tie_format_json) {
        const roster = (entry: string) => players.filter((p) => p.entry_id === entry).map((p) => p.person_id);
        const average = (ids: string[]) => ids.reduce((s, id) => s + (strength.get(id) ?? 50), 0) / ids.length;
        step.added += await playTie(platform, caller, tid, m, rule, seed, roster, average);
        continue;
      }
      let result: ResultInput;
      let when = m.planned_end!;
      if (ev.code === 'MS' && m.code === 'R1-7') {
        // A player who does not come to the court: a walkover, no score.
        result = { games: [], outcome: 'walkover', winner: 'a' };
        when = m.planned_start!;
      } else if (ev.code === 'MD' && m.code === 'R3-2') {
        // An injury in the second game: the score at that moment stands.
        const first: [number, number] = [rule.points - 7 + lotsFrom(seed).below(6), rule.points];
        result = { games: [first, [11, 7]], outcome: 'retired', winner: 'b' };
      } else {
        result = demoScore(rule, seed, [power(m.entry_a!), power(m.entry_b!)]);
      }
      await recordResult(at(platform, new Date(Date.parse(when) - 1000).toISOString()), caller, tid, m.id, result);
      step.added++;
    }
    now = horizon === '9999' ? now : horizon;
  }
  throw new Error('the demo’s days of play did not end');
}

/**
 * A tie on its court: both captains' line-ups half an hour before, then the rubbers in order until
 * a team has the three it needs, each ending at its share of the tie's time (the last at its end).
 */
async function playTie(
  platform: Platform,
  caller: Caller,
  tid: string,
  m: {
    id: string;
    entry_a: string | null;
    entry_b: string | null;
    planned_start: string | null;
    planned_end: string | null;
  },
  rule: ScoringRule,
  seed: string,
  rosterOf: (entry: string) => string[],
  power: (people: string[]) => number,
): Promise<number> {
  const start = Date.parse(m.planned_start!);
  const length = Date.parse(m.planned_end!) - start;
  const lineups = [m.entry_a!, m.entry_b!].map((entry) => {
    const roster = rosterOf(entry);
    return demoLineup.map((rubber) => rubber.map((i) => roster[i]!));
  });
  let added = 0;
  for (const [i, side] of (['a', 'b'] as const).entries()) {
    await setLineup(at(platform, new Date(start - 30 * 60_000).toISOString()), caller, tid, m.id, {
      side,
      rubbers: lineups[i]!,
    });
    added++;
  }
  // The rubbers' scores first, to the one that decides: the tie's time is shared among those played.
  const results: ResultInput[] = [];
  const won = [0, 0];
  for (let n = 1; n <= demoLineup.length && Math.max(...won) < Math.ceil(demoLineup.length / 2); n++) {
    const result = demoScore(rule, `${seed}:${n}`, [power(lineups[0]![n - 1]!), power(lineups[1]![n - 1]!)]);
    const games = result.games.filter(([x, y]) => x > y).length;
    won[games * 2 > result.games.length ? 0 : 1]!++;
    results.push(result);
  }
  for (const [i, result] of results.entries()) {
    const when = new Date(start + (length * (i + 1)) / results.length - 1000).toISOString();
    await recordRubber(at(platform, when), caller, tid, m.id, i + 1, result);
    added++;
  }
  return added;
}

export const tournamentDemo: DemoLoader = { name: 'tournament', load: loadTournament };
