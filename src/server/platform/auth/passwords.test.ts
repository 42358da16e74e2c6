import { describe, expect, it } from 'vitest';
import { createPasswordHasher, generatePassword, passwordProblem } from './passwords.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { anonymous } from '../../../../test/support/client.ts';
import { insertUser } from './users.ts';
import { systemActor } from '../audit/record.ts';

describe('password hashing', () => {
  const hasher = createPasswordHasher(10);

  it('stores its parameters with each hash and a fresh salt each time', async () => {
    const a = await hasher.hash('mật khẩu đúng');
    const b = await hasher.hash('mật khẩu đúng');
    expect(a).toMatch(/^scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('mật khẩu');
    expect(await hasher.verify('mật khẩu đúng', a)).toBe(true);
    expect(await hasher.verify('mật khẩu đúng', b)).toBe(true);
    expect(await hasher.verify('mật khẩu sai', a)).toBe(false);
    expect(await hasher.verify('', a)).toBe(false);
  });

  it('verifies the NFD spelling of a password hashed as NFC', async () => {
    const stored = await hasher.hash('Hương-2019'.normalize('NFC'));
    expect(await hasher.verify('Hương-2019'.normalize('NFD'), stored)).toBe(true);
  });

  it('verifies an old hash with its own parameters, and asks for a rehash when the cost rises', async () => {
    const old = await hasher.hash('correct-horse');
    const stronger = createPasswordHasher(11);
    expect(await stronger.verify('correct-horse', old)).toBe(true);
    expect(stronger.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(old)).toBe(false);
    const fresh = await stronger.hash('correct-horse');
    expect(fresh).toMatch(/^scrypt\$ln=11,/);
    expect(stronger.needsRehash(fresh)).toBe(false);
    // A lower configured cost never downgrades a stronger hash.
    expect(hasher.needsRehash(fresh)).toBe(false);
  });

  it('says false, without throwing, for a malformed or foreign hash', async () => {
    const good = await hasher.hash('x-password');
    const malformed = [
      '',
      'garbage',
      '$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234',
      'scrypt$ln=10,r=8,p=1$',
      'scrypt$ln=10,r=8,p=1$c2FsdA==',
      'scrypt$ln=99,r=8,p=1$c2FsdA==$a2V5',
      'scrypt$ln=0,r=8,p=1$c2FsdA==$a2V5',
      'scrypt$ln=10,r=0,p=1$c2FsdA==$a2V5',
      'scrypt$ln=10,r=8,p=1$c2FsdA==$a2V5',
      good.slice(0, -6),
      `${good}extra`,
      good.replace('scrypt', 'SCRYPT'),
      `${good}\n`,
    ];
    for (const stored of malformed) {
      await expect(hasher.verify('x-password', stored), JSON.stringify(stored)).resolves.toBe(false);
    }
    // One that cannot even be read is replaced at the next successful sign-in.
    for (const stored of malformed.slice(0, 8)) expect(hasher.needsRehash(stored), JSON.stringify(stored)).toBe(true);
    expect(hasher.needsRehash(good.replace('scrypt', 'SCRYPT'))).toBe(true);
  });

  it('checks new passwords and generates strong ones', () => {
    expect(passwordProblem('short')).toBe('too_short');
    expect(passwordProblem('x'.repeat(201))).toBe('too_long');
    expect(passwordProblem('Van.Phong', 'van.phong')).toBe('same_as_username');
    expect(passwordProblem('dung-roi-day')).toBeNull();
    const generated = new Set(Array.from({ length: 50 }, generatePassword));
    expect(generated.size).toBe(50);
    for (const p of generated) {
      expect(p).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect(passwordProblem(p)).toBeNull();
    }
  });
});

describeEachDatabase('password rehash at sign-in', (kind) => {
  const env = useTestEnv(kind, { passwordCost: 11 });

  it('upgrades a hash made at a lower cost when the user signs in', async () => {
    const { platform, app, clock } = env();
    const weak = createPasswordHasher(10);
    const user = await platform.db
      .transaction()
      .execute((tx) =>
        insertUser(
          tx,
          weak,
          { username: 'cu.ky', displayName: 'Cũ kỹ', password: 'mat-khau-cu-ky' },
          systemActor('test'),
          clock.now,
        ),
      );
    const hashOf = async () =>
      (
        await platform.db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).password_hash;
    expect(await hashOf()).toMatch(/^scrypt\$ln=10,/);
    const res = await anonymous(app, '192.0.2.80').post('/api/auth/login', {
      username: 'cu.ky',
      password: 'mat-khau-cu-ky',
    });
    expect(res.status).toBe(200);
    const upgraded = await hashOf();
    expect(upgraded).toMatch(/^scrypt\$ln=11,/);
    expect(await platform.passwords.verify('mat-khau-cu-ky', upgraded)).toBe(true);
    expect(
      (await anonymous(app, '192.0.2.80').post('/api/auth/login', { username: 'cu.ky', password: 'mat-khau-cu-ky' }))
        .status,
    ).toBe(200);
  });
});
