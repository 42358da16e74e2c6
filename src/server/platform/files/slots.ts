import { AppError } from '../http/errors.ts';

/**
 * How many uploads that unpack or decode (files, imports, forms: archive checks, parsers, image
 * re-encoding) may run at once — per user and in the whole process. Past either, the request is
 * answered 429 with Retry-After at once rather than queued: each costs up to tens of MB while it
 * runs, so six bombs at once from one account, or a crowd of them, cannot add up to the heap. The
 * body, bounded by its own limit, is read before a slot is taken, so a slow sender holds none. A person uploading one file after another never meets the limit.
 */
export const UPLOAD_SLOTS_PER_USER = 2;
export const UPLOAD_SLOTS_IN_PROCESS = 4;
const RETRY_AFTER_SECONDS = 2;

const perUser = new Map<string, number>();
let inProcess = 0;

const busy = () =>
  new AppError(
    429,
    'TOO_MANY_UPLOADS',
    {
      vi: `Đang xử lý các tệp khác bạn đã gửi (hoặc máy chủ đang bận); hãy thử lại sau ${RETRY_AFTER_SECONDS} giây.`,
      en: `Your other files are still being processed (or the server is busy); try again in ${RETRY_AFTER_SECONDS} seconds.`,
    },
    undefined,
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );

/** Runs `work` holding one of the user's upload slots and one of the process's; 429 when none is free. */
export async function withUploadSlot<T>(userId: string | null, work: () => Promise<T>): Promise<T> {
  const key = userId ?? '-';
  const mine = perUser.get(key) ?? 0;
  if (mine >= UPLOAD_SLOTS_PER_USER || inProcess >= UPLOAD_SLOTS_IN_PROCESS) throw busy();
  perUser.set(key, mine + 1);
  inProcess++;
  try {
    return await work();
  } finally {
    inProcess--;
    const left = (perUser.get(key) ?? 1) - 1;
    if (left > 0) perUser.set(key, left);
    else perUser.delete(key);
  }
}
