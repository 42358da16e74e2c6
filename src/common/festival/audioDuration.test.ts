import { describe, expect, it } from 'vitest';
import { audioDuration } from './audioDuration.ts';

/**
 * Small files written byte by byte (no encoder is installed on the build machine): each is a
 * well-formed file of its kind — a WAV with a tone, MP3 frames of silence (zero side information
 * decodes as silence) behind an ID3v2 tag and a LAME-style Info frame, an M4A's boxes, Ogg pages
 * with their CRC — so the parser is tried on what real files hold, including the traps (tags
 * before and after, a chunk after `data`, an odd-sized chunk, 64-bit sizes, Opus's pre-skip).
 */
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u32le = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
const u16le = (n: number) => [n & 255, (n >> 8) & 255];
const u32be = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

function wav(rate: number, channels: number, seconds: number, extra: number[] = []) {
  const frames = Math.round(rate * seconds);
  const data: number[] = [];
  for (let i = 0; i < frames; i++) {
    const s = Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12000);
    for (let c = 0; c < channels; c++) data.push(...u16le(s & 0xffff));
  }
  // A LIST chunk of odd size (padded) before the sound, and `extra` after it.
  const list = bytes(ascii('LIST'), u32le(5), ascii('INFOx'), [0]);
  const fmt = bytes(
    ascii('fmt '),
    u32le(16),
    u16le(1),
    u16le(channels),
    u32le(rate),
    u32le(rate * channels * 2),
    u16le(channels * 2),
    u16le(16),
  );
  const body = bytes(ascii('WAVE'), fmt, list, ascii('data'), u32le(data.length), data, extra);
  return bytes(ascii('RIFF'), u32le(body.length), body);
}

/** An MPEG audio frame of silence: the header, zero side information and main data. */
function mpegFrame(header: [number, number, number, number], length: number, tag?: string) {
  const f = new Uint8Array(length);
  f.set(header);
  if (tag) f.set(ascii(tag), 4 + 32);
  return f;
}
const id3v2 = (size: number) =>
  bytes(ascii('ID3'), [4, 0, 0], [0, 0, (size >> 7) & 127, size & 127], new Array(size).fill(0));
const id3v1 = () => bytes(ascii('TAG'), new Array(125).fill(0x20));

function mp3(frames: number, kbps: 128 | 192 = 128) {
  // MPEG-1 Layer III, 44.1 kHz, joint stereo; 128 kbit/s → 417 bytes a frame, 192 → 626.
  const header: [number, number, number, number] = [0xff, 0xfb, kbps === 128 ? 0x90 : 0xb0, 0x44];
  const length = Math.floor((144 * kbps * 1000) / 44100);
  const out = [id3v2(300), mpegFrame([0xff, 0xfb, 0x90, 0x44], 417, 'Info')];
  for (let i = 0; i < frames; i++) out.push(mpegFrame(header, length));
  out.push(id3v1());
  return bytes(...out);
}

const box = (name: string, ...content: (number[] | Uint8Array)[]) => {
  const body = bytes(...content);
  return bytes(u32be(body.length + 8), ascii(name), body);
};
function m4a(scale: number, duration: number, version: 0 | 1 = 0) {
  const ftyp = box('ftyp', ascii('M4A '), u32be(0), ascii('M4A mp42isom'));
  const mvhd =
    version === 0
      ? box('mvhd', [0, 0, 0, 0], u32be(0), u32be(0), u32be(scale), u32be(duration), new Array(80).fill(0))
      : box(
          'mvhd',
          [1, 0, 0, 0],
          new Array(16).fill(0),
          u32be(scale),
          u32be(Math.floor(duration / 2 ** 32)),
          u32be(duration >>> 0),
          new Array(80).fill(0),
        );
  const free = box('free', new Array(7).fill(0));
  return bytes(ftyp, free, box('moov', box('udta', new Array(4).fill(0)), mvhd), box('mdat', new Array(64).fill(0)));
}

/** Ogg's CRC-32 (polynomial 0x04c11db7, no reflection). */
function oggCrc(page: Uint8Array) {
  let crc = 0;
  for (const byte of page) {
    crc ^= byte << 24;
    for (let k = 0; k < 8; k++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}
function oggPage(type: number, granule: bigint, sequence: number, packet: number[]) {
  const g = new Uint8Array(8);
  new DataView(g.buffer).setBigInt64(0, granule, true);
  const page = bytes(
    ascii('OggS'),
    [0, type],
    g,
    u32le(0x4b594e),
    u32le(sequence),
    u32le(0),
    [1, packet.length],
    packet,
  );
  page.set(u32le(oggCrc(page)), 22);
  return page;
}
function oggVorbis(rate: number, samples: number) {
  const id = [
    1,
    ...ascii('vorbis'),
    ...u32le(0),
    2,
    ...u32le(rate),
    ...u32le(0),
    ...u32le(128000),
    ...u32le(0),
    0xb8,
    1,
  ];
  return bytes(
    oggPage(2, 0n, 0, id),
    oggPage(0, BigInt(samples / 2), 1, new Array(100).fill(0)),
    oggPage(4, BigInt(samples), 2, new Array(100).fill(0)),
  );
}
function oggOpus(preSkip: number, granule: number) {
  const head = [...ascii('OpusHead'), 1, 1, ...u16le(preSkip), ...u32le(44100), 0, 0, 0];
  return bytes(oggPage(2, 0n, 0, head), oggPage(4, BigInt(granule), 1, new Array(120).fill(0)));
}

describe('audioDuration', () => {
  it('reads a WAV: data size over byte rate, past other chunks, ignoring what follows the sound', () => {
    expect(audioDuration(wav(8000, 1, 2.5))).toEqual({ format: 'wav', seconds: 2.5 });
    const stereo = audioDuration(wav(11025, 2, 1.2, [...ascii('id3 '), ...u32le(4), 0, 0, 0, 0]));
    expect(stereo?.seconds).toBeCloseTo(1.2, 4);
  });

  it('a WAV cut short counts only the sound it holds', () => {
    const full = wav(8000, 1, 2);
    expect(audioDuration(full.subarray(0, full.length - 8000))?.seconds).toBeCloseTo(1.5, 4);
  });

  it('reads an MP3 by counting its frames, past ID3v2, the Info frame and ID3v1', () => {
    const d = audioDuration(mp3(100));
    expect(d?.format).toBe('mp3');
    expect(d?.seconds).toBeCloseTo((100 * 1152) / 44100, 6); // 2.612 s: the Info frame is not sound
  });

  it('an MP3 with variable bit rate counts every frame whatever its size', () => {
    const mixed = bytes(mp3(40, 128).subarray(0, -128), mp3(60, 192).subarray(310 + 417));
    expect(audioDuration(mixed)?.seconds).toBeCloseTo((100 * 1152) / 44100, 6);
  });

  it('an MPEG-2 Layer III frame holds 576 samples', () => {
    // 22.05 kHz, 64 kbit/s: 72 × 64000 / 22050 = 208 bytes a frame.
    const frames = Array.from({ length: 50 }, () => mpegFrame([0xff, 0xf3, 0x80, 0xc4], 208));
    expect(audioDuration(bytes(...frames))?.seconds).toBeCloseTo((50 * 576) / 22050, 6);
  });

  it('reads an M4A from moov → mvhd, 32-bit and 64-bit', () => {
    expect(audioDuration(m4a(44100, 44100 * 3))).toEqual({ format: 'm4a', seconds: 3 });
    expect(audioDuration(m4a(1000, 245_500, 1))?.seconds).toBeCloseTo(245.5, 6);
  });

  it('reads Ogg Vorbis (the last granule over its rate) and Opus (48 kHz, less the pre-skip)', () => {
    expect(audioDuration(oggVorbis(44100, 44100 * 4))).toEqual({ format: 'ogg', seconds: 4 });
    expect(audioDuration(oggOpus(312, 48000 * 3 + 312))?.seconds).toBeCloseTo(3, 6);
  });

  it('answers null for what is not audio or says nothing sensible', () => {
    expect(audioDuration(Uint8Array.from(ascii('Liên hoan tiếng hát')))).toBeNull();
    expect(audioDuration(new Uint8Array(0))).toBeNull();
    expect(audioDuration(bytes(ascii('RIFF'), u32le(4), ascii('WAVE')))).toBeNull();
    expect(audioDuration(m4a(0, 1000))).toBeNull(); // no time scale
    expect(audioDuration(bytes(ascii('OggS'), new Array(40).fill(0)))).toBeNull();
    // A lone 0xFF 0xFB in text is not an MP3: a frame must be followed by another.
    expect(audioDuration(bytes(ascii('abc'), [0xff, 0xfb, 0x90, 0x44], ascii('xyz')))).toBeNull();
  });
});
