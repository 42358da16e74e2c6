import { expect, it } from 'vitest';
import type { UmpireOp } from '../../../common/tournament/umpire.ts';
import { mergeWithServer, newOpId } from './umpireQueue.ts';

const p = (id: string, seq: number): UmpireOp => ({ id, seq, kind: 'point', side: 0 });

it('keeps the phone’s unsent entries after the server’s, and drops them when another device scored', () => {
  const server = [p('a', 1), p('b', 2)];
  expect(mergeWithServer(server, [p('a', 1), p('b', 2), p('c', 3)])).toEqual({
    ops: [...server, p('c', 3)],
    dropped: 0,
  });
  expect(mergeWithServer(server, [p('a', 1)]).ops).toEqual(server);
  expect(mergeWithServer(server, [])).toEqual({ ops: server, dropped: 0 });
  expect(mergeWithServer(server, [p('a', 1), p('x', 2), p('y', 3)])).toEqual({ ops: server, dropped: 1 });
  expect(newOpId()).toMatch(/^[0-9a-f]{24}$/);
  expect(newOpId()).not.toBe(newOpId());
});
