import { encryptBallot, publicKeyOf, secretOf } from '../../../../common/ballotCrypto.ts';

/**
 * What stays on this device only (ADR 12): the chair's secret counting key of a session, and the
 * receipt of each ballot cast from here. Neither is ever sent to the server.
 */
const keyItem = (sessionId: string) => `kyniem.ballot-key.${sessionId}`;
const receiptItem = (roundId: string) => `kyniem.ballot-receipt.${roundId}`;

export function storedSecret(sessionId: string, publicKey: string | null): string | null {
  const secret = localStorage.getItem(keyItem(sessionId));
  if (!secret || !publicKey) return secret && !publicKey ? null : secret;
  try {
    // a secret that no longer matches the session's key (replaced elsewhere) is of no use
    return publicKeyOf(secretOf(secret)) === publicKey ? secret : null;
  } catch {
    return null;
  }
}

export const keepSecret = (sessionId: string, secret: string) => localStorage.setItem(keyItem(sessionId), secret);
export const storedReceipt = (roundId: string) => localStorage.getItem(receiptItem(roundId));
export const keepReceipt = (roundId: string, receipt: string) => localStorage.setItem(receiptItem(roundId), receipt);

/** A receipt to read aloud or compare by eye: the first 16 hex digits, in groups of four. */
export const shortReceipt = (receipt: string) => receipt.slice(0, 16).match(/.{4}/g)!.join(' ');

export type Choice = 'approve' | 'reject' | 'abstain';
export const choices: Choice[] = ['approve', 'reject', 'abstain'];
/** What the member picked on screen: it is encrypted on this device before it leaves. */
export type PlainBallot = { choices: { nominationId: string; choice: Choice }[] } | { ranking: string[] };

/** Encrypts the ballot for the session's key, one 0/1 cell per choice (or place), with its proofs. */
export function sealBallot(publicKey: string, roundId: string, plain: PlainBallot) {
  if ('ranking' in plain) {
    return encryptBallot(
      publicKey,
      roundId,
      plain.ranking.map((nominationId, i) => ({
        nominationId,
        cells: plain.ranking.map((_, j) => (j === i ? 1 : 0)),
      })),
      true,
    );
  }
  return encryptBallot(
    publicKey,
    roundId,
    plain.choices.map((c) => ({
      nominationId: c.nominationId,
      cells: choices.map((x) => (x === c.choice ? 1 : 0)),
    })),
    false,
  );
}
