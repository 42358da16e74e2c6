import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt password hashes that carry their own parameters, so the cost can rise later and old
 * hashes still verify (and are upgraded at the next sign-in):
 *   scrypt$ln=15,r=8,p=1$<salt base64>$<key base64>
 */
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

function optionsFor(ln: number, r: number, p: number): ScryptOptions {
  const N = 2 ** ln;
  return { N, r, p, maxmem: 128 * N * r * 2 + 1024 * 1024 };
}

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  needsRehash(stored: string): boolean;
};

type Parsed = { ln: number; r: number; p: number; salt: Buffer; key: Buffer };

function parse(stored: string): Parsed | null {
  const m = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return null;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (ln < 1 || ln > 22 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  // Only canonical base64: Node's decoder skips what follows padding, so "<key>=junk" would pass.
  const salt = Buffer.from(m[4], 'base64');
  const key = Buffer.from(m[5], 'base64');
  if (salt.toString('base64') !== m[4] || key.toString('base64') !== m[5] || salt.length === 0 || key.length === 0)
    return null;
  return { ln, r, p, salt, key };
}

export function createPasswordHasher(cost: number): PasswordHasher {
  const r = 8;
  const p = 1;
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await scrypt(password, salt, optionsFor(cost, r, p));
      return `scrypt$ln=${cost},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    async verify(password, stored) {
      const parsed = parse(stored);
      if (!parsed) return false;
      const key = await scrypt(password, parsed.salt, optionsFor(parsed.ln, parsed.r, parsed.p));
      return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
    },
    needsRehash(stored) {
      const parsed = parse(stored);
      return !parsed || parsed.ln < cost;
    },
  };
}

/** Rules for a new password, shared by sign-up, change and reset. Returns a problem key or null. */
export function passwordProblem(
  password: string,
  username?: string,
): 'too_short' | 'too_long' | 'same_as_username' | null {
  if (password.length < 8) return 'too_short';
  if (password.length > 200) return 'too_long';
  if (username && password.toLowerCase() === username.toLowerCase()) return 'same_as_username';
  return null;
}

export function generatePassword(): string {
  // 15 bytes → 20 base64url characters: easy to copy, ~120 bits.
  return randomBytes(15).toString('base64url');
}
