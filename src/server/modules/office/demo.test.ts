import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { organisationDemo } from '../organisation/demo.ts';
import { plansDemo } from '../plans/demo.ts';
import { officeDemo } from './demo.ts';
import { listIncoming } from './incoming.ts';
import { listOutgoing, receiptBoard } from './outgoing.ts';
import { publicDocumentFile, publicDocuments } from './publish.ts';

/** The office's demo data: the seed's plan issued through the register, public with its .docx, and sent to its "Nơi nhận"; incoming documents assigned. */
describeEachDatabase('office demo', (kind) => {
  const env = useTestEnv(kind);

  it('issues the seed plan, sends it to its recipients, some acknowledge; assigns the incoming', async () => {
    const { platform } = env();
    await organisationDemo.load(platform);
    await plansDemo.load(platform);
    expect(await officeDemo.load(platform)).toBeGreaterThan(0);
    expect(await officeDemo.load(platform)).toBe(0); // once only
    const caller = systemCaller();
    const out = await listOutgoing(platform, caller, {});
    expect(out.items.map((d) => d.symbol)).toEqual(['01-KH/ĐUK']);
    const plan = out.items[0];
    expect(plan.issuedOn).toBe('2019-06-10');
    expect(plan.recipients).toContain('Thường trực Tỉnh ủy');
    const board = await receiptBoard(platform, caller, plan.id);
    const codes = new Map(
      (await platform.db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.id, u.code]),
    );
    const sentTo = new Set(board.deliveries.map((d) => codes.get(d.unit.id)));
    for (const code of ['TU-TT', 'TU-VP', 'BCH', 'CS01', 'CS15']) expect(sentTo, code).toContain(code);
    expect(board.document.receipt.acknowledged).toBe(6);
    expect(board.document.receipt.opened).toBe(8);
    const planRow = await platform.db
      .selectFrom('plans')
      .select(['number', 'symbol_suffix'])
      .where('is_demo', '=', 1)
      .where('parent_plan_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(planRow).toEqual({ number: '01', symbol_suffix: 'ĐUK' });
    // the plan is public on the website, with its .docx as the register entry's file
    const listed = await publicDocuments(platform.db);
    expect(listed.items.map((d) => [d.number, d.type.code, d.fileUrl !== null])).toEqual([['01-KH/ĐUK', 'KH', true]]);
    const file = await publicDocumentFile(platform, plan.id);
    expect(file.name).toMatch(/^01-KH-.+\.docx$/u);
    expect(Buffer.from(file.content).subarray(0, 2).toString()).toBe('PK');
    const incoming = await listIncoming(platform, caller, { year: 2019 });
    expect(incoming.items.map((i) => [i.arrivalNumber, i.status])).toEqual([
      [4, 'unassigned'],
      [3, 'overdue'],
      [2, 'done'],
      [1, 'done'],
    ]);
  }, 120_000);
});
