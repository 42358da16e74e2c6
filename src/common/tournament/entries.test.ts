import { describe, expect, it } from 'vitest';
import { type EntryContext, type EventRules, entryProblems, type Player } from './entries.ts';

const rules = (over: Partial<EventRules> = {}): EventRules => ({
  kind: 'MS',
  category: { kind: 'open' },
  year: 2019,
  perUnit: 2,
  perPlayer: 2,
  mixedUnits: false,
  deadline: '2019-07-31',
  ...over,
});
const player = (over: Partial<Player> = {}): Player => ({
  personId: 'p1',
  name: 'Nguyễn Văn An',
  gender: 'male',
  birthYear: 1980,
  unitId: 'u1',
  leader: false,
  ...over,
});
const ctx = (over: Partial<EntryContext> = {}): EntryContext => ({
  unitId: 'u1',
  today: '2019-07-20',
  unitEntriesInEvent: 0,
  eventsOf: new Map(),
  alreadyInEvent: new Set(),
  ...over,
});
const en = (r: EventRules, ps: Player[], c = ctx()) => entryProblems(r, ps, c).map((p) => p.en);

describe('who may enter', () => {
  it('takes a worker of the entering unit', () => {
    expect(en(rules(), [player()])).toEqual([]);
  });
  it('refuses someone of another unit or of none, after the deadline, over the unit’s or the player’s limit', () => {
    expect(en(rules(), [player({ unitId: 'u2' })])).toEqual([
      'Nguyễn Văn An holds no current position in the entering unit.',
    ]);
    expect(en(rules(), [player({ unitId: null })])).toHaveLength(1);
    expect(en(rules(), [player()], ctx({ today: '2019-08-01' }))).toEqual(['Entries closed on 31/07/2019.']);
    expect(en(rules(), [player()], ctx({ unitEntriesInEvent: 2 }))[0]).toMatch(/at most 2 entries/);
    expect(en(rules(), [player()], ctx({ eventsOf: new Map([['p1', 2]]) }))[0]).toMatch(/already in 2 events/);
  });
  it('counts ages by birth year', () => {
    const over35 = rules({ category: { kind: 'over', age: 35 } });
    expect(en(over35, [player({ birthYear: 1984 })])).toEqual([]);
    expect(en(over35, [player({ birthYear: 1985 })])[0]).toMatch(/born in 1984 or before/);
    expect(en(over35, [player({ birthYear: null })])[0]).toMatch(/no birth year/);
  });
  it('checks the players of doubles and mixed doubles, partners from one unit unless allowed', () => {
    const woman = player({ personId: 'p2', name: 'Trần Thị Bình', gender: 'female' });
    expect(en(rules({ kind: 'XD' }), [player(), woman])).toEqual([]);
    expect(en(rules({ kind: 'MD' }), [player(), woman])[0]).toMatch(/does not take/);
    expect(en(rules({ kind: 'XD' }), [player(), { ...woman, unitId: 'u2' }])).toContain(
      'Doubles partners must come from the same unit.',
    );
    expect(en(rules({ kind: 'XD', mixedUnits: true }), [player(), { ...woman, unitId: 'u2' }])).toEqual([]);
    expect(en(rules({ kind: 'MD' }), [player()])[0]).toMatch(/takes 2 players/);
  });
  it('keeps the leaders’ category to people in leading positions', () => {
    expect(en(rules({ category: { kind: 'leaders' } }), [player()])[0]).toMatch(/no leading position/);
    expect(en(rules({ category: { kind: 'leaders' } }), [player({ leader: true })])).toEqual([]);
  });
});
