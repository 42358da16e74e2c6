import { randomBytes } from 'node:crypto';

/** The last sequence number used for each recent millisecond (callers may pass times out of order). */
const recent = new Map<number, number>();

/**
 * A UUIDv7: time-ordered, so new rows land at the end of an index and ids sort by creation,
 * and made by any process without asking the database. Within one process, ids made for the same
 * millisecond sort in the order they were made, even when ids for other times come in between
 * (a change's audit row and the rows it inserts use different clocks).
 */
export function newId(now: number = Date.now()): string {
  // A 26-bit counter per millisecond: 12 bits in rand_a, 14 at the top of rand_b. It starts at a
  // random point in the lower half, so millions of ids fit in one millisecond before it runs out.
  const last = recent.get(now);
  const seq = last === undefined ? randomBytes(4).readUInt32BE(0) & 0x1ffffff : Math.min(last + 1, 0x3ffffff);
  recent.delete(now);
  recent.set(now, seq);
  if (recent.size > 256) recent.delete(recent.keys().next().value!);
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((seq >> 22) & 0x0f);
  bytes[7] = (seq >> 14) & 0xff;
  bytes[8] = 0x80 | ((seq >> 8) & 0x3f);
  bytes[9] = seq & 0xff;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
