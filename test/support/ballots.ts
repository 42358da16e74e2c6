import { decryptTotal, encryptBallot, generateKey } from '../../src/common/ballotCrypto.ts';
import type { Client } from './client.ts';

/**
 * The Council's encrypted ballot as the browser does it (src/common/ballotCrypto.ts), for tests
 * that talk to the API: the chair makes the session's key on "their device" (the test keeps the
 * secret, the server never sees it), members encrypt their choices, the chair decrypts the totals.
 */
const choiceColumn = { approve: 0, reject: 1, abstain: 2 } as const;
type Choice = keyof typeof choiceColumn;

async function ok(res: Response) {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** The chair makes the session's key; returns the secret, which stays with the test as with the chair's device. */
export async function makeChairKey(chair: Client, sessionId: string): Promise<string> {
  const key = generateKey(`session|${sessionId}`);
  await ok(
    await chair.post(`/api/honours/sessions/${sessionId}/ballot-key`, { publicKey: key.publicKey, proof: key.proof }),
  );
  return key.secret;
}

/** An approve ballot: one choice per nominee (those left out by a conflict are simply absent). */
export function sealChoices(publicKey: string, roundId: string, choices: { nominationId: string; choice: Choice }[]) {
  return encryptBallot(
    publicKey,
    roundId,
    choices.map((c) => ({
      nominationId: c.nominationId,
      cells: [0, 1, 2].map((j) => (j === choiceColumn[c.choice] ? 1 : 0)) as (0 | 1)[],
    })),
    false,
  );
}

/** A ranking ballot: the nominees in order, best first. */
export function sealRanking(publicKey: string, roundId: string, order: string[]) {
  return encryptBallot(
    publicKey,
    roundId,
    order.map((nominationId, i) => ({
      nominationId,
      cells: order.map((_, j) => (j === i ? 1 : 0)) as (0 | 1)[],
    })),
    true,
  );
}

/** Reads the round's key and casts the ballot the way the ballot screen does. */
export async function castChoices(
  client: Client,
  roundId: string,
  choices: { nominationId: string; choice: Choice }[],
  extra: { onBehalfOf?: string } = {},
): Promise<Response> {
  const round = await ok(await client.get(`/api/honours/rounds/${roundId}`));
  return client.post(`/api/honours/rounds/${roundId}/ballots`, {
    ballot: sealChoices(round.ballotKey, roundId, choices),
    ...extra,
  });
}

/** The chair's device: decrypts every total of a closed ballot box and publishes them with their proofs. */
export async function decryptAndPublish(chair: Client, roundId: string, secret: string): Promise<Response> {
  const round = await ok(await chair.get(`/api/honours/rounds/${roundId}`));
  const bound = round.voted * Math.max(1, round.nominees.length);
  const totals = (round.box.totals as { nominationId: string; kind: string; a: string; b: string }[]).map((t) => {
    const { count, share } = decryptTotal(secret, t, bound, `${roundId}|${t.nominationId}|${t.kind}`);
    if (count === null) throw new Error(`total ${t.nominationId}/${t.kind} beyond ${bound}`);
    return { nominationId: t.nominationId, kind: t.kind, count, ...share };
  });
  return chair.post(`/api/honours/rounds/${roundId}/tally`, { totals });
}
