import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../../test/support/platform.ts';
import { createApp } from '../../../app.ts';
import { jsonForScript } from '../../../site/layout.tsx';

/** The public site's own pages, without a session, on the seed's demo data (issue 17). */
describeEachDatabase('public website pages', (kind) => {
  const env = useTestEnv(kind, { publicUrl: 'https://dukdn.example.vn' }, { demo: 'all' });
  let webDir: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyniem-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = createApp(env().platform, { webDir });
  });
  afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));

  const page = async (url: string) => {
    const res = await app.request(url);
    return { res, html: await res.text() };
  };
  const meta = (html: string, attr: 'name' | 'property', key: string) =>
    html.match(new RegExp(`<meta ${attr}="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`))?.[1];

  it('answers GET / without a session with the public home page, not the app', async () => {
    const { res, html } = await page('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toMatch(/^<!doctype html><html lang="vi">/);
    expect(html).not.toContain('id="root"');
    expect(html).not.toContain('<script src=');
    expect(html).toContain('Đảng bộ khối Doanh nghiệp tỉnh Thái Bình');
    // the anniversary: founded 06/9/2004, the ceremony of 04/9/2019 and the tournament as events
    expect(html).toContain('Kỷ niệm 15 năm thành lập');
    expect(html).toContain('href="/giai-dau/CL2019"');
    expect(html).toMatch(/nhiệm vụ của kế hoạch đã hoàn thành/);
    // every page: title, description, canonical, Open Graph and Twitter, structured data
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(meta(html, 'name', 'description')?.length).toBeGreaterThan(40);
    expect(html).toContain('<link rel="canonical" href="https://dukdn.example.vn/"');
    expect(meta(html, 'property', 'og:image')).toBe('https://dukdn.example.vn/anh-chia-se.png');
    expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]);
    expect(ld['@type']).toBe('WebSite');
    // landmarks for screen readers, and a way past the menu
    for (const tag of ['<header', '<nav', '<main id="content"', '<footer', 'href="#content"'])
      expect(html).toContain(tag);
    // a repeat visit with the entity tag costs nothing
    const again = await app.request('/', { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('shows the published news: lists, an article with its picture and NewsArticle data, categories, tags, search without diacritics, RSS and Atom', async () => {
    const home = await page('/');
    const first = home.html.match(/href="\/tin-tuc\/([a-z0-9-]+)"/)![1];
    const list = await page('/tin-tuc');
    expect(list.res.status).toBe(200);
    expect(list.html).toContain(`href="/tin-tuc/${first}"`);
    const { res, html } = await page('/tin-tuc/giai-cau-long-cong-nhan-2019');
    expect(res.status).toBe(200);
    expect(meta(html, 'property', 'og:type')).toBe('article');
    expect(meta(html, 'property', 'og:image')).toMatch(/^https:\/\/dukdn\.example\.vn\/anh\/[0-9a-f-]+\/\d+\.jpg$/);
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', datePublished: expect.stringMatching(/^2019-/) });
    // the cover: AVIF and WebP sources, a JPEG with its size; above the fold, so not lazy
    expect(html).toMatch(/<source type="image\/avif" srcset="[^"]+ 480w/);
    expect(html).toMatch(/<img src="\/anh\/[^"]+\.jpg" alt="[^"]+" width="\d+" height="\d+" loading="eager"/);
    const tag = html.match(/href="(\/tin-tuc\/the\/[a-z0-9-]+)"/)![1];
    expect((await page(tag)).html).toContain('giai-cau-long-cong-nhan-2019');
    const cat = html.match(/href="(\/tin-tuc\/chuyen-muc\/[a-z0-9-]+)"/)![1];
    expect((await page(cat)).res.status).toBe(200);
    // search whole articles with or without diacritics
    const plain = await page('/tim-kiem?q=cau%20long');
    const marked = await page(`/tim-kiem?q=${encodeURIComponent('cầu lông')}`);
    expect(plain.html).toContain('href="/tin-tuc/giai-cau-long-cong-nhan-2019"');
    expect(marked.html.match(/href="\/tin-tuc\/[a-z0-9-]+"/g)?.sort()).toEqual(
      plain.html.match(/href="\/tin-tuc\/[a-z0-9-]+"/g)?.sort(),
    );
    expect(plain.html).toContain('<meta name="robots" content="noindex"');
    expect((await page('/tin-tuc/khong-co-bai-nay')).res.status).toBe(404);
    const rss = await page('/rss.xml');
    expect(rss.res.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    expect(rss.html).toMatch(/^<\?xml[^>]*\?>\s*<rss version="2.0"/);
    expect(rss.html).toContain('<link>https://dukdn.example.vn/tin-tuc/');
    const atom = await page('/atom.xml');
    expect(atom.html).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  });

  it('speaks English with ?lang=en, with its own canonical address', async () => {
    const { html } = await page('/?lang=en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('15th anniversary');
    expect(html).toContain('<link rel="canonical" href="https://dukdn.example.vn/?lang=en"');
  });

  it('shows the issued plan with its tasks, statuses and lead units', async () => {
    const list = await page('/ke-hoach');
    expect(list.html).toContain('href="/ke-hoach/01-kh-duk-2019"');
    const { res, html } = await page('/ke-hoach/01-kh-duk-2019');
    expect(res.status).toBe(200);
    expect(html).toContain('Kế hoạch tổ chức các hoạt động kỷ niệm 15 năm');
    expect(html).toContain('Số 01-KH/ĐUK, ngày 10/06/2019');
    expect((html.match(/<tr>/g) ?? []).length).toBeGreaterThan(20);
    expect(html).toMatch(/và \d+ đơn vị khác/);
    expect((await page('/ke-hoach/khong-co-2019')).res.status).toBe(404);
  });

  it('lists the events and shows a published ceremony programme as an Event', async () => {
    const { html } = await page('/su-kien');
    const ceremony = html.match(/href="(\/su-kien\/le-ky-niem\/[^"]+)"/)?.[1];
    expect(ceremony).toBeTruthy();
    const programme = await page(ceremony!);
    expect(programme.res.status).toBe(200);
    expect(programme.html).toContain('Chương trình');
    const ld = JSON.parse(programme.html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]);
    expect(ld).toMatchObject({ '@type': 'Event', startDate: expect.stringMatching(/^2019-09-04T/) });
  });

  /** Every JSON-LD block of a page, parsed (a block that does not parse fails the test). */
  const jsonLdOf = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
  const isEvent = (ld: Record<string, unknown>, type: string) => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': type,
      name: expect.any(String),
      description: expect.stringMatching(/.{30}/),
      url: expect.stringMatching(/^https:\/\/dukdn\.example\.vn\//),
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: expect.any(String), address: { '@type': 'PostalAddress' } },
      organizer: { '@type': 'Organization', name: expect.stringMatching(/.{3}/) },
      image: [expect.stringMatching(/^https:\/\/dukdn\.example\.vn\//)],
    });
    // a start and an end, in Việt Nam's time when the time of day is known
    for (const key of ['startDate', 'endDate']) expect(ld[key]).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:00\+07:00)?$/);
    expect(String(ld.endDate) >= String(ld.startDate)).toBe(true);
  };

  it('describes every event page as a schema.org Event: the tournament, the festival, the ceremony', async () => {
    const tournament = jsonLdOf((await page('/giai-dau/CL2019')).html);
    expect(tournament).toHaveLength(1);
    isEvent(tournament[0], 'SportsEvent');
    expect(tournament[0]).toMatchObject({
      sport: 'Cầu lông',
      startDate: expect.stringMatching(/T\d\d:\d\d:00\+07:00$/),
    });
    const festivals = (await page('/hoi-dien')).html.match(/href="(\/hoi-dien\/[^"?]+)"/)![1];
    const festival = jsonLdOf((await page(festivals)).html);
    expect(festival).toHaveLength(1);
    isEvent(festival[0], 'Event');
    const ceremony = (await page('/su-kien')).html.match(/href="(\/su-kien\/le-ky-niem\/[^"]+)"/)![1];
    const programme = jsonLdOf((await page(ceremony)).html);
    isEvent(programme[0], 'Event');
    expect(programme[0]).toMatchObject({
      startDate: '2019-09-04T19:30:00+07:00',
      endDate: expect.stringMatching(/^2019-09-04T2\d:\d\d:00\+07:00$/),
    });
  });

  it('shows what the press published, with the outlet, the day and a link out, and nothing planned or dropped', async () => {
    const { res, html } = await page('/bao-chi');
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>Báo chí viết về hoạt động kỷ niệm</h1>');
    expect(html).toContain('Tháng 9/2019');
    expect(html).toContain('Tháng 6/2019');
    const links = [...html.matchAll(/<a href="(https?:[^"]+)" rel="([^"]+)"/g)];
    expect(links.length).toBeGreaterThan(5);
    for (const [, , rel] of links) expect(rel.split(' ')).toEqual(expect.arrayContaining(['external', 'noopener']));
    expect(html).toContain('Báo Thái Bình · <time datetime="2019-06-19">19/06/2019</time>');
    // the planned piece, the dropped one and the website's own articles are not "the press"
    expect(html).not.toContain('Bản tin nội bộ: công nhân hưởng ứng đợt thi đua');
    expect(html).not.toContain('phỏng vấn đồng chí Bí thư');
    expect(html).not.toContain('Đài dời lịch phát sóng');
    expect(html).not.toContain('Ban Tuyên giáo Đảng ủy Khối');
    expect(html).not.toContain('trên trang thông tin của Khối');
    const home = await page('/');
    expect(home.html).toContain('<h2 id="press">Báo chí viết về</h2>');
    expect(home.html).toContain('href="/bao-chi"');
    expect((await page('/bao-chi?lang=en')).html).toContain('September 2019');
    // an article shows what the press wrote about the plan activity it covers (the tournament, A9)
    const article = (await page('/tin-tuc/giai-cau-long-cong-nhan-2019')).html;
    expect(article).toContain('Báo chí cũng viết về hoạt động này');
    expect(article).toContain('Giải Cầu lông công nhân 2019 — phóng sự');
    expect(article).not.toContain('Liên hoan Tiếng hát Thanh niên công nhân — đêm chung kết');
  });

  it('every public page is accessible: language, landmarks, a skip link, one h1, alt text, labelled fields', async () => {
    const home = (await page('/')).html;
    const article = home.match(/href="(\/tin-tuc\/[a-z0-9-]+)"/)![1];
    const events = (await page('/su-kien')).html;
    const ceremony = events.match(/href="(\/su-kien\/le-ky-niem\/[^"]+)"/)![1];
    const festival = (await page('/hoi-dien')).html.match(/href="(\/hoi-dien\/[^"?]+)"/)![1];
    const roll = home.match(/href="(\/vinh-danh\/[^"?]+)"/)?.[1];
    const paths = [
      '/',
      '/tin-tuc',
      article,
      '/tim-kiem?q=cau%20long',
      '/su-kien',
      ceremony,
      '/ke-hoach',
      '/ke-hoach/01-kh-duk-2019',
      '/van-ban',
      '/gioi-thieu',
      '/bao-chi',
      '/vinh-danh',
      ...(roll ? [roll] : []),
      '/giai-dau',
      '/giai-dau/CL2019',
      '/giai-dau/CL2019/san',
      '/hoi-dien',
      festival,
      '/khong-co-trang-nay',
    ];
    for (const path of paths)
      for (const lang of ['vi', 'en']) {
        const url = lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path;
        const { html } = await page(url);
        expect(html, url).toMatch(new RegExp(`^<!doctype html><html lang="${lang}"`));
        expect(html.match(/<h1[\s>]/g)?.length, `${url}: one h1`).toBe(1);
        for (const landmark of ['<header', '<nav', '<main', '<footer'])
          expect(html, `${url}: ${landmark}`).toContain(landmark);
        expect(html.match(/<body[^>]*>\s*<a class="skip" href="#content">/), `${url}: skip link first`).toBeTruthy();
        expect(html, `${url}: the skip link's target`).toMatch(/<main[^>]* id="content"|<main id="content"/);
        for (const img of html.match(/<img [^>]*>/g) ?? []) expect(img, `${url}: alt`).toMatch(/ alt="[^"]+"/);
        // every field has a label (by for/id) or an accessible name
        for (const input of html.match(/<input [^>]*>/g) ?? []) {
          if (/type="hidden"/.test(input)) continue;
          const id = input.match(/ id="([^"]+)"/)?.[1];
          const named = /aria-label="[^"]+"/.test(input) || (id && html.includes(`<label class="skip" for="${id}"`));
          expect(named || (id && html.includes(`for="${id}"`)), `${url}: ${input}`).toBeTruthy();
        }
        // focus stays visible: the style sheet outlines focused links, buttons and fields
        expect(html, `${url}: focus`).toMatch(/:focus-visible\{outline:3px solid/);
      }
  });

  it('about, robots.txt, the sitemap and the shared picture', async () => {
    expect((await page('/gioi-thieu')).html).toContain('Thành lập ngày 06/09/2004.');
    const robots = await page('/robots.txt');
    expect(robots.html).toContain('Disallow: /app/');
    expect(robots.html).toContain('Sitemap: https://dukdn.example.vn/sitemap.xml');
    const sitemap = await page('/sitemap.xml');
    expect(sitemap.res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(sitemap.html).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset /);
    const locs = [...sitemap.html.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain('https://dukdn.example.vn/');
    expect(locs).toContain('https://dukdn.example.vn/ke-hoach/01-kh-duk-2019');
    expect(locs).toContain('https://dukdn.example.vn/giai-dau/CL2019');
    expect(locs).toContain('https://dukdn.example.vn/bao-chi');
    expect(locs).toContain('https://dukdn.example.vn/tin-tuc/giai-cau-long-cong-nhan-2019');
    expect(new Set(locs).size).toBe(locs.length);
    // every address in the sitemap answers
    for (const loc of locs)
      expect((await app.request(loc.replace('https://dukdn.example.vn', ''))).status, loc).toBe(200);
    const picture = await app.request('/anh-chia-se.png');
    expect(picture.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await picture.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });

  it('answers an unknown address with the site’s 404 page; the app and its old addresses stay apart', async () => {
    const { res, html } = await page('/khong-co-trang-nay');
    expect(res.status).toBe(404);
    expect(html).toContain('Không tìm thấy trang');
    expect(html).toContain('<meta name="robots" content="noindex"');
    expect((await page('/app/plans')).html).toContain('id="root"');
    const moved = await app.request('/plans?tab=1');
    expect(moved.headers.get('location')).toBe('/app/plans?tab=1');
    expect((await app.request('/api/khong-co')).headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('writes structured data that no text can break out of', () => {
    const text = jsonForScript({ name: '</script><script>alert(1)</script>&<!--' });
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>&<!--');
  });
});
