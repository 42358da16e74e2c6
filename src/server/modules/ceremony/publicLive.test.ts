import { expect, it } from 'vitest';
import { anonymous } from '../../../../test/support/client.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { addGuest, createCeremony, updateCeremony, updateSegment } from './ceremonies.ts';
import { ceremonyInput, guestInput, segmentPatch } from './schema.ts';
import { callShow } from './show.ts';

/**
 * The ceremony's public page and its live channel (issue 17) on both databases: nothing before
 * the programme is published; then the page, with its Event data that no name can break out of,
 * shows what is on and next, and the channel sends the show-caller's moves as the public
 * programme — never the MC's lines, cues, microphones, who is on stage or the guests.
 */
describeEachDatabase('ceremony public page and live channel', (kind) => {
  const env = useTestEnv(kind, { publicUrl: 'https://dukdn.example.vn' });
  const SECRET = 'BÍ MẬT';
  const NAME = 'Lễ kỷ niệm </script><script>alert(1)</script> & <!-- 15 năm';

  it('publishes only the public programme, live, and nothing private', async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-09-04T12:25:00Z'));
    const caller = systemCaller('test');
    const c = await createCeremony(
      platform,
      caller,
      ceremonyInput.parse({
        code: 'LE-PUBLIC',
        name: NAME,
        eventDate: '2019-09-04',
        venue: 'Nhà văn hóa tỉnh Thái Bình',
        doors: '19:00',
        start: '19:30',
        targetEnd: '21:30',
        honoursCampaignId: null,
        stageSize: 2,
      }),
    );
    await updateSegment(
      platform,
      caller,
      c.id,
      c.segments[0].id,
      segmentPatch.parse({
        mcLines: `Lời dẫn ${SECRET} của MC`,
        cues: [{ kind: 'sound', text: `Tín hiệu ${SECRET}` }],
        microphones: `Micro ${SECRET}`,
        onStage: `Sân khấu ${SECRET}`,
        speechText: `Bài phát biểu ${SECRET}`,
      }),
    );
    await addGuest(
      platform,
      caller,
      c.id,
      guestInput.parse({
        name: `Khách ${SECRET}`,
        title: 'Bí thư',
        organisation: 'Tỉnh ủy',
        level: 'province',
        branch: 'party',
        rank: 1,
        mayPresent: true,
      }),
    );
    const anon = anonymous(app);
    const live = '/api/public/ceremonies/LE-PUBLIC/live';
    // not published: neither the page nor the channel answers
    expect((await anon.get('/su-kien/le-ky-niem/LE-PUBLIC')).status).toBe(404);
    expect((await anon.get(live)).status).toBe(404);
    await updateCeremony(platform, caller, c.id, { published: true });

    const before = await (await anon.get('/su-kien/le-ky-niem/LE-PUBLIC')).text();
    expect(before).toContain(`data-live="${live}"`);
    expect(before).toContain('<script src="/su-kien/le-ky-niem/truc-tiep.js" defer="">');
    expect(before).toContain('Chương trình bắt đầu lúc 19:30.');
    expect(before).not.toContain(SECRET);
    expect(before).not.toContain('<script>alert(1)');
    const blocks = [...before.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) =>
      JSON.parse(m[1]),
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({
      '@type': 'Event',
      name: NAME,
      startDate: '2019-09-04T19:30:00+07:00',
      endDate: expect.stringMatching(/^2019-09-04T2\d:\d\d:00\+07:00$/),
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'Nhà văn hóa tỉnh Thái Bình', address: { '@type': 'PostalAddress' } },
      organizer: { '@type': 'Organization', name: expect.any(String) },
      url: 'https://dukdn.example.vn/su-kien/le-ky-niem/LE-PUBLIC',
      image: ['https://dukdn.example.vn/anh-chia-se.png'],
      description: expect.stringContaining('04/09/2019'),
    });
    const script = await anon.get('/su-kien/le-ky-niem/truc-tiep.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("addEventListener('ceremony'");

    const stream = await anon.get(live);
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let buffer = '';
    const nextMessage = async () => {
      for (;;) {
        const at = buffer.indexOf('event: ceremony\ndata: ');
        const end = at >= 0 ? buffer.indexOf('\n', at + 22) : -1;
        if (end >= 0) {
          const line = buffer.slice(at + 22, end);
          buffer = buffer.slice(end);
          return { text: line, data: JSON.parse(line) };
        }
        buffer += new TextDecoder().decode((await reader.read()).value);
      }
    };
    while (!buffer.includes('event: ready')) buffer += new TextDecoder().decode((await reader.read()).value);
    buffer = '';
    clock.set(new Date('2019-09-04T12:31:00Z'));
    await callShow(platform, caller, c.id, 'start');
    const started = await nextMessage();
    expect(started.data.change).toBe('live');
    expect(started.data.programme.live).toMatchObject({
      status: 'running',
      current: { index: 0, title: c.segments[0].title, start: '19:31' },
      next: { index: 1, title: c.segments[1].title },
    });
    clock.set(new Date('2019-09-04T12:45:00Z'));
    await callShow(platform, caller, c.id, 'next');
    const moved = await nextMessage();
    expect(moved.data.programme.live.current).toMatchObject({ index: 1, title: c.segments[1].title, start: '19:45' });
    expect(moved.data.programme.segments[0]).toMatchObject({ state: 'done', actualStart: '19:31' });
    // only the public programme's fields, and none of the private text
    for (const m of [started, moved]) {
      expect(Object.keys(m.data).sort()).toEqual(['change', 'programme']);
      expect(Object.keys(m.data.programme.segments[0]).sort()).toEqual(
        ['actualStart', 'kind', 'performers', 'start', 'state', 'title'].sort(),
      );
      for (const hidden of [SECRET, c.id, 'mcLines', 'cues', 'microphones', 'onStage', 'ceremonyId', 'version'])
        expect(m.text).not.toContain(hidden);
    }
    // without script, the page shows the state it was made in
    const during = await (await anon.get('/su-kien/le-ky-niem/LE-PUBLIC')).text();
    expect(during).toContain(`<strong data-now="true">${c.segments[1].title}</strong>`);
    expect(during).toContain(`<strong data-next="true">${c.segments[2].title}</strong>`);
    expect(during).toMatch(/<tr class="seg done" data-seg="0">/);
    expect(during).not.toContain(SECRET);
    // withdrawn: the channel says only that
    await updateCeremony(platform, caller, c.id, { published: false });
    const gone = await nextMessage();
    expect(gone.text).toBe('{"change":"unpublished"}');
    await reader.cancel();
  });
});
