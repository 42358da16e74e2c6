/**
 * The Council's rules and the outcome of a round, pure: the same counts and rules always give the
 * same outcome, so a closed round's result can be recomputed from what it stored.
 *
 * - Quorum: at least numerator/denominator of the roster present (e.g. 2/3).
 * - Approval (method "approve"): a nominee passes when its approvals are more than (strict) or at
 *   least `share` of the base: every member, those present, or the votes cast (approve + reject;
 *   abstentions are not cast). A member with a declared conflict is left out of that nominee's
 *   base and vote.
 * - Ranking (method "rank"): each member orders the nominees; a nominee gets n − position + 1
 *   points (Borda); the most points win the seats.
 * - Seats: when more pass than there are seats, they rank by approvals (or points); nominees tied
 *   across the last seat go to a further round for the seats left, as the session fixed
 *   beforehand; when fewer pass, the shortfall is shown.
 */
export type ApprovalBase = 'members' | 'present' | 'cast';
export type SessionRules = {
  quorum: { numerator: number; denominator: number };
  approval: { share: number; strict: boolean; base: ApprovalBase };
  method: 'approve' | 'rank';
  tieBreak: 'further_round';
  writtenVotes: boolean;
};
export type NomineeCount = {
  nominationId: string;
  approve: number;
  reject: number;
  abstain: number;
  points: number;
  conflicted: number;
};
export type Roster = { members: number; present: number };
export type Line = NomineeCount & {
  base: number;
  needed: number;
  passed: boolean;
  outcome: 'selected' | 'tied' | 'passed_over_quota' | 'not_passed';
};
export type RoundOutcome = {
  quorumNeeded: number;
  quorumMet: boolean;
  lines: Line[];
  selected: string[];
  tied: string[];
  seatsLeft: number;
  shortfall: number;
};

export function quorumNeeded(rules: Pick<SessionRules, 'quorum'>, members: number): number {
  return Math.ceil((members * rules.quorum.numerator) / rules.quorum.denominator - 1e-9);
}

function baseOf(rules: SessionRules, roster: Roster, c: NomineeCount): number {
  if (rules.approval.base === 'members') return Math.max(0, roster.members - c.conflicted);
  if (rules.approval.base === 'present') return Math.max(0, roster.present - c.conflicted);
  return c.approve + c.reject;
}

/** The smallest number of approvals that passes, for a base. */
export function approvalsNeeded(rules: SessionRules, base: number): number {
  const exact = base * rules.approval.share;
  const needed = rules.approval.strict ? Math.floor(exact + 1e-9) + 1 : Math.ceil(exact - 1e-9);
  return Math.max(1, needed);
}

export function decideRound(rules: SessionRules, roster: Roster, seats: number, counts: NomineeCount[]): RoundOutcome {
  const quorum = quorumNeeded(rules, roster.members);
  const score = (c: NomineeCount) => (rules.method === 'rank' ? c.points : c.approve);
  const lines: Line[] = counts.map((c) => {
    const base = baseOf(rules, roster, c);
    const needed = rules.method === 'rank' ? 1 : approvalsNeeded(rules, base);
    const passed = rules.method === 'rank' ? c.points > 0 : base > 0 && c.approve >= needed;
    return { ...c, base, needed, passed, outcome: passed ? 'selected' : 'not_passed' };
  });
  const passing = lines.filter((l) => l.passed).sort((a, b) => score(b) - score(a));
  let selected: string[] = [];
  let tied: string[] = [];
  if (passing.length <= seats) selected = passing.map((l) => l.nominationId);
  else {
    const cut = score(passing[seats - 1]);
    const above = passing.filter((l) => score(l) > cut);
    const atCut = passing.filter((l) => score(l) === cut);
    selected = above.map((l) => l.nominationId);
    if (above.length + atCut.length <= seats) selected.push(...atCut.map((l) => l.nominationId));
    else tied = atCut.map((l) => l.nominationId);
    for (const l of passing) if (score(l) < cut) l.outcome = 'passed_over_quota';
  }
  for (const l of lines) if (tied.includes(l.nominationId)) l.outcome = 'tied';
  const seatsLeft = seats - selected.length;
  return {
    quorumNeeded: quorum,
    quorumMet: roster.present >= quorum,
    lines,
    selected,
    tied,
    seatsLeft,
    shortfall: tied.length ? 0 : seatsLeft,
  };
}
