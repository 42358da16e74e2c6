/**
 * How long an audio file plays, read from its container's headers only (no decoding): WAV (the
 * `fmt ` chunk's byte rate and the `data` chunk's size), MP3 (every MPEG audio frame walked and its
 * samples counted, so variable bit rates are right; a Xing/Info/VBRI frame carries no sound),
 * M4A/AAC (the ISO media `mvhd` box's duration over its time scale) and Ogg (Vorbis or Opus: the
 * last page's granule position over the rate, less Opus's pre-skip). Pure: bytes in, seconds out,
 * or null when the bytes are none of these or say nothing sensible. The server measures a backing
 * track with it; the phone may show the figure before sending.
 */
export type AudioFormat = 'wav' | 'mp3' | 'm4a' | 'ogg';
export type AudioDuration = { format: AudioFormat; seconds: number };

const text = (b: Uint8Array, at: number, n: number) =>
  at + n <= b.length ? String.fromCharCode(...b.subarray(at, at + n)) : '';
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const sane = (s: number) => Number.isFinite(s) && s > 0 && s < 24 * 3600;

export function audioDuration(bytes: Uint8Array): AudioDuration | null {
  let seconds: number | null = null;
  let format: AudioFormat | null = null;
  if (text(bytes, 0, 4) === 'RIFF' && text(bytes, 8, 4) === 'WAVE') [format, seconds] = ['wav', wavSeconds(bytes)];
  else if (text(bytes, 4, 4) === 'ftyp') [format, seconds] = ['m4a', mp4Seconds(bytes)];
  else if (text(bytes, 0, 4) === 'OggS') [format, seconds] = ['ogg', oggSeconds(bytes)];
  else [format, seconds] = ['mp3', mp3Seconds(bytes)];
  return seconds !== null && sane(seconds) ? { format, seconds } : null;
}

/** RIFF chunks: the byte rate from `fmt `, the sound's length from `data` (what the file holds, if it says more). */
function wavSeconds(b: Uint8Array): number | null {
  const v = view(b);
  let at = 12;
  let byteRate = 0;
  while (at + 8 <= b.length) {
    const id = text(b, at, 4);
    const size = v.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 20 <= b.length) byteRate = v.getUint32(at + 16, true);
    if (id === 'data') {
      if (byteRate === 0) return null;
      return Math.min(size, b.length - at - 8) / byteRate;
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

/** Bit rates in kbit/s by [version is MPEG-1][layer 1..3][index]. */
const RATES_V1 = [
  [],
  [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
];
const RATES_V2 = [
  [],
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
];
const SAMPLE_RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] } as const;

type Frame = { length: number; samples: number; rate: number; sideInfo: number };
/** An MPEG audio frame header at `at`, or null. */
export function mpegFrame(b: Uint8Array, at: number): Frame | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1] >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = 4 - ((b[at + 1] >> 1) & 3); // 1, 2, 3
  const index = b[at + 2] >> 4;
  const rateIndex = (b[at + 2] >> 2) & 3;
  if (version === 1 || layer === 4 || index === 0 || index === 15 || rateIndex === 3) return null;
  const padding = (b[at + 2] >> 1) & 1;
  const rate = SAMPLE_RATES[version as 0 | 2 | 3][rateIndex];
  const bitrate = (version === 3 ? RATES_V1 : RATES_V2)[layer][index] * 1000;
  const mono = b[at + 3] >> 6 === 3;
  if (layer === 1)
    return { length: (Math.floor((12 * bitrate) / rate) + padding) * 4, samples: 384, rate, sideInfo: 0 };
  const samples = layer === 3 && version !== 3 ? 576 : 1152;
  const length = Math.floor((samples / 8) * (bitrate / rate)) + padding;
  const sideInfo = layer !== 3 ? 0 : version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  return { length, samples, rate, sideInfo };
}

/**
 * Skips an ID3v2 tag, finds the first frame whose successor is also a frame (a stray 0xFF in
 * the tag's padding is not sound), then counts frames to the end (an ID3v1 or APE tag stops it).
 */
function mp3Seconds(b: Uint8Array): number | null {
  let at = 0;
  while (text(b, at, 3) === 'ID3' && at + 10 <= b.length) {
    const size =
      ((b[at + 6] & 0x7f) << 21) | ((b[at + 7] & 0x7f) << 14) | ((b[at + 8] & 0x7f) << 7) | (b[at + 9] & 0x7f);
    at += 10 + size + (b[at + 5] & 0x10 ? 10 : 0);
  }
  const limit = Math.min(b.length, at + 64 * 1024);
  let first: Frame | null = null;
  for (; at < limit; at++) {
    const f = mpegFrame(b, at);
    if (f && f.length > 4 && (at + f.length === b.length || mpegFrame(b, at + f.length))) {
      first = f;
      break;
    }
  }
  if (!first) return null;
  // The first frame may be a Xing/Info/VBRI header: its place is silence, not sound.
  const tag = text(b, at + 4 + first.sideInfo, 4);
  if (tag === 'Xing' || tag === 'Info' || text(b, at + 36, 4) === 'VBRI') at += first.length;
  let samples = 0;
  let rate = first.rate;
  for (;;) {
    const f = mpegFrame(b, at);
    if (!f || f.length <= 4 || at + f.length > b.length) break;
    samples += f.samples;
    rate = f.rate;
    at += f.length;
  }
  return samples > 0 ? samples / rate : null;
}

/** ISO media boxes: `moov` → `mvhd` (version 0: 32-bit time scale and duration; version 1: 64-bit duration). */
function mp4Seconds(b: Uint8Array): number | null {
  const v = view(b);
  const find = (from: number, to: number, name: string): [number, number] | null => {
    let at = from;
    while (at + 8 <= to) {
      let size = v.getUint32(at);
      let header = 8;
      if (size === 1 && at + 16 <= to) {
        size = Number(v.getBigUint64(at + 8));
        header = 16;
      } else if (size === 0) size = to - at;
      if (size < header) return null;
      if (text(b, at + 4, 4) === name) return [at + header, Math.min(to, at + size)];
      at += size;
    }
    return null;
  };
  const moov = find(0, b.length, 'moov');
  if (!moov) return null;
  const mvhd = find(moov[0], moov[1], 'mvhd');
  if (!mvhd) return null;
  const [at, end] = mvhd;
  if (b[at] === 1) {
    if (at + 32 > end) return null;
    const scale = v.getUint32(at + 20);
    return scale ? Number(v.getBigUint64(at + 24)) / scale : null;
  }
  if (at + 20 > end) return null;
  const scale = v.getUint32(at + 12);
  const duration = v.getUint32(at + 16);
  return scale && duration !== 0xffffffff ? duration / scale : null;
}

/**
 * Ogg pages: the first page's packet names the codec (Vorbis: its sample rate; Opus: 48 kHz
 * granules and a pre-skip); the last page's granule position is the count of samples.
 */
function oggSeconds(b: Uint8Array): number | null {
  const v = view(b);
  if (b.length < 27) return null;
  const body = 27 + b[26]; // the first packet begins after the segment table
  let rate = 0;
  let preSkip = 0;
  if (b[body] === 1 && text(b, body + 1, 6) === 'vorbis' && body + 16 <= b.length) rate = v.getUint32(body + 12, true);
  else if (text(b, body, 8) === 'OpusHead' && body + 12 <= b.length) {
    rate = 48000;
    preSkip = v.getUint16(body + 10, true);
  }
  if (!rate) return null;
  // The last page: search back from the end for its capture pattern.
  for (let at = b.length - 27; at >= 0; at--) {
    if (b[at] !== 0x4f || text(b, at, 4) !== 'OggS' || b[at + 4] !== 0) continue;
    const granule = v.getBigInt64(at + 6, true);
    if (granule < 0n) continue;
    return (Number(granule) - preSkip) / rate;
  }
  return null;
}
