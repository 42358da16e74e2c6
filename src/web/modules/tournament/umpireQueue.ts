import type { UmpireOp } from '../../../common/tournament/umpire.ts';

/**
 * The umpire's phone keeps every entry of a match in the browser (localStorage) until the server
 * has it, so points scored without a connection survive a reload and are sent, in order, when the
 * connection returns. A tie's rubbers each have their own log. The server's log is the authority on what it holds; the phone's entries
 * after it are the ones still to send. Entries keep their ids, so a batch sent again is stored once.
 */
/** Whose log: a match (its id), or a tie's rubber (`<tie id>.<rubber>`). */
export const logKey = (matchId: string, rubber: number | null) => (rubber ? `${matchId}.${rubber}` : matchId);
const key = (log: string) => `kyniem.umpire.${log}`;

export function loadLocal(log: string): UmpireOp[] {
  try {
    const raw = localStorage.getItem(key(log));
    const ops = raw ? (JSON.parse(raw) as UmpireOp[]) : [];
    return Array.isArray(ops) ? ops : [];
  } catch {
    return [];
  }
}

export function saveLocal(log: string, ops: readonly UmpireOp[]): void {
  try {
    if (ops.length === 0) localStorage.removeItem(key(log));
    else localStorage.setItem(key(log), JSON.stringify(ops));
  } catch {
    // storage full or refused: the entries stay in memory and are still sent
  }
}

/**
 * The phone's log after the server answered: the server's entries, then the phone's own after
 * them when the phone agrees with everything the server holds. When another device scored in
 * between, the phone's unsent entries are dropped (and counted) rather than sent under taken numbers.
 */
export function mergeWithServer(
  server: readonly UmpireOp[],
  local: readonly UmpireOp[],
): { ops: UmpireOp[]; dropped: number } {
  const n = server.length;
  const agrees = local.slice(0, n).every((o, i) => o.id === server[i]!.id);
  if (!agrees) return { ops: [...server], dropped: Math.max(0, local.length - n) };
  return { ops: [...server, ...local.slice(n)], dropped: 0 };
}

/** An id the server accepts ([A-Za-z0-9_-], 8–64), made on the phone. */
export function newOpId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
