/**
 * Who may enter an event: the kind of event (singles, doubles, mixed, team), its category (open,
 * over an age by birth year, leaders), the organisers' limits (entries per unit in the event,
 * events per player), doubles partners from one unit unless the organisers allow otherwise, and the
 * entry deadline. Pure: each problem is worded in both languages; an empty list means the entry
 * may be made.
 */
import type { Bilingual } from './scoring.ts';

export const eventKinds = ['MS', 'WS', 'MD', 'WD', 'XD', 'TEAM'] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventKindLabels: Record<EventKind, Bilingual> = {
  MS: { vi: 'Đơn nam', en: "Men's singles" },
  WS: { vi: 'Đơn nữ', en: "Women's singles" },
  MD: { vi: 'Đôi nam', en: "Men's doubles" },
  WD: { vi: 'Đôi nữ', en: "Women's doubles" },
  XD: { vi: 'Đôi nam nữ', en: 'Mixed doubles' },
  TEAM: { vi: 'Đồng đội', en: 'Team event' },
};

export type Category = { kind: 'open' } | { kind: 'over'; age: number } | { kind: 'leaders' };

export type Gender = 'male' | 'female';

export type Player = {
  personId: string;
  name: string;
  gender: Gender | null;
  birthYear: number | null;
  /** The grassroots unit (or its enterprise) the person currently holds a position in; null: none. */
  unitId: string | null;
  /** Holds a leading position (for the "lãnh đạo" category). */
  leader: boolean;
};

export type EventRules = {
  kind: EventKind;
  category: Category;
  /** The year the ages are counted in (the tournament's year). */
  year: number;
  /** Entries one unit may make in this event; null: no limit. */
  perUnit: number | null;
  /** Events one player may enter; null: no limit. */
  perPlayer: number | null;
  /** Doubles partners may come from different units. */
  mixedUnits: boolean;
  /** The last day entries are taken (YYYY-MM-DD, Vietnam time). */
  deadline: string | null;
};

export type EntryContext = {
  /** The unit making the entry. */
  unitId: string;
  /** Today in Vietnam (YYYY-MM-DD). */
  today: string;
  /** Entries the unit already has in this event (this one excluded). */
  unitEntriesInEvent: number;
  /** Events each player is already entered in (this one excluded), by person id. */
  eventsOf: ReadonlyMap<string, number>;
  /** People already entered in this event (this entry excluded). */
  alreadyInEvent: ReadonlySet<string>;
};

const playersNeeded = (kind: EventKind): number | null => (kind === 'TEAM' ? null : kind.endsWith('S') ? 1 : 2);

export function categoryLabel(c: Category): Bilingual {
  if (c.kind === 'open') return { vi: 'Mở rộng', en: 'Open' };
  if (c.kind === 'over') return { vi: `Trên ${c.age} tuổi`, en: `Over ${c.age}` };
  return { vi: 'Lãnh đạo', en: 'Leaders' };
}

export function entryProblems(rules: EventRules, players: readonly Player[], ctx: EntryContext): Bilingual[] {
  const problems: Bilingual[] = [];
  const need = playersNeeded(rules.kind);
  if (rules.deadline && ctx.today > rules.deadline) {
    const [y, m, d] = rules.deadline.split('-');
    problems.push({ vi: `Đã hết hạn đăng ký (${d}/${m}/${y}).`, en: `Entries closed on ${d}/${m}/${y}.` });
  }
  if (need !== null && players.length !== need) {
    problems.push({
      vi: `Nội dung ${eventKindLabels[rules.kind].vi} cần ${need} vận động viên.`,
      en: `${eventKindLabels[rules.kind].en} takes ${need} player${need > 1 ? 's' : ''}.`,
    });
  }
  if (rules.kind === 'TEAM' && players.length < 2) {
    problems.push({ vi: 'Một đội cần ít nhất 2 vận động viên.', en: 'A team needs at least 2 players.' });
  }
  if (new Set(players.map((p) => p.personId)).size !== players.length) {
    problems.push({ vi: 'Một người được ghi hai lần.', en: 'A person is named twice.' });
  }
  if (rules.perUnit !== null && ctx.unitEntriesInEvent >= rules.perUnit) {
    problems.push({
      vi: `Mỗi đơn vị được đăng ký tối đa ${rules.perUnit} lượt ở nội dung này.`,
      en: `A unit may make at most ${rules.perUnit} entries in this event.`,
    });
  }
  for (const p of players) {
    if (
      p.unitId === null ||
      (p.unitId !== ctx.unitId && !rules.mixedUnits) ||
      (p.unitId !== ctx.unitId && rules.kind === 'TEAM')
    ) {
      problems.push({
        vi: `${p.name} không có chức danh hiện hành ở đơn vị đăng ký.`,
        en: `${p.name} holds no current position in the entering unit.`,
      });
    }
    if (ctx.alreadyInEvent.has(p.personId)) {
      problems.push({ vi: `${p.name} đã có tên ở nội dung này.`, en: `${p.name} is already entered in this event.` });
    }
    if (rules.perPlayer !== null && (ctx.eventsOf.get(p.personId) ?? 0) >= rules.perPlayer) {
      problems.push({
        vi: `${p.name} đã đăng ký đủ ${rules.perPlayer} nội dung.`,
        en: `${p.name} is already in ${rules.perPlayer} events, the most allowed.`,
      });
    }
    problems.push(...categoryProblems(rules, p));
  }
  problems.push(...genderProblems(rules.kind, players));
  if (rules.mixedUnits === false && rules.kind !== 'TEAM' && new Set(players.map((p) => p.unitId)).size > 1) {
    problems.push({
      vi: 'Hai vận động viên đánh đôi phải cùng một đơn vị.',
      en: 'Doubles partners must come from the same unit.',
    });
  }
  return problems;
}

function categoryProblems(rules: EventRules, p: Player): Bilingual[] {
  const c = rules.category;
  if (c.kind === 'over') {
    if (p.birthYear === null) {
      return [{ vi: `Chưa có năm sinh của ${p.name}.`, en: `The registry has no birth year for ${p.name}.` }];
    }
    // Ages by birth year: over 35 in 2019 means born in 1984 or before.
    if (rules.year - p.birthYear < c.age) {
      return [
        {
          vi: `${p.name} sinh năm ${p.birthYear}: nhóm trên ${c.age} tuổi cần sinh từ năm ${rules.year - c.age} trở về trước.`,
          en: `${p.name} was born in ${p.birthYear}: over ${c.age} means born in ${rules.year - c.age} or before.`,
        },
      ];
    }
  }
  if (c.kind === 'leaders' && !p.leader) {
    return [{ vi: `${p.name} không giữ chức vụ lãnh đạo.`, en: `${p.name} holds no leading position.` }];
  }
  return [];
}

export function genderProblems(kind: EventKind, players: readonly Player[]): Bilingual[] {
  const want: Record<EventKind, Gender[] | null> = {
    MS: ['male'],
    WS: ['female'],
    MD: ['male', 'male'],
    WD: ['female', 'female'],
    XD: ['female', 'male'],
    TEAM: null,
  };
  const expected = want[kind];
  if (!expected) return [];
  const unknown = players.filter((p) => p.gender === null);
  if (unknown.length > 0) {
    return unknown.map((p) => ({
      vi: `Chưa có giới tính của ${p.name}.`,
      en: `The registry has no gender for ${p.name}.`,
    }));
  }
  const got = players.map((p) => p.gender!).sort();
  if (got.length === expected.length && got.every((g, i) => g === expected[i])) return [];
  return [
    {
      vi: `Nội dung ${eventKindLabels[kind].vi} không nhận đúng thành phần này.`,
      en: `${eventKindLabels[kind].en} does not take these players.`,
    },
  ];
}
