/** @jsxImportSource hono/jsx */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type FC, useContext } from 'hono/jsx';
import { SiteContext, SitePage, siteDocument } from '../../site/layout.tsx';
import { type Lang, langOf } from '../../site/words.ts';
import { formatDmy } from '../../../common/dates.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  type PublicMatch,
  type PublicTournament,
  type PublicTournamentSummary,
  publicTournament,
  publicTournaments,
  tournamentSchedule,
} from './publicView.ts';
import { eventJsonLd } from '../../site/structuredData.ts';

type Schedule = Awaited<ReturnType<typeof tournamentSchedule>>;

/**
 * The tournament's public pages, server-rendered for anyone, no sign-in, readable without
 * JavaScript: `/giai-dau` (the tournaments), `/giai-dau/{code}` (courts now, each event's matches,
 * group tables and medals, the order of play, the medal table by unit) and `/giai-dau/{code}/san`
 * (the venue's big screen: each court, the match on it with its live score, next up). A small
 * script (`/giai-dau/truc-tiep.js`, on these pages only) listens to the tournament's public live
 * channel: a point updates its score in place, any other change re-reads the page's content.
 */
const PATH = '/giai-dau';
const SCRIPT = `${PATH}/truc-tiep.js`;

const words = {
  vi: {
    tournaments: 'Các giải đấu',
    none: 'Chưa có giải đấu nào.',
    dates: (a: string, b: string) => `${formatDmy(a)} – ${formatDmy(b)}`,
    courts: 'Trên sân',
    onCourt: 'Đang thi đấu',
    free: 'Sân trống',
    next: 'Tiếp theo',
    events: 'Nội dung thi đấu',
    notDrawn: 'Chưa bốc thăm.',
    group: (n: number) => `Bảng ${n}`,
    medals: 'Huy chương',
    gold: 'Vàng',
    silver: 'Bạc',
    bronze: 'Đồng',
    order: 'Lịch thi đấu',
    time: 'Giờ',
    court: 'Sân',
    match: 'Trận',
    medalTable: 'Bảng tổng sắp huy chương toàn đoàn',
    unit: 'Đơn vị',
    place: 'Hạng',
    noMedals: 'Chưa có huy chương.',
    bye: 'miễn đấu',
    live: 'Trực tiếp',
    outcomes: { walkover: 'Bỏ cuộc (W.O.)', retired: 'Bỏ dở', disqualified: 'Truất quyền' },
    notNeeded: 'không thi đấu',
    board: 'Bảng điện tử các sân',
    page: 'Trang giải đấu',
    all: 'Tất cả giải đấu',
    notFound: 'Không tìm thấy giải đấu',
    notFoundText: 'Giải đấu này không có.',
    language: 'Ngôn ngữ',
    liveNote: 'Trang tự cập nhật khi có điểm mới.',
    skip: 'Bỏ qua, đến nội dung chính',
    sport: 'Cầu lông',
    description: (t: PublicTournament) =>
      `${t.name}: ${formatDmy(t.startsOn)} – ${formatDmy(t.endsOn)} tại ${t.venue}. Kết quả trực tiếp, sơ đồ thi đấu, lịch thi đấu và huy chương.`,
  },
  en: {
    tournaments: 'Tournaments',
    none: 'No tournaments yet.',
    dates: (a: string, b: string) => `${formatDmy(a)} – ${formatDmy(b)}`,
    courts: 'On court',
    onCourt: 'Playing',
    free: 'Court free',
    next: 'Next up',
    events: 'Events',
    notDrawn: 'Not drawn yet.',
    group: (n: number) => `Group ${n}`,
    medals: 'Medals',
    gold: 'Gold',
    silver: 'Silver',
    bronze: 'Bronze',
    order: 'Order of play',
    time: 'Time',
    court: 'Court',
    match: 'Match',
    medalTable: 'Medal table by unit',
    unit: 'Unit',
    place: 'Place',
    noMedals: 'No medals yet.',
    bye: 'bye',
    live: 'Live',
    outcomes: { walkover: 'Walkover', retired: 'Retired', disqualified: 'Disqualified' },
    notNeeded: 'not played',
    board: 'Court board',
    page: 'Tournament page',
    all: 'All tournaments',
    notFound: 'Tournament not found',
    notFoundText: 'There is no such tournament.',
    language: 'Language',
    liveNote: 'The page updates itself as points are scored.',
    skip: 'Skip to the main content',
    sport: 'Badminton',
    description: (t: PublicTournament) =>
      `${t.name}: ${formatDmy(t.startsOn)} – ${formatDmy(t.endsOn)} at ${t.venue}. Live results, draws, order of play and medals.`,
  },
} as const;

export const tournamentStyle = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans","Liberation Sans",Arial,sans-serif;color:#1d1b19;background:#f6f4ef;line-height:1.45}
a{color:#a11d1d}
.wrap{max-width:1200px;margin:0 auto;padding:0 18px}
header.top{background:#a4161a;color:#fff}
header.top .wrap{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:6px 16px;padding:10px 18px}
header.top a{color:#fff}
.brand{font-weight:700;text-decoration:none}
.lang [aria-current]{font-weight:700}
h1{font-size:clamp(22px,3.6vw,34px);margin:22px 0 4px;line-height:1.25;overflow-wrap:anywhere}
.sub{margin:0 0 6px;color:#5c534b}
nav.toc{display:flex;flex-wrap:wrap;gap:6px 14px;margin:8px 0 18px;font-size:15px}
h2{font-size:clamp(19px,2.6vw,24px);margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid #e2d6c2}
h3{font-size:17px;margin:18px 0 8px}
.courts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,260px),1fr));gap:12px}
.court{background:#fff;border:1px solid #e4dccd;border-radius:10px;padding:12px 14px}
.court h3{margin:0 0 6px}
.muted{color:#6d645c;font-size:14px}
ol.matches{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,330px),1fr));gap:8px}
.m{background:#fff;border:1px solid #e4dccd;border-radius:8px;padding:8px 10px}
.m .head{display:flex;justify-content:space-between;gap:8px;font-size:13px;color:#6d645c}
.m .side{display:flex;justify-content:space-between;gap:8px;overflow-wrap:anywhere}
.m .won{font-weight:700}
ol.rubbers{margin:6px 0 0;padding:6px 0 0 18px;border-top:1px dashed #e4dccd;font-size:14px}
ol.rubbers .rl{color:#6d645c}
ol.rubbers .won{font-weight:700}
.score{font-variant-numeric:tabular-nums;white-space:nowrap;font-weight:600}
.live .score,.score.live{color:#b4121b}
.badge{display:inline-block;background:#b4121b;color:#fff;border-radius:4px;padding:0 6px;font-size:12px;font-weight:700;margin-left:6px}
.m.live{border-color:#b4121b;box-shadow:0 0 0 1px #b4121b inset}
table{border-collapse:collapse;width:100%;background:#fff;font-size:15px}
th,td{border:1px solid #e4dccd;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#efe8dc}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
.groups{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,280px),1fr));gap:10px}
.medals{margin:6px 0 0;padding:0;list-style:none}
.del{text-decoration:line-through;color:#6d645c}
footer{margin:36px 0 0;padding:14px 0 26px;border-top:1px solid #e2d6c2;color:#6d645c;font-size:14px}
ul.list{list-style:none;padding:0;display:grid;gap:12px}
ul.list li{background:#fff;border:1px solid #e4dccd;border-radius:10px;padding:14px 16px}
body.board{background:#111;color:#f3f3f3}
body.board header.top{background:#111;border-bottom:2px solid #333}
body.board h1{color:#fff}
body.board .sub,body.board .muted{color:#bbb}
body.board .courts{grid-template-columns:repeat(auto-fill,minmax(min(100%,420px),1fr));gap:16px}
body.board .court{background:#1d1d1d;border-color:#333;padding:16px 18px}
body.board .court h3{font-size:26px;color:#ffd25a}
body.board .big{display:flex;justify-content:space-between;gap:12px;font-size:clamp(20px,2.4vw,28px);overflow-wrap:anywhere}
body.board .big .score{font-size:clamp(40px,5vw,64px);color:#fff;line-height:1}
body.board .games{color:#bbb;font-size:18px}
body.board .serving::before{content:"● ";color:#ffd25a}
body.board a{color:#ffd25a}
body.board .skip{position:absolute;left:-9999px;top:0;background:#fff;color:#000;padding:8px 12px;z-index:10}
body.board .skip:focus{left:8px;top:8px}
body.board :focus-visible{outline:3px solid #ffd25a;outline-offset:2px}
@media (max-width:480px){.wrap{padding:0 12px}th,td{padding:5px 6px;font-size:14px}}
`;

const q = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');
const gamesText = (games: [number, number][]) => games.map(([a, b]) => `${a}-${b}`).join(', ');

const BoardLayout: FC<{
  lang: Lang;
  title: string;
  path: string;
  live?: string;
  board?: boolean;
  children?: unknown;
}> = ({ lang, title, path, live, board, children }) => (
  <html lang={lang}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <style dangerouslySetInnerHTML={{ __html: tournamentStyle }} />
      {live ? <script src={SCRIPT} defer /> : null}
    </head>
    <body class={board ? 'board' : undefined} data-live={live} data-lang={lang}>
      <a class="skip" href="#content">
        {words[lang].skip}
      </a>
      <header class="top">
        <div class="wrap">
          <a class="brand" href={`${PATH}${q(lang)}`}>
            {words[lang].tournaments}
          </a>
          <nav class="lang" aria-label={words[lang].language}>
            {lang === 'vi' ? <span aria-current="true">Tiếng Việt</span> : <a href={path}>Tiếng Việt</a>}
            {' · '}
            {lang === 'en' ? <span aria-current="true">English</span> : <a href={`${path}?lang=en`}>English</a>}
          </nav>
        </div>
      </header>
      <main class="wrap" id="content">
        {children}
      </main>
      <footer class="wrap">
        <a href={`${PATH}${q(lang)}`}>{words[lang].all}</a>
      </footer>
    </body>
  </html>
);

/** The tournament's pages inside the public site's frame (the court board keeps its own, a venue screen). */
const siteStyles = tournamentStyle
  .split('\n')
  .filter(
    (rule) =>
      !/^(\*,|body\{|a\{|\.wrap\{|header\.top|\.brand|\.lang|footer\{|body\.board|@media \(max-width:480px\))/.test(
        rule,
      ),
  )
  .join('\n');

const Layout: FC<{
  lang: Lang;
  title: string;
  description?: string;
  path: string;
  live?: string;
  board?: boolean;
  /** The page's schema.org SportsEvent. */
  event?: object;
  children?: unknown;
}> = (props) => {
  const site = useContext(SiteContext);
  if (props.board) return <BoardLayout {...props} />;
  const { lang, title, description, path, live, event, children } = props;
  return (
    <SitePage
      meta={{ lang, title, description: description ?? `${title} – ${words[lang].tournaments}`, path, jsonLd: event }}
      frame={site.frame}
      origin={site.origin}
      section="events"
      style={siteStyles}
      scripts={live ? [SCRIPT] : []}
      bodyData={live ? { live } : undefined}
    >
      {children}
    </SitePage>
  );
};

/** A match's score: the result, else the live score (games so far and the game in play). */
function scoreText(m: PublicMatch, lang: Lang): string {
  if (m.status === 'finished') return `${m.outcome ? `${words[lang].outcomes[m.outcome]} ` : ''}${gamesText(m.games)}`;
  if (m.live) return [gamesText(m.live.games), m.live.score?.join('-')].filter(Boolean).join(', ');
  return '';
}

const MatchItem: FC<{ m: PublicMatch; lang: Lang }> = ({ m, lang }) => {
  const w = words[lang];
  const live = m.status === 'playing';
  return (
    <li class={live ? 'm live' : 'm'} data-match={m.id}>
      <div class="head">
        <span>
          {m.code}
          {live ? <span class="badge">{w.live}</span> : null}
        </span>
        <span>{[m.court, m.start ? time(m.start) : null].filter(Boolean).join(' · ')}</span>
      </div>
      {[0, 1].map((i) => (
        <div class={`side${m.winner === (i === 0 ? 'a' : 'b') ? ' won' : ''}`}>
          <span>{m.sides[i] ?? (m.walkThrough ? w.bye : '…')}</span>
        </div>
      ))}
      <div class="score" data-score>
        {m.walkThrough ? '' : scoreText(m, lang)}
      </div>
      {m.rubbers && m.rubbers.some((r) => r.players.some((p) => p !== '') || r.games.length > 0) ? (
        <ol class="rubbers">
          {m.rubbers.map((r) => (
            <li class={r.notNeeded ? 'muted' : undefined}>
              <span class="rl">{r.label[lang]}</span>{' '}
              <span class={r.winner === 'a' ? 'won' : undefined}>{r.players[0] || '…'}</span>
              {' – '}
              <span class={r.winner === 'b' ? 'won' : undefined}>{r.players[1] || '…'}</span>{' '}
              <span class="score">
                {r.notNeeded ? w.notNeeded : `${r.outcome ? `${w.outcomes[r.outcome]} ` : ''}${gamesText(r.games)}`}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
};

/** Vietnam time of day. */
const time = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} ${formatDmy(d.toISOString().slice(0, 10)).slice(0, 5)}`;
};

const TournamentPage: FC<{ t: PublicTournament; lang: Lang; schedule: Schedule }> = ({ t, lang, schedule }) => {
  const w = words[lang];
  const site = useContext(SiteContext);
  const path = `${PATH}/${encodeURIComponent(t.code)}`;
  const description = w.description(t);
  const event = eventJsonLd({
    type: 'SportsEvent',
    name: t.name,
    description,
    origin: site.origin,
    path,
    startDay: schedule.start?.day ?? t.startsOn,
    startTime: schedule.start?.time,
    endDay: schedule.end?.day ?? t.endsOn,
    endTime: schedule.end?.time,
    venue: t.venue,
    organiser: schedule.organiser ?? site.frame.name,
    sport: w.sport,
  });
  const order = t.events
    .flatMap((e) => e.matches.map((m) => ({ ...m, event: e.code })))
    .filter((m) => m.start && m.status !== 'finished')
    .sort((a, b) => a.start!.localeCompare(b.start!));
  return (
    <Layout
      lang={lang}
      title={t.name}
      description={description}
      path={path}
      event={event}
      live={`/api/public/tournaments/${encodeURIComponent(t.code)}/live`}
    >
      <h1>{t.name}</h1>
      <p class="sub">
        {w.dates(t.startsOn, t.endsOn)} · {t.venue}
      </p>
      <nav class="toc">
        <a href="#san">{w.courts}</a>
        <a href="#noi-dung">{w.events}</a>
        <a href="#lich">{w.order}</a>
        <a href="#huy-chuong">{w.medalTable}</a>
        <a href={`${PATH}/${encodeURIComponent(t.code)}/san${q(lang)}`}>{w.board}</a>
      </nav>
      <p class="muted">{w.liveNote}</p>
      <h2 id="san">{w.courts}</h2>
      <div class="courts">
        {t.courts.map((c) => (
          <section class="court">
            <h3>{c.court}</h3>
            {c.now ? (
              <ol class="matches">
                <MatchItem m={c.now} lang={lang} />
              </ol>
            ) : (
              <p class="muted">{w.free}</p>
            )}
            {c.next.length ? (
              <p class="muted">
                {w.next}: {c.next.map((m) => `${m.code} ${m.start ? time(m.start).slice(0, 5) : ''}`).join(' · ')}
              </p>
            ) : null}
          </section>
        ))}
      </div>
      <h2 id="noi-dung">{w.events}</h2>
      {t.events.map((e) => {
        const rounds = [...new Set(e.matches.map((m) => `${m.stage}:${m.round}`))];
        return (
          <section id={`nd-${e.code}`}>
            <h3>
              {e.code} · {e.name} <span class="muted">({lang === 'en' ? e.scoring.en : e.scoring.vi})</span>
            </h3>
            {!e.drawn ? <p class="muted">{w.notDrawn}</p> : null}
            {e.medals.gold ? (
              <ul class="medals">
                <li>
                  🥇 {w.gold}: {e.medals.gold}
                </li>
                {e.medals.silver ? (
                  <li>
                    🥈 {w.silver}: {e.medals.silver}
                  </li>
                ) : null}
                {e.medals.bronze.map((b) => (
                  <li>
                    🥉 {w.bronze}: {b}
                  </li>
                ))}
              </ul>
            ) : null}
            {e.groups.length ? (
              <div class="groups">
                {e.groups.map((g) => (
                  <table>
                    <thead>
                      <tr>
                        <th>{w.place}</th>
                        <th>{w.group(g.group)}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.ranking.map((r, i) => (
                        <tr>
                          <td class="n">{i + 1}</td>
                          <td class={r.deleted ? 'del' : undefined}>{r.label}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ))}
              </div>
            ) : null}
            {rounds.map((r) => {
              const inRound = e.matches.filter((m) => `${m.stage}:${m.round}` === r);
              return (
                <>
                  <p class="muted">{lang === 'en' ? inRound[0].roundName.en : inRound[0].roundName.vi}</p>
                  <ol class="matches">
                    {inRound.map((m) => (
                      <MatchItem m={m} lang={lang} />
                    ))}
                  </ol>
                </>
              );
            })}
          </section>
        );
      })}
      <h2 id="lich">{w.order}</h2>
      {order.length ? (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th>{w.time}</th>
                <th>{w.court}</th>
                <th>{w.match}</th>
              </tr>
            </thead>
            <tbody>
              {order.map((m) => (
                <tr data-match={m.id}>
                  <td>{time(m.start!)}</td>
                  <td>{m.court}</td>
                  <td>
                    {m.event} {m.code}: {m.sides.map((s) => s ?? '…').join(' – ')}{' '}
                    <span class="score live" data-score>
                      {scoreText(m, lang)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">—</p>
      )}
      <h2 id="huy-chuong">{w.medalTable}</h2>
      {t.medalTable.length ? (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th>{w.place}</th>
                <th>{w.unit}</th>
                <th>{w.gold}</th>
                <th>{w.silver}</th>
                <th>{w.bronze}</th>
              </tr>
            </thead>
            <tbody>
              {t.medalTable.map((r) => (
                <tr>
                  <td class="n">{r.place}</td>
                  <td>{r.unit}</td>
                  <td class="n">{r.gold}</td>
                  <td class="n">{r.silver}</td>
                  <td class="n">{r.bronze}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{w.noMedals}</p>
      )}
    </Layout>
  );
};

const BoardPage: FC<{ t: PublicTournament; lang: Lang }> = ({ t, lang }) => {
  const w = words[lang];
  return (
    <Layout
      lang={lang}
      title={`${w.board} — ${t.name}`}
      path={`${PATH}/${encodeURIComponent(t.code)}/san`}
      live={`/api/public/tournaments/${encodeURIComponent(t.code)}/live`}
      board
    >
      <h1>{t.name}</h1>
      <p class="sub">
        {w.board} · <a href={`${PATH}/${encodeURIComponent(t.code)}${q(lang)}`}>{w.page}</a>
      </p>
      <div class="courts">
        {t.courts.map((c) => (
          <section class="court">
            <h3>{c.court}</h3>
            {c.now ? (
              <div data-match={c.now.id} data-board>
                <p class="muted">{c.now.code}</p>
                {[0, 1].map((i) => (
                  <div class={`big${c.now?.live?.serving === i ? ' serving' : ''}`} data-side={i}>
                    <span>{c.now?.sides[i]}</span>
                    <span class="score" data-point={i}>
                      {c.now?.live?.score?.[i] ?? 0}
                    </span>
                  </div>
                ))}
                <p class="games" data-games>
                  {gamesText(c.now.live?.games ?? [])}
                </p>
              </div>
            ) : (
              <p class="muted">{w.free}</p>
            )}
            {c.next.length ? (
              <p class="muted">
                {w.next}: {c.next.map((m) => `${m.code} ${m.sides.map((s) => s ?? '…').join(' – ')}`).join(' · ')}
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </Layout>
  );
};

const ListPage: FC<{ items: PublicTournamentSummary[]; lang: Lang }> = ({ items, lang }) => {
  const w = words[lang];
  return (
    <Layout lang={lang} title={w.tournaments} path={PATH}>
      <h1>{w.tournaments}</h1>
      {items.length ? (
        <ul class="list">
          {items.map((t) => (
            <li>
              <h2 style="border:0;margin:0 0 4px;padding:0">
                <a href={`${PATH}/${encodeURIComponent(t.code)}${q(lang)}`}>{t.name}</a>
              </h2>
              <p class="sub">
                {w.dates(t.startsOn, t.endsOn)} · {t.venue}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{w.none}</p>
      )}
    </Layout>
  );
};

const NotFoundPage: FC<{ lang: Lang }> = ({ lang }) => (
  <Layout lang={lang} title={words[lang].notFound} path={PATH}>
    <h1>{words[lang].notFound}</h1>
    <p class="muted">{words[lang].notFoundText}</p>
  </Layout>
);

/**
 * The live script: a point updates the match's score where it is shown (and the board's big
 * numbers); a draw, a result or a new order of play re-reads the page and swaps its content. The
 * browser's EventSource reconnects by itself.
 */
const liveScript = `(() => {
  const url = document.body.dataset.live;
  if (!url || typeof EventSource === 'undefined') return;
  const games = (g) => g.map((x) => x[0] + '-' + x[1]).join(', ');
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
      } catch {}
    }, 300);
  };
  const source = new EventSource(url);
  source.addEventListener('tournament', (e) => {
    let d;
    try { d = JSON.parse(e.data); } catch { return; }
    if (d.change === 'score' && d.live && d.matchId) {
      const found = document.querySelectorAll('[data-match="' + d.matchId + '"]');
      // A match's first point: the page reads itself again, to put the match on its court.
      if (found.length === 0 || !found[0].classList.contains('live')) reread();
      for (const el of found) {
        el.classList.add('live');
        for (const s of el.querySelectorAll('[data-score]'))
          s.textContent = [games(d.live.games), d.live.score ? d.live.score.join('-') : ''].filter(Boolean).join(', ');
        for (const p of el.querySelectorAll('[data-point]')) p.textContent = String(d.live.score ? d.live.score[Number(p.dataset.point)] : 0);
        for (const s of el.querySelectorAll('[data-side]')) s.classList.toggle('serving', Number(s.dataset.side) === d.live.serving);
        for (const g of el.querySelectorAll('[data-games]')) g.textContent = games(d.live.games);
      }
      document.body.dataset.lastScore = d.matchId + ':' + (d.live.score || [0, 0]).join('-');
      return;
    }
    reread();
  });
})();
`;

const page = siteDocument;

export function registerTournamentPages(app: OpenAPIHono<AppEnv>): void {
  // Live pages are not cached: a reload shows the score now.
  const headers = { 'Cache-Control': 'no-cache' };
  app.get(SCRIPT, (c) =>
    c.body(liveScript, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    }),
  );
  app.get(PATH, async (c) => {
    const lang = langOf(c.req.query('lang'));
    return c.html(
      await page(c.get('platform'), <ListPage items={await publicTournaments(c.get('platform'))} lang={lang} />),
      200,
      headers,
    );
  });
  const one = (board: boolean) => async (c: Context<AppEnv>) => {
    const lang = langOf(c.req.query('lang'));
    try {
      const t = await publicTournament(c.get('platform'), c.req.param('code') ?? '');
      const schedule = board ? null : await tournamentSchedule(c.get('platform'), t.id);
      return c.html(
        await page(
          c.get('platform'),
          schedule ? <TournamentPage t={t} lang={lang} schedule={schedule} /> : <BoardPage t={t} lang={lang} />,
        ),
        200,
        headers,
      );
    } catch (err) {
      if (err instanceof AppError && err.status === 404)
        return c.html(await page(c.get('platform'), <NotFoundPage lang={lang} />), 404, headers);
      throw err;
    }
  };
  app.get(`${PATH}/:code/san`, one(true));
  app.get(`${PATH}/:code`, one(false));
}
