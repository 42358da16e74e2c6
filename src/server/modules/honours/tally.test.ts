import { describe, expect, it } from 'vitest';
import { approvalsNeeded, decideRound, quorumNeeded, type NomineeCount, type SessionRules } from './tally.ts';

const rules = (
  over: Partial<SessionRules['approval']> = {},
  method: SessionRules['method'] = 'approve',
): SessionRules => ({
  quorum: { numerator: 2, denominator: 3 },
  approval: { share: 0.5, strict: true, base: 'members', ...over },
  method,
  tieBreak: 'further_round',
  writtenVotes: true,
});
const n = (id: string, approve: number, reject = 0, abstain = 0, conflicted = 0, points = 0): NomineeCount => ({
  nominationId: id,
  approve,
  reject,
  abstain,
  points,
  conflicted,
});

describe("the Council's rules", () => {
  it('needs two thirds present, rounding up', () => {
    expect(quorumNeeded(rules(), 9)).toBe(6);
    expect(quorumNeeded(rules(), 10)).toBe(7);
    expect(quorumNeeded(rules(), 11)).toBe(8);
    expect(decideRound(rules(), { members: 9, present: 5 }, 1, []).quorumMet).toBe(false);
    expect(decideRound(rules(), { members: 9, present: 6 }, 1, []).quorumMet).toBe(true);
  });

  it('counts "more than 50 %", "at least 70 %" and "at least 90 %" exactly at their edges', () => {
    expect(approvalsNeeded(rules({ share: 0.5, strict: true }), 10)).toBe(6);
    expect(approvalsNeeded(rules({ share: 0.5, strict: true }), 9)).toBe(5);
    expect(approvalsNeeded(rules({ share: 0.7, strict: false }), 10)).toBe(7);
    expect(approvalsNeeded(rules({ share: 0.7, strict: false }), 9)).toBe(7);
    expect(approvalsNeeded(rules({ share: 0.9, strict: false }), 10)).toBe(9);
    expect(approvalsNeeded(rules({ share: 0.9, strict: false }), 11)).toBe(10);
  });

  it('takes the base from all members, those present, or the votes cast; conflicted members leave the base', () => {
    const counts = [n('a', 5, 1, 3), n('b', 5, 1, 3, 1)];
    // members: 11 → needs 6; b has one conflicted member → base 10 → needs 6
    expect(decideRound(rules({ base: 'members' }), { members: 11, present: 9 }, 5, counts).selected).toEqual([]);
    // present: 9 → needs 5; b: 8 → needs 5
    expect(decideRound(rules({ base: 'present' }), { members: 11, present: 9 }, 5, counts).selected.sort()).toEqual([
      'a',
      'b',
    ]);
    // cast: approve + reject = 6 → needs 4
    const cast = decideRound(rules({ base: 'cast', share: 0.7, strict: false }), { members: 11, present: 9 }, 5, [
      n('a', 4, 2, 3),
    ]);
    expect(cast.lines[0]).toMatchObject({ base: 6, needed: 5, passed: false });
  });

  it('fills the seats by approvals, sends a tie across the last seat to a further round, and shows a shortfall', () => {
    const counts = [n('a', 9), n('b', 8), n('c', 7), n('d', 7), n('e', 3)];
    const out = decideRound(rules(), { members: 10, present: 10 }, 3, counts);
    expect(out.selected).toEqual(['a', 'b']);
    expect(out.tied.sort()).toEqual(['c', 'd']);
    expect(out.seatsLeft).toBe(1);
    expect(out.lines.find((l) => l.nominationId === 'e')!.outcome).toBe('not_passed');
    const few = decideRound(rules(), { members: 10, present: 10 }, 3, [n('a', 9), n('b', 2)]);
    expect(few).toMatchObject({ selected: ['a'], tied: [], shortfall: 2 });
    const over = decideRound(rules(), { members: 10, present: 10 }, 2, [n('a', 9), n('b', 8), n('c', 7)]);
    expect(over.selected).toEqual(['a', 'b']);
    expect(over.lines.find((l) => l.nominationId === 'c')!.outcome).toBe('passed_over_quota');
  });

  it('ranks by points when the session ranks', () => {
    const out = decideRound(rules({}, 'rank'), { members: 5, present: 5 }, 2, [
      n('a', 0, 0, 0, 0, 14),
      n('b', 0, 0, 0, 0, 10),
      n('c', 0, 0, 0, 0, 10),
      n('d', 0, 0, 0, 0, 6),
    ]);
    expect(out.selected).toEqual(['a']);
    expect(out.tied.sort()).toEqual(['b', 'c']);
  });
});
