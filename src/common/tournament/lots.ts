/**
 * Drawing lots that anyone can repeat: a draw's or a ranking's random choices all come from one
 * stored text (the random seed), so re-running with the same seed gives the same lots.
 *
 * The generator is small and written out here so that it runs the same in the server, the
 * browser and the command line: the seed text (NFC, UTF-8) is hashed to 128 bits by four
 * multiply-rotate lanes, then fed to a 32-bit small fast counting generator (sfc32). Integers in
 * a range are drawn by rejection, so every outcome is equally likely.
 */

export type Lots = {
  /** The seed the lots come from. */
  readonly seed: string;
  /** A whole number in [0, n), every value equally likely. */
  below(n: number): number;
  /** The items in an order drawn by lot (a copy; the input is left as it was). */
  shuffle<T>(items: readonly T[]): T[];
  /** One of the items, drawn by lot. */
  pick<T>(items: readonly T[]): T;
};

function hash128(text: string): [number, number, number, number] {
  const bytes = new TextEncoder().encode(text.normalize('NFC'));
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (const b of bytes) {
    h1 = h2 ^ Math.imul(h1 ^ b, 0x9e3779b1);
    h2 = h3 ^ Math.imul(h2 ^ b, 0x85ebca77);
    h3 = h4 ^ Math.imul(h3 ^ b, 0xc2b2ae3d);
    h4 = h1 ^ Math.imul(h4 ^ b, 0x27d4eb2f);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 0x85ebca77);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 0xc2b2ae3d);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 0x27d4eb2f);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 0x9e3779b1);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function lotsFrom(seed: string): Lots {
  let [a, b, c, d] = hash128(seed);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up, as sfc32 wants, so that similar seeds diverge at once.
  for (let i = 0; i < 15; i++) next();

  const below = (n: number): number => {
    // A power of two up to 2^30 divides 2^32: nothing is rejected and the low bits are the value,
    // the same number the general path gives, without its floating-point remainders (the draw asks
    // for a coin, below(2), thousands of times).
    if (n > 0 && n <= 0x40000000 && (n | 0) === n && (n & (n - 1)) === 0) return next() & (n - 1);
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`cannot draw below ${n}`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    let x = next();
    while (x >= limit) x = next();
    return x % n;
  };
  return {
    seed,
    below,
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = below(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('nothing to pick from');
      return items[below(items.length)];
    },
  };
}

/** A fresh seed for a draw that was given none: 128 random bits as hex. */
export function newRandomSeed(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (x) => x.toString(16).padStart(2, '0')).join('');
}
