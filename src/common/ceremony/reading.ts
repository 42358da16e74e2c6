/**
 * How long a Vietnamese text takes to read aloud. Vietnamese is written one syllable per word, so
 * the syllables are the whitespace-separated words that hold a letter or a digit (a dash or a
 * bullet on its own is not read). The pace is a setting in syllables per minute: about 200 for
 * an MC reading a script at a ceremony's pace; calibrate it from rehearsal timings.
 */
export const DEFAULT_SYLLABLES_PER_MINUTE = 200;

export function syllableCount(text: string): number {
  let n = 0;
  for (const word of text.normalize('NFC').split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) n++;
  return n;
}

/** Seconds to read `text` at `perMinute` syllables a minute (rounded up to the second). */
export function readingSeconds(text: string, perMinute = DEFAULT_SYLLABLES_PER_MINUTE): number {
  if (!(perMinute > 0)) throw new RangeError('syllables per minute must be positive');
  return Math.ceil((syllableCount(text) * 60) / perMinute);
}

/** Whole minutes to plan for reading `text` (rounded up; nothing to read takes none). */
export function readingMinutes(text: string, perMinute = DEFAULT_SYLLABLES_PER_MINUTE): number {
  return Math.ceil(readingSeconds(text, perMinute) / 60);
}

/**
 * The pace measured at a rehearsal: the syllables read over the seconds they took, across every
 * timed text (so a long speech weighs more than a short line). Null when nothing was timed.
 */
export function calibratedPace(timings: readonly { text: string; seconds: number }[]): number | null {
  let syllables = 0;
  let seconds = 0;
  for (const t of timings) {
    if (!(t.seconds > 0)) continue;
    const n = syllableCount(t.text);
    if (n === 0) continue;
    syllables += n;
    seconds += t.seconds;
  }
  return seconds > 0 ? Math.round((syllables * 60) / seconds) : null;
}
