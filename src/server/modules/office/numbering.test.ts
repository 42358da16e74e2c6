import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { systemActor } from '../../platform/audit/record.ts';
import { type DatabaseHandle, openDatabase } from '../../platform/db/database.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { issueNumber, issueOnce, registeredNumber } from './numbering.ts';
import { addTerm, saveSettings } from './settings.ts';

/**
 * Numbering under load (ADR 23): 200 documents issued at once take 01…200 with no gap and no
 * duplicate. On PostgreSQL they come through two separate connection pools (as two app processes
 * would), each transaction taking its number with UPDATE … RETURNING; a transaction that rolls back
 * gives its number back; a new term starts again from 01.
 */
describeEachDatabase('office numbering', (kind) => {
  const env = useTestEnv(kind);
  let second: DatabaseHandle | null = null;
  const actor = systemActor('test');

  beforeAll(async () => {
    const { platform } = env();
    const caller = systemCaller();
    await saveSettings(platform, caller, {
      superiorBody: 'Đảng bộ tỉnh Thái Bình',
      issuingBody: 'Đảng ủy Khối Doanh nghiệp',
      symbolSuffix: 'ĐUK',
      congressSuffix: 'ĐH',
      place: 'Thái Bình',
    });
    await addTerm(platform, caller, { name: '2015 - 2020', startsOn: '2015-08-01', endsOn: '2020-07-31' });
    await addTerm(platform, caller, { name: '2020 - 2025', startsOn: '2020-08-01', endsOn: '2025-07-31' });
    const pg = platform.database.postgres;
    if (pg) second = await openDatabase({ kind: 'postgres', url: pg.url, schema: pg.schema, poolSize: 5 });
  });
  afterAll(async () => {
    await second?.close();
  });

  const issue = (db: DatabaseHandle['db'], i: number, date = '2019-07-01') =>
    db
      .transaction()
      .execute((tx) =>
        issueNumber(
          tx,
          actor,
          { type: 'CV', date, summary: `Công văn số thứ ${i}`, signer: { name: 'Trần Hữu Nam', position: 'BÍ THƯ' } },
          new Date(),
        ),
      );

  it('gives 200 documents issued at once the numbers 01 to 200, once each', async () => {
    const { platform } = env();
    const pools = second ? [platform.db, second.db] : [platform.db];
    const started = performance.now();
    const issued = await Promise.all(Array.from({ length: 200 }, (_, i) => issue(pools[i % pools.length], i)));
    const ms = performance.now() - started;
    const numbers = issued.map((d) => d.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(issued.map((d) => d.symbol)).size).toBe(200);
    expect(issued.find((d) => d.number === 7)?.symbol).toBe('07-CV/ĐUK');
    const rows = await platform.db
      .selectFrom('office_outgoing')
      .select('number')
      .where('doc_type', '=', 'CV')
      .execute();
    expect(rows).toHaveLength(200);
    console.info(`[office numbering ${kind}] 200 documents over ${pools.length} pool(s) in ${Math.round(ms)} ms`);
  });

  it('gives the number back when the issuing transaction rolls back, so the series has no gap', async () => {
    const { platform } = env();
    await expect(
      platform.db.transaction().execute(async (tx) => {
        await issueNumber(
          tx,
          actor,
          { type: 'CV', date: '2019-07-02', summary: 'bỏ', signer: { name: 'A', position: 'B' } },
          new Date(),
        );
        throw new Error('the document failed');
      }),
    ).rejects.toThrow('the document failed');
    expect((await issue(platform.db, 201)).number).toBe(201);
  });

  it('numbers each type on its own, congress documents in one series, and starts again in a new term', async () => {
    const { platform } = env();
    const one = (type: 'KH' | 'NQ' | 'QĐ', date: string, congress = false) =>
      platform.db
        .transaction()
        .execute((tx) =>
          issueNumber(
            tx,
            actor,
            { type, date, congress, summary: 'x', signer: { name: 'A', position: 'B' } },
            new Date(),
          ),
        );
    expect((await one('KH', '2019-06-10')).symbol).toBe('01-KH/ĐUK');
    expect((await one('KH', '2019-06-12')).symbol).toBe('02-KH/ĐUK');
    expect((await one('QĐ', '2019-08-05')).symbol).toBe('01-QĐ/ĐUK');
    expect((await one('NQ', '2020-06-01', true)).symbol).toBe('01-NQ/ĐH');
    expect((await one('QĐ', '2020-06-01', true)).symbol).toBe('02-QĐ/ĐH');
    // the next term: every series from 01 again
    expect((await one('KH', '2020-09-01')).symbol).toBe('01-KH/ĐUK');
    expect((await issue(platform.db, 0, '2020-09-02')).symbol).toBe('01-CV/ĐUK');
    await expect(one('KH', '2014-01-01')).rejects.toMatchObject({ status: 400 });
  });

  it('issues a record of another module once: the same number again, then the register’s entry found by source', async () => {
    const { platform } = env();
    const source = { type: 'tournament.results', id: '0190f0aa-0000-7000-8000-000000000001' };
    const input = {
      type: 'TB' as const,
      date: '2019-08-18',
      summary: 'Kết quả Giải Cầu lông người lao động trong Khối năm 2019',
      signer: { name: '', position: 'PHÓ BÍ THƯ' },
      source,
    };
    expect(await registeredNumber(platform.db, source)).toBeNull();
    const first = await platform.db.transaction().execute((tx) => issueOnce(tx, actor, input, new Date()));
    const again = await platform.db.transaction().execute((tx) => issueOnce(tx, actor, input, new Date()));
    expect(first.existing).toBe(false);
    expect(first.symbol).toMatch(/^\d{2,}-TB\/ĐUK$/);
    expect(again).toMatchObject({ id: first.id, symbol: first.symbol, existing: true });
    expect(await registeredNumber(platform.db, source)).toMatchObject({ symbol: first.symbol, issuedOn: '2019-08-18' });
    const other = await platform.db
      .transaction()
      .execute((tx) =>
        issueOnce(
          tx,
          actor,
          { ...input, source: { ...source, id: '0190f0aa-0000-7000-8000-000000000002' } },
          new Date(),
        ),
      );
    expect(other.number).toBe(first.number + 1);
  });
});
