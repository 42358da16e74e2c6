import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';

/**
 * The Council's encrypted ballot (ADR 12), the same code in the member's browser and on the server.
 *
 * Exponential ElGamal on ristretto255: a value m ∈ {0, 1} is encrypted for the session's public key
 * K = x·G as (r·G, m·G + r·K). Ciphertexts add up: the sum of the ballots encrypts the count, and
 * only the holder of x (the Council's chair, on their own device) can decrypt it.
 *
 * A ballot is a grid of 0/1 cells: one row per nominee the member votes on, one column per choice
 * (approve / reject / abstain) or per place (ranking, Borda). Every cell carries a proof that it
 * encrypts 0 or 1 (disjunctive Chaum–Pedersen), every row a proof that it sums to 1 (one choice per
 * nominee, one place per nominee), and for a ranking every column too (one nominee per place). The
 * proofs are non-interactive (Fiat–Shamir), bound to the round and to the cell's place, so a cell
 * cannot be moved to another nominee, another choice or another round. Decrypted totals come with
 * a proof that the decryption used the session's key (Chaum–Pedersen).
 */
type Point = InstanceType<typeof ristretto255.Point>;
const P = ristretto255.Point;
const G = P.BASE;
const order = P.Fn.ORDER;
const DST = 'kyniem-ballot-v1';

export type Ciphertext = { a: string; b: string };
/** A cell's proof: the two branches' challenges and responses (hex scalars). */
export type BitProof = { c0: string; c1: string; s0: string; s1: string };
export type SumProof = { c: string; s: string };
export type Cell = Ciphertext & { proof: BitProof };
export type BallotRow = { nominationId: string; cells: Cell[]; sum: SumProof };
export type EncryptedBallot = { rows: BallotRow[]; columns: SumProof[] };
export type KeyProof = SumProof;
export type DecryptionShare = { d: string; proof: SumProof };

const mod = (n: bigint) => ((n % order) + order) % order;
const hexOf = (n: bigint) => n.toString(16).padStart(64, '0');
export const encodePoint = (p: Point) => p.toHex();

/** A scalar in [1, order), from 64 random bytes (bias below 2⁻²⁵⁰). */
export function randomScalar(): bigint {
  const bytes = crypto.getRandomValues(new Uint8Array(64));
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return mod(n) || 1n;
}

export class BallotFormatError extends Error {}

/** A point from its canonical ristretto255 encoding, or a format error. */
export function decodePoint(hex: unknown): Point {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) throw new BallotFormatError('point');
  try {
    return P.fromHex(hex);
  } catch {
    throw new BallotFormatError('point');
  }
}

function decodeScalar(hex: unknown): bigint {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) throw new BallotFormatError('scalar');
  const n = BigInt(`0x${hex}`);
  if (n >= order) throw new BallotFormatError('scalar');
  return n;
}

/** The Fiat–Shamir challenge: a hash of the statement's context and every point, onto the scalars. */
function challenge(context: string, points: Point[]): bigint {
  const text = [context, ...points.map((p) => p.toHex())].join('|');
  return ristretto255_hasher.hashToScalar(new TextEncoder().encode(text), { DST });
}

/** n·p for any scalar, 0 included (multiply refuses 0). */
const times = (p: Point, n: bigint) => {
  const k = mod(n);
  return k === 0n ? P.ZERO : p.multiply(k);
};
/** The same on public values only (checking proofs, adding totals): not constant-time, several times faster. */
const publicTimes = (p: Point, n: bigint) => p.multiplyUnsafe(mod(n));

// ---- keys ----

export function publicKeyOf(secret: bigint): string {
  return encodePoint(G.multiply(secret));
}

/** A new key pair, with a proof (Schnorr) that its holder knows the secret. */
export function generateKey(context: string) {
  const x = randomScalar();
  const K = G.multiply(x);
  const w = randomScalar();
  const T = G.multiply(w);
  const c = challenge(`key|${context}`, [K, T]);
  return { secret: hexOf(x), publicKey: encodePoint(K), proof: { c: hexOf(c), s: hexOf(mod(w + c * x)) } };
}

export function verifyKey(context: string, publicKey: string, proof: KeyProof): boolean {
  const K = decodePoint(publicKey);
  if (K.is0()) return false;
  const c = decodeScalar(proof.c);
  const s = decodeScalar(proof.s);
  const T = publicTimes(G, s).subtract(publicTimes(K, c));
  return challenge(`key|${context}`, [K, T]) === c;
}

export const secretOf = (hex: string) => decodeScalar(hex);

// ---- encryption of one cell, proved 0 or 1 ----

function encryptBit(K: Point, m: 0 | 1, context: string): { cell: Cell; r: bigint } {
  const r = randomScalar();
  const A = G.multiply(r);
  const B = K.multiply(r).add(times(G, BigInt(m)));
  // branch j claims (A, B − j·G) = (r·G, r·K); the real branch is m, the other is simulated
  const other = 1 - m;
  const cOther = randomScalar();
  const sOther = randomScalar();
  const w = randomScalar();
  const commit: Point[][] = [[], []];
  commit[m] = [G.multiply(w), K.multiply(w)];
  commit[other] = [
    G.multiply(sOther).subtract(A.multiply(cOther)),
    K.multiply(sOther).subtract(times(B.subtract(times(G, BigInt(other))), cOther)),
  ];
  const c = challenge(`bit|${context}`, [K, A, B, ...commit[0], ...commit[1]]);
  const cReal = mod(c - cOther);
  const sReal = mod(w + cReal * r);
  const cs = m === 0 ? [cReal, cOther] : [cOther, cReal];
  const ss = m === 0 ? [sReal, sOther] : [sOther, sReal];
  return {
    cell: {
      a: encodePoint(A),
      b: encodePoint(B),
      proof: { c0: hexOf(cs[0]), c1: hexOf(cs[1]), s0: hexOf(ss[0]), s1: hexOf(ss[1]) },
    },
    r,
  };
}

function verifyBit(K: Point, cell: Cell, context: string): { A: Point; B: Point } {
  const A = decodePoint(cell.a);
  const B = decodePoint(cell.b);
  const c0 = decodeScalar(cell.proof?.c0);
  const c1 = decodeScalar(cell.proof?.c1);
  const s0 = decodeScalar(cell.proof?.s0);
  const s1 = decodeScalar(cell.proof?.s1);
  const branch = (j: bigint, c: bigint, s: bigint) => [
    publicTimes(G, s).subtract(publicTimes(A, c)),
    publicTimes(K, s).subtract(publicTimes(B.subtract(publicTimes(G, j)), c)),
  ];
  const c = challenge(`bit|${context}`, [K, A, B, ...branch(0n, c0, s0), ...branch(1n, c1, s1)]);
  if (mod(c0 + c1) !== c) throw new BallotFormatError('bit');
  return { A, B };
}

/** Proves that (A, B) encrypts `value`, knowing its randomness r: (A, B − value·G) = (r·G, r·K). */
function proveValue(K: Point, A: Point, B: Point, r: bigint, value: number, context: string): SumProof {
  const w = randomScalar();
  const c = challenge(`sum|${value}|${context}`, [K, A, B, G.multiply(w), K.multiply(w)]);
  return { c: hexOf(c), s: hexOf(mod(w + c * r)) };
}

function verifyValue(K: Point, A: Point, B: Point, value: number, proof: SumProof, context: string): void {
  const c = decodeScalar(proof?.c);
  const s = decodeScalar(proof?.s);
  const t1 = publicTimes(G, s).subtract(publicTimes(A, c));
  const t2 = publicTimes(K, s).subtract(publicTimes(B.subtract(publicTimes(G, BigInt(value))), c));
  if (challenge(`sum|${value}|${context}`, [K, A, B, t1, t2]) !== c) throw new BallotFormatError('sum');
}

const cellContext = (roundId: string, nominationId: string, column: number) => `${roundId}|${nominationId}|${column}`;

/**
 * Encrypts a ballot for the session's key: `grid` has one row per nominee (its id and one 0/1 per
 * column); every row must hold exactly one 1, and for a ranking (`columnsSumToOne`) every column too.
 */
export function encryptBallot(
  publicKey: string,
  roundId: string,
  grid: { nominationId: string; cells: (0 | 1)[] }[],
  columnsSumToOne: boolean,
): EncryptedBallot {
  const K = decodePoint(publicKey);
  const width = grid[0]?.cells.length ?? 0;
  const rs: bigint[][] = [];
  const rows: BallotRow[] = grid.map((row, i) => {
    if (row.cells.reduce<number>((a, b) => a + b, 0) !== 1) throw new BallotFormatError('row');
    const made = row.cells.map((m, j) => encryptBit(K, m, cellContext(roundId, row.nominationId, j)));
    rs[i] = made.map((x) => x.r);
    const A = made.reduce((acc, x) => acc.add(decodePoint(x.cell.a)), P.ZERO);
    const B = made.reduce((acc, x) => acc.add(decodePoint(x.cell.b)), P.ZERO);
    const r = mod(rs[i].reduce((a, b) => a + b, 0n));
    return {
      nominationId: row.nominationId,
      cells: made.map((x) => x.cell),
      sum: proveValue(K, A, B, r, 1, `${roundId}|${row.nominationId}|row`),
    };
  });
  const columns: SumProof[] = [];
  if (columnsSumToOne) {
    for (let j = 0; j < width; j++) {
      if (grid.reduce((a, row) => a + row.cells[j], 0) !== 1) throw new BallotFormatError('column');
      const A = rows.reduce((acc, row) => acc.add(decodePoint(row.cells[j].a)), P.ZERO);
      const B = rows.reduce((acc, row) => acc.add(decodePoint(row.cells[j].b)), P.ZERO);
      const r = mod(rs.reduce((a, row) => a + row[j], 0n));
      columns.push(proveValue(K, A, B, r, 1, `${roundId}|column|${j}`));
    }
  }
  return { rows, columns };
}

export type VerifiedBallot = { rows: { nominationId: string; cells: { A: Point; B: Point }[] }[] };

/**
 * Checks a ballot's shape and every proof against the session's key: the rows are exactly
 * `nominees` (in any order), each `width` cells wide, each cell 0 or 1, each row one 1 and, when
 * asked, each column one 1. Throws BallotFormatError on the first thing that does not hold.
 */
export function verifyBallot(
  publicKey: string,
  roundId: string,
  ballot: EncryptedBallot,
  nominees: string[],
  width: number,
  columnsSumToOne: boolean,
): VerifiedBallot {
  const K = decodePoint(publicKey);
  if (!Array.isArray(ballot?.rows) || ballot.rows.length !== nominees.length) throw new BallotFormatError('rows');
  const seen = new Set<string>();
  const rows = ballot.rows.map((row) => {
    if (!nominees.includes(row?.nominationId) || seen.has(row.nominationId)) throw new BallotFormatError('rows');
    seen.add(row.nominationId);
    if (!Array.isArray(row.cells) || row.cells.length !== width) throw new BallotFormatError('cells');
    const cells = row.cells.map((cell, j) => verifyBit(K, cell, cellContext(roundId, row.nominationId, j)));
    const A = cells.reduce((acc, x) => acc.add(x.A), P.ZERO);
    const B = cells.reduce((acc, x) => acc.add(x.B), P.ZERO);
    verifyValue(K, A, B, 1, row.sum, `${roundId}|${row.nominationId}|row`);
    return { nominationId: row.nominationId, cells };
  });
  const columns = Array.isArray(ballot.columns) ? ballot.columns : [];
  if (columns.length !== (columnsSumToOne ? width : 0)) throw new BallotFormatError('columns');
  columns.forEach((proof, j) => {
    const A = rows.reduce((acc, row) => acc.add(row.cells[j].A), P.ZERO);
    const B = rows.reduce((acc, row) => acc.add(row.cells[j].B), P.ZERO);
    verifyValue(K, A, B, 1, proof, `${roundId}|column|${j}`);
  });
  return { rows };
}

// ---- adding up ----

export const zeroCiphertext = (): Ciphertext => ({ a: encodePoint(P.ZERO), b: encodePoint(P.ZERO) });

/** sum + weight·(A, B): a running total grows by a ballot's cell, or by a ranked place's points. */
export function addWeighted(sum: Ciphertext, cell: { A: Point; B: Point }, weight: number): Ciphertext {
  return {
    a: encodePoint(decodePoint(sum.a).add(publicTimes(cell.A, BigInt(weight)))),
    b: encodePoint(decodePoint(sum.b).add(publicTimes(cell.B, BigInt(weight)))),
  };
}

/** x + y: two totals (or a total and a ballot's share of it) added. */
export function addCiphertexts(x: Ciphertext, y: Ciphertext): Ciphertext {
  return {
    a: encodePoint(decodePoint(x.a).add(decodePoint(y.a))),
    b: encodePoint(decodePoint(x.b).add(decodePoint(y.b))),
  };
}

/**
 * The receipt of a ballot: a hash of its ciphertexts, which the member's browser computes too and
 * finds in the round's published list once the round closes.
 */
export function receiptOf(ballot: EncryptedBallot): string {
  const text = ballot.rows.map((r) => `${r.nominationId}:${r.cells.map((c) => c.a + c.b).join(',')}`).join(';');
  return hexOf(ristretto255_hasher.hashToScalar(new TextEncoder().encode(text), { DST: 'kyniem-receipt-v1' }));
}

// ---- decrypting a total, proved ----

/**
 * The key holder's share of a total's decryption, D = x·A, with a proof that log_G K = log_A D,
 * and the count it reveals (searched up to `bound`; null when beyond it).
 */
export function decryptTotal(secret: string, total: Ciphertext, bound: number, context: string) {
  const x = decodeScalar(secret);
  const A = decodePoint(total.a);
  const B = decodePoint(total.b);
  const K = G.multiply(x);
  const D = times(A, x);
  const w = randomScalar();
  const c = challenge(`dec|${context}`, [K, A, D, G.multiply(w), times(A, w)]);
  const share: DecryptionShare = { d: encodePoint(D), proof: { c: hexOf(c), s: hexOf(mod(w + c * x)) } };
  const M = B.subtract(D);
  let acc: Point = P.ZERO;
  for (let n = 0; n <= bound; n++) {
    if (acc.equals(M)) return { count: n, share };
    acc = acc.add(G);
  }
  return { count: null, share };
}

/** Checks a decryption share against the session's key and the stored total, and that it opens to `count`. */
export function verifyTotal(
  publicKey: string,
  total: Ciphertext,
  count: number,
  share: DecryptionShare,
  context: string,
): boolean {
  const K = decodePoint(publicKey);
  const A = decodePoint(total.a);
  const B = decodePoint(total.b);
  const D = decodePoint(share?.d);
  const c = decodeScalar(share?.proof?.c);
  const s = decodeScalar(share?.proof?.s);
  const t1 = publicTimes(G, s).subtract(publicTimes(K, c));
  const t2 = publicTimes(A, s).subtract(publicTimes(D, c));
  if (challenge(`dec|${context}`, [K, A, D, t1, t2]) !== c) return false;
  return B.subtract(D).equals(publicTimes(G, BigInt(count)));
}
