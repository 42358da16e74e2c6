import sharp from 'sharp';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Client, signIn } from '../../../../test/support/client.ts';

const gpsPointer = Buffer.from([0x25, 0x88, 0x04, 0x00]); // tag 0x8825, type LONG

/** A photo as a phone takes it: Exif with the camera, the owner and the GPS position. */
const phonePhoto = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#3d6b8f' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Nguyen Van A' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .toBuffer();

/** Images are stored as their pixels only: no Exif, no GPS, nothing appended. */
describeEachDatabase('images on upload', (kind) => {
  const env = useTestEnv(kind);
  let client: Client;
  const upload = async (bytes: Uint8Array, name: string) => {
    const res = await env().app.request(`/api/files?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        cookie: client.cookie!,
        'x-csrf-token': client.csrfToken!,
        'content-type': 'application/octet-stream',
      },
      body: bytes as unknown as BodyInit,
    });
    return {
      status: res.status,
      body: (await res.json()) as { id: string; mediaType: string; size: number; error?: { code: string } },
    };
  };
  const download = async (id: string) =>
    Buffer.from(
      await (await env().app.request(`/api/files/${id}`, { headers: { cookie: client.cookie! } })).arrayBuffer(),
    );

  it('signs in a uploader', async () => {
    const u = await buildUser(env().platform, { grants: [{ role: 'system_admin', unitId: null }] });
    client = await signIn(env().app, u.username, u.password);
  });

  it('a JPEG with GPS Exif comes back without it, the same picture', async () => {
    const original = await phonePhoto();
    const before = await sharp(original).metadata();
    // The GPS block is there: the GPSInfo pointer (tag 0x8825, little-endian as libvips writes it).
    expect(before.exif?.includes(gpsPointer)).toBe(true);
    expect(original.includes(Buffer.from('PhoneMaker'))).toBe(true);

    const { status, body } = await upload(new Uint8Array(original), 'IMG_0001.jpg');
    expect([status, body.mediaType]).toEqual([201, 'image/jpeg']);
    const stored = await download(body.id);
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(stored.includes(gpsPointer)).toBe(false);
    expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(stored.includes(Buffer.from('Nguyen Van A'))).toBe(false);
    expect([after.width, after.height, after.format]).toEqual([40, 30, 'jpeg']);
    expect(body.size).toBe(stored.length);
  });

  it('a PNG with a program glued after it is stored without the program; a forged one is refused', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#b3261e80' } })
      .png()
      .toBuffer();
    const program = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(64, 0x90),
      Buffer.from('This program cannot be run in DOS mode.'),
    ]);
    const { status, body } = await upload(new Uint8Array(Buffer.concat([png, program])), 'anh.png');
    expect(status).toBe(201);
    const stored = await download(body.id);
    expect(stored.includes(Buffer.from('This program'))).toBe(false);
    expect((await sharp(stored).raw().toBuffer()).equals(await sharp(png).raw().toBuffer())).toBe(true);

    const forged = Buffer.concat([png.subarray(0, 33), program]); // a PNG's signature and header, no pixels
    const refused = await upload(new Uint8Array(forged), 'anh.png');
    expect([refused.status, refused.body.error?.code]).toEqual([415, 'FILE_TYPE_REFUSED']);
  });
});
