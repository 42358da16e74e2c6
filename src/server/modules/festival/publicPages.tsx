/** @jsxImportSource hono/jsx */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { type FC, useContext } from 'hono/jsx';
import { SiteContext, SitePage, siteDocument } from '../../site/layout.tsx';
import { type Lang, langOf } from '../../site/words.ts';
import { formatDmy } from '../../../common/dates.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { PUBLIC_PATH as PATH, type PublicFestival, publicFestival, publicFestivals } from './publicFestivals.ts';
import type { PublicFestivalSummary } from './publicFestivals.ts';
import { eventJsonLd } from '../../site/structuredData.ts';

/**
 * The festival's public pages, server-rendered for anyone, no sign-in, whole without script: `/hoi-dien`
 * lists the festivals, `/hoi-dien/{code}` shows one — its nights (date, venue), the accepted acts,
 * and for a round whose result the head judge has certified, the ranking with the prizes. Before
 * certification the page says the results are not out and shows nothing of the marks (ADR 20).
 * Each page has its title, description, Open Graph tags, canonical address and, for a festival,
 * a schema.org Event. Vietnamese by default, English with `?lang=en`. The markup is whole here
 * (one inline style sheet, fits a 390 px phone) so the site's common layout can take it later.
 */
const codePattern = /^[A-Za-z0-9_.-]{1,40}$/;
const SCRIPT = `${PATH}/truc-tiep.js`;

/**
 * The page's only script, loaded on a festival's page: it listens to the festival's public live
 * channel and, when an act is accepted or a round certified, reads the page again and swaps its
 * content. Without JavaScript the page is whole; a reload shows the same.
 */
const liveScript = `(() => {
  const url = document.body.dataset.live;
  if (!url || typeof EventSource === 'undefined') return;
  let timer;
  const reread = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const res = await fetch(location.href, { headers: { Accept: 'text/html' } });
        if (!res.ok) return;
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const fresh = doc.getElementById('content');
        if (fresh) document.getElementById('content').replaceChildren(...fresh.childNodes);
        document.body.dataset.updated = String(Date.now());
      } catch {}
    }, 200);
  };
  const source = new EventSource(url);
  source.addEventListener('ready', () => { document.body.dataset.listening = 'yes'; });
  source.addEventListener('festival', reread);
})();
`;

const words = {
  vi: {
    festivals: 'Liên hoan văn nghệ',
    listDescription: 'Các liên hoan văn nghệ của đoàn viên, thanh niên công nhân: tiết mục, kết quả, giải thưởng.',
    none: 'Chưa có liên hoan nào.',
    night: (d: string | null, v: string | null) => [d ? `Ngày ${formatDmy(d)}` : null, v].filter(Boolean).join(' · '),
    organiser: 'Đơn vị tổ chức',
    rounds: 'Các vòng thi',
    kinds: { heat: 'Sơ khảo tại đơn vị', exchange: 'Đêm giao lưu' },
    results: 'Kết quả',
    notOut: 'Kết quả được công bố sau khi Trưởng ban giám khảo chứng nhận.',
    certified: 'Kết quả đã được Trưởng ban giám khảo chứng nhận.',
    rank: 'Hạng',
    act: 'Tiết mục',
    score: 'Điểm',
    prize: 'Giải',
    prizes: { A: 'Giải A', B: 'Giải B', C: 'Giải C', encouragement: 'Giải khuyến khích', special: 'Giải đặc biệt' },
    entries: (n: number) => `Tiết mục dự thi (${n})`,
    noEntries: 'Chưa có tiết mục được chấp nhận.',
    performances: { solo: 'Đơn ca', duet: 'Song ca', group: 'Tốp ca' },
    music: 'Nhạc',
    description: (f: PublicFestival) =>
      [
        f.name,
        f.date ? `ngày ${formatDmy(f.date)}` : null,
        f.venue ? `tại ${f.venue}` : null,
        `${f.entries.length} tiết mục`,
        f.certified ? 'kết quả đã chứng nhận' : null,
      ]
        .filter(Boolean)
        .join(', ')
        .concat('.'),
    open: 'Xem liên hoan',
    status: (certified: boolean) => (certified ? 'Đã có kết quả' : 'Chưa công bố kết quả'),
    all: 'Tất cả liên hoan',
    notFound: 'Không tìm thấy liên hoan',
    notFoundText: 'Liên hoan này không có.',
    language: 'Ngôn ngữ',
  },
  en: {
    festivals: 'Arts festivals',
    listDescription: "The young workers' arts festivals: the acts, the results, the prizes.",
    none: 'No festivals yet.',
    night: (d: string | null, v: string | null) => [d ? formatDmy(d) : null, v].filter(Boolean).join(' · '),
    organiser: 'Organised by',
    rounds: 'Rounds',
    kinds: { heat: "Unit's heat", exchange: 'Exchange night' },
    results: 'Results',
    notOut: 'The results are published once the head judge certifies them.',
    certified: 'The results are certified by the head judge.',
    rank: 'Rank',
    act: 'Act',
    score: 'Score',
    prize: 'Prize',
    prizes: {
      A: 'A prize',
      B: 'B prize',
      C: 'C prize',
      encouragement: 'Encouragement prize',
      special: 'Special prize',
    },
    entries: (n: number) => `Acts (${n})`,
    noEntries: 'No accepted acts yet.',
    performances: { solo: 'Solo', duet: 'Duet', group: 'Group' },
    music: 'Music',
    description: (f: PublicFestival) =>
      [
        f.name,
        f.date ? formatDmy(f.date) : null,
        f.venue,
        `${f.entries.length} acts`,
        f.certified ? 'results certified' : null,
      ]
        .filter(Boolean)
        .join(', ')
        .concat('.'),
    open: 'Open the festival',
    status: (certified: boolean) => (certified ? 'Results out' : 'Results not out yet'),
    all: 'All festivals',
    notFound: 'Festival not found',
    notFoundText: 'There is no such festival.',
    language: 'Language',
  },
} as const;

export const festivalStyle = `
h1{font-family:"Noto Serif","Liberation Serif",Georgia,serif;font-size:clamp(23px,4vw,36px);line-height:1.25;margin:24px 0 6px;overflow-wrap:anywhere}
.sub{margin:0;color:#5c4f46}
h2{font-family:"Noto Serif","Liberation Serif",Georgia,serif;font-size:clamp(19px,2.8vw,24px);color:#7d1212;margin:30px 0 12px;padding-bottom:5px;border-bottom:1px solid #e6d9c3}
h3{font-size:17px;margin:18px 0 6px}
.muted{color:#6b5d53;font-size:14px}
.note{background:#fff6df;border:1px solid #ecd9a5;border-radius:8px;padding:10px 12px;margin:8px 0}
table{border-collapse:collapse;width:100%;background:#fff;font-size:15px}
th,td{border:1px solid #eadfcd;padding:7px 9px;text-align:left;vertical-align:top}
th{background:#f3ead9}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.prize{display:inline-block;background:#d4a72c;color:#3b2a05;border-radius:4px;padding:0 6px;margin:2px 4px 0 0;font-size:13px;font-weight:700}
ol.acts,ul.list{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,300px),1fr));gap:10px}
ol.acts li,ul.list li{background:#fff;border:1px solid #eadfcd;border-radius:10px;padding:12px 14px;overflow-wrap:anywhere}
.song{font-weight:700}
ul.list h2{border:0;margin:0 0 4px;padding:0;font-size:20px}
@media (max-width:480px){th,td{padding:6px;font-size:14px}.who{display:block;color:#6b5d53;font-size:13px}}
`;

/** A score to two decimals in the reader's way (88,56 in Vietnamese). */
const scoreText = (x: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(x);
const q = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');
const page = siteDocument;

const Layout: FC<{
  lang: Lang;
  title: string;
  description: string;
  /** The page's path without the language. */
  path: string;
  origin: string;
  event?: object;
  /** The festival's public live channel: the page re-reads itself when it changes. */
  live?: string;
  children?: unknown;
}> = ({ lang, title, description, path, event, live, children }) => {
  const site = useContext(SiteContext);
  return (
    <SitePage
      meta={{ lang, title, description, path, jsonLd: event }}
      frame={site.frame}
      origin={site.origin}
      section="events"
      style={festivalStyle}
      scripts={live ? [SCRIPT] : []}
      bodyData={live ? { live } : undefined}
    >
      {children}
      <p class="muted">
        <a href={`${PATH}${q(lang)}`}>{words[lang].all}</a>
      </p>
    </SitePage>
  );
};

const FestivalPage: FC<{ f: PublicFestival; lang: Lang; origin: string }> = ({ f, lang, origin }) => {
  const w = words[lang];
  const path = `${PATH}/${encodeURIComponent(f.code)}`;
  const description = w.description(f);
  const site = useContext(SiteContext);
  // the festival runs from its first night to its last (days only: the nights keep no time)
  const days = [f.date, ...f.rounds.map((r) => r.heldOn)].filter((d): d is string => !!d).sort();
  const event = days[0]
    ? eventJsonLd({
        name: f.name,
        description,
        origin,
        path,
        startDay: days[0],
        endDay: days.at(-1),
        venue: f.venue ?? f.rounds[0]?.venue ?? site.frame.name,
        organiser: f.organiser ?? site.frame.name,
      })
    : undefined;
  return (
    <Layout
      lang={lang}
      title={f.name}
      description={description}
      path={path}
      origin={origin}
      event={event}
      live={`/api/public/festivals/${encodeURIComponent(f.code)}/live`}
    >
      <h1>{f.name}</h1>
      <p class="sub">{w.night(f.date, f.venue)}</p>
      {f.organiser ? (
        <p class="muted">
          {w.organiser}: {f.organiser}
        </p>
      ) : null}
      <h2 id="ket-qua">{w.results}</h2>
      {f.rounds.length === 0 ? <p class="note">{w.notOut}</p> : null}
      {f.rounds.map((r) => (
        <section data-round={r.name}>
          <h3>
            {r.name} <span class="muted">({w.kinds[r.kind]})</span>
          </h3>
          <p class="muted">{w.night(r.heldOn, r.venue)}</p>
          {r.certified ? (
            <>
              <p class="muted">{w.certified}</p>
              <table data-results>
                <thead>
                  <tr>
                    <th>{w.rank}</th>
                    <th>{w.act}</th>
                    <th>{w.score}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.results.map((x) => (
                    <tr>
                      <td class="n">{x.rank}</td>
                      <td>
                        <span class="song">{x.song}</span>{' '}
                        <span class="who">
                          {x.unitName} — {x.performers.join(', ')}
                        </span>
                        {x.prizes.length ? (
                          <div>
                            {x.prizes.map((p) => (
                              <span class="prize">{p.kind === 'special' && p.title ? p.title : w.prizes[p.kind]}</span>
                            ))}
                          </div>
                        ) : null}
                      </td>
                      <td class="n">{x.score === null ? '—' : scoreText(x.score, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p class="note">{w.notOut}</p>
          )}
        </section>
      ))}
      <h2 id="tiet-muc">{w.entries(f.entries.length)}</h2>
      {f.entries.length ? (
        <ol class="acts">
          {f.entries.map((e) => (
            <li>
              <div class="song">{e.song}</div>
              <div class="muted">
                {w.music}: {e.composer}
              </div>
              <div>
                {w.performances[e.performance]}: {e.performers.join(', ')}
              </div>
              <div class="muted">{e.unitName}</div>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{w.noEntries}</p>
      )}
    </Layout>
  );
};

const ListPage: FC<{ items: PublicFestivalSummary[]; lang: Lang; origin: string }> = ({ items, lang, origin }) => {
  const w = words[lang];
  return (
    <Layout lang={lang} title={w.festivals} description={w.listDescription} path={PATH} origin={origin}>
      <h1>{w.festivals}</h1>
      {items.length ? (
        <ul class="list">
          {items.map((f) => (
            <li>
              <h2>
                <a href={`${f.link}${q(lang)}`}>{f.name}</a>
              </h2>
              <p class="sub">{w.night(f.date, f.venue)}</p>
              <p class="muted">{w.status(f.certified)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{w.none}</p>
      )}
    </Layout>
  );
};

const NotFoundPage: FC<{ lang: Lang; origin: string }> = ({ lang, origin }) => (
  <Layout lang={lang} title={words[lang].notFound} description={words[lang].notFoundText} path={PATH} origin={origin}>
    <h1>{words[lang].notFound}</h1>
    <p class="muted">{words[lang].notFoundText}</p>
  </Layout>
);

export function registerFestivalPages(app: OpenAPIHono<AppEnv>): void {
  // Results appear the moment they are certified: a reload must show them.
  const headers = { 'Cache-Control': 'no-cache' };
  app.get(SCRIPT, (c) =>
    c.body(liveScript, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    }),
  );
  app.get(PATH, async (c) => {
    const platform = c.get('platform');
    const lang = langOf(c.req.query('lang'));
    const items = await publicFestivals(platform.db);
    return c.html(
      await page(c.get('platform'), <ListPage items={items} lang={lang} origin={platform.config.publicUrl} />),
      200,
      headers,
    );
  });
  app.get(`${PATH}/`, (c) => c.redirect(c.req.query('lang') === 'en' ? `${PATH}?lang=en` : PATH, 301));
  app.get(`${PATH}/:code`, async (c) => {
    const platform = c.get('platform');
    const lang = langOf(c.req.query('lang'));
    const origin = platform.config.publicUrl;
    const code = c.req.param('code');
    const f = codePattern.test(code) ? await publicFestival(platform, code) : null;
    if (!f) return c.html(await page(c.get('platform'), <NotFoundPage lang={lang} origin={origin} />), 404, headers);
    return c.html(await page(c.get('platform'), <FestivalPage f={f} lang={lang} origin={origin} />), 200, headers);
  });
}
