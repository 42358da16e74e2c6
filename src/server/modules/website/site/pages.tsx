/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { daysUntil, formatDmy } from '../../../../common/dates.ts';
import type { PublicProfile } from '../../organisation/index.ts';
import type { PublicPlanSummary, PublicPlanTimeline } from '../../plans/index.ts';
import type { PublicRollSummary } from '../../honours/index.ts';
import type { PublicProgrammeOut } from '../../ceremony/index.ts';
import { outletLabel, type PublicPiece } from '../../publicity/index.ts';
import { href, type Lang } from '../../../site/words.ts';
import type { PublicEvent } from './events.ts';
import { pageWords } from './words.ts';

/**
 * The website's own pages' content (inside the site's frame): the home page's parts, the events,
 * a ceremony's programme, the plans and a plan's timeline, about and contact.
 */

export const EventList: FC<{ events: PublicEvent[]; lang: Lang }> = ({ events, lang }) => {
  const w = pageWords[lang];
  if (events.length === 0) return <p class="muted">{w.noEvents}</p>;
  return (
    <ul class="rows">
      {events.map((e) => (
        <li>
          <p class="muted" style="margin:0">
            {w.kinds[e.kind]} · {w.days(e.startsOn, e.endsOn)}
            {e.state === 'live' ? (
              <>
                {' '}
                <span class="badge">{w.states.live}</span>
              </>
            ) : (
              ` · ${w.states[e.state]}`
            )}
          </p>
          <h3 style="margin:4px 0">
            <a href={href(e.path, lang)}>{e.name}</a>
          </h3>
          <p class="muted" style="margin:0">
            {e.venue}
          </p>
        </li>
      ))}
    </ul>
  );
};

export type Anniversary = {
  profile: PublicProfile | null;
  today: string;
  /** The ceremony the countdown runs to, or the one held. */
  ceremony: PublicEvent | null;
  honoured: number;
  events: number;
  plan: { done: number; total: number; slug: string } | null;
};

/** The anniversary's countdown before the ceremony, its highlights after it. */
export const AnniversaryBand: FC<{ a: Anniversary; lang: Lang }> = ({ a, lang }) => {
  const w = pageWords[lang];
  const founded = a.profile?.foundedOn ?? null;
  const ceremonyYear = a.ceremony ? Number(a.ceremony.startsOn.slice(0, 4)) : null;
  const years = founded && ceremonyYear ? ceremonyYear - Number(founded.slice(0, 4)) : null;
  const before = a.ceremony && a.ceremony.state !== 'past';
  return (
    <section class="band" aria-labelledby="anniversary">
      {years ? (
        <p class="eyebrow">
          {w.anniversary(years)}
          {founded && ceremonyYear ? ` · ${w.foundedRange(founded, `${ceremonyYear}${founded.slice(4)}`)}` : null}
        </p>
      ) : null}
      <h1 id="anniversary">{a.profile?.name ?? ''}</h1>
      {a.ceremony && before ? (
        <p class="count">
          <strong>{w.countdown(Math.max(0, daysUntil(a.ceremony.startsOn, a.today)))}</strong>{' '}
          <a href={href(a.ceremony.path, lang)}>{w.until(a.ceremony.name, a.ceremony.startsOn)}</a>
        </p>
      ) : null}
      {a.ceremony && !before ? (
        <p class="count">
          <a href={href(a.ceremony.path, lang)}>{w.held(a.ceremony.name, a.ceremony.startsOn)}</a>
        </p>
      ) : null}
      <ul class="figures" aria-label={w.highlights}>
        {a.honoured > 0 ? (
          <li>
            <a href={href('/vinh-danh', lang)}>{w.honoured(a.honoured)}</a>
          </li>
        ) : null}
        {a.events > 0 ? (
          <li>
            <a href={href('/su-kien', lang)}>{w.eventsHeld(a.events)}</a>
          </li>
        ) : null}
        {a.plan ? (
          <li>
            <a href={href(`/ke-hoach/${a.plan.slug}`, lang)}>{w.planDone(a.plan.done, a.plan.total)}</a>
          </li>
        ) : null}
      </ul>
    </section>
  );
};

export const homeStyle = `
.band{background:#fff8e6;border:1px solid #efd9a6;border-radius:12px;padding:14px 18px 16px;margin:18px 0 4px}
.band h1{margin:2px 0 6px}
.eyebrow{margin:0;color:#8a1216;font-weight:700;text-transform:uppercase;font-size:14px;letter-spacing:.03em}
.count{margin:4px 0 8px;font-size:19px}
.count strong{color:#a4161a;font-size:26px}
.figures{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:8px}
.figures li a{display:inline-block;background:#fff;border:1px solid #e4dccd;border-radius:999px;padding:4px 12px;text-decoration:none;font-size:15px}
.two{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:0 28px}
@media (max-width:820px){.two{grid-template-columns:minmax(0,1fr)}}
`;

export const RollList: FC<{ rolls: PublicRollSummary[]; lang: Lang }> = ({ rolls, lang }) => {
  const w = pageWords[lang];
  if (rolls.length === 0) return <p class="muted">{w.noRolls}</p>;
  return (
    <ul class="rows">
      {rolls.map((r) => (
        <li>
          <a href={href(`/vinh-danh/${encodeURIComponent(r.code)}`, lang)}>{r.name}</a>
          <p class="muted" style="margin:2px 0 0">
            {w.rollCount(r.count)}
          </p>
        </li>
      ))}
    </ul>
  );
};

export const PlanList: FC<{ plans: PublicPlanSummary[]; lang: Lang }> = ({ plans, lang }) => {
  const w = pageWords[lang];
  if (plans.length === 0) return <p class="muted">{w.noPlans}</p>;
  return (
    <ul class="rows">
      {plans.map((p) => (
        <li>
          <h3 style="margin:0 0 4px">
            <a href={href(`/ke-hoach/${p.slug}`, lang)}>{w.planTitle(p.kind, p.title)}</a>
          </h3>
          <p class="muted" style="margin:0">
            {w.planNumber(p.number, p.issuedOn)}
          </p>
        </li>
      ))}
    </ul>
  );
};

const statusColours: Record<string, string> = {
  done_on_time: 'ok',
  done_late: 'late',
  in_progress: 'doing',
  overdue: 'over',
};

export const timelineStyle = `
.st{display:inline-block;border-radius:4px;padding:0 6px;font-size:13px;white-space:nowrap}
.st.ok{background:#e3f2e1;color:#1f5a1c}.st.late{background:#fbecd0;color:#6b4300}
.st.doing{background:#e4ecf7;color:#1c3f6e}.st.over{background:#f9dcdc;color:#8a1216}
td.when{white-space:nowrap}
@media (max-width:640px){table.cards thead{display:none}table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards tr{background:#fff;border:1px solid #e4dccd;border-radius:8px;margin:0 0 10px;padding:6px 0}
table.cards td{border:0;padding:3px 12px}table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#5f564d}
table.cards td.when{white-space:normal}}
.bar{height:6px;background:#eee3cf;border-radius:3px;margin-top:5px}.bar span{display:block;height:6px;background:#a4161a;border-radius:3px}
`;

/** At most three lead units by their short names; more are counted ("và 15 đơn vị khác"). */
function leadText(lead: readonly string[], count: number, lang: Lang): string {
  const shown = lead.slice(0, 3);
  const rest = Math.max(count, lead.length) - shown.length;
  return rest > 0 ? `${shown.join(', ')} ${pageWords[lang].andMore(rest)}` : shown.join(', ');
}

export const PlanTimeline: FC<{ t: PublicPlanTimeline; lang: Lang }> = ({ t, lang }) => {
  const w = pageWords[lang];
  return (
    <>
      <p class="crumbs">
        <a href={href('/ke-hoach', lang)}>{w.plan}</a> ›
      </p>
      <h1>{w.planTitle(t.kind, t.title)}</h1>
      <p class="lead">{w.planNumber(t.number, t.issuedOn)}</p>
      <h2>{w.timeline}</h2>
      <p class="muted">{w.asOf(t.today)}</p>
      <div class="scroll">
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{w.activity}</th>
              <th scope="col">{w.when}</th>
              <th scope="col">{w.lead}</th>
              <th scope="col">{w.status}</th>
            </tr>
          </thead>
          <tbody>
            {t.activities.map((a) => (
              <tr>
                <td>
                  {a.title}
                  {a.percent !== null ? (
                    <div class="bar" role="img" aria-label={`${a.percent}%`}>
                      <span style={`width:${Math.max(0, Math.min(100, a.percent))}%`} />
                    </div>
                  ) : null}
                </td>
                <td class="when" data-label={w.when}>
                  {a.start && a.due && a.start !== a.due
                    ? `${formatDmy(a.start)} – ${formatDmy(a.due)}`
                    : a.due
                      ? w.by(a.due)
                      : ''}
                  {a.tentative ? ` (${w.tentative})` : null}
                </td>
                <td data-label={w.lead}>{leadText(a.lead, a.leadCount, lang)}</td>
                <td data-label={w.status}>
                  <span class={`st ${statusColours[a.status] ?? ''}`}>{a.statusLabel[lang]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

export type PublicProgramme = PublicProgrammeOut;

export const programmeStyle = `
.onair{background:#fff;border:2px solid #a4161a;border-radius:10px;padding:10px 14px;margin:14px 0}
.onair p{margin:0 0 6px;font-weight:700;color:#8a1216}
.onair dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,260px),1fr));gap:8px 20px;margin:0}
.onair dt{font-size:14px;text-transform:uppercase;letter-spacing:.03em;color:#5f564d}
.onair dd{margin:0;font-size:19px;overflow-wrap:anywhere}
.onair dd span{display:block;font-size:15px;color:#5f564d}
tr.seg.running td{background:#fff4d6;font-weight:600}
tr.seg.done td{color:#5f564d}
.segst{display:block;font-size:13px;font-weight:400}
.onair p.note{margin:8px 0 0;font-weight:400;color:#5f564d;font-size:14px}
[data-show="finished"] .onair dl,[data-show="finished"] .onair .note,[data-show="finished"] .segst{display:none}
[data-show="finished"] .onair p{margin:0}
`;

/** The words the programme's live script fills in, in the page's language ({t}: a time). */
function liveWords(lang: Lang) {
  const w = pageWords[lang];
  return {
    waiting: w.showStatus.waiting('{t}'),
    running: w.showStatus.running,
    holding: w.showStatus.holding,
    finished: w.showStatus.finished,
    since: w.since('{t}'),
    expected: w.expected('{t}'),
    states: w.segmentStates,
  };
}

/** The published programme: what is on now and next (as it stood when the page was made), then every item with its time. */
export const Programme: FC<{ p: PublicProgramme; lang: Lang }> = ({ p, lang }) => {
  const w = pageWords[lang];
  const l = p.live;
  return (
    <>
      <p class="crumbs">
        <a href={href('/su-kien', lang)}>{w.events}</a> ›
      </p>
      <h1>{p.name}</h1>
      <p class="lead">
        {formatDmy(p.eventDate)} · {w.venue}: {p.venue}
      </p>
      <p class="muted">
        {w.doors}: {p.doors} · {w.start}: {p.start}
      </p>
      <div class="show" data-show={l.status}>
        <div class="onair" role="status" data-onair={l.status} data-words={JSON.stringify(liveWords(lang))}>
          <p data-show-status>{l.status === 'waiting' ? w.showStatus.waiting(p.start) : w.showStatus[l.status]}</p>
          <dl>
            <div>
              <dt>{w.onNow}</dt>
              <dd>
                <strong data-now>{l.current?.title ?? '—'}</strong>
                <span data-now-time>{l.current ? w.since(l.current.start) : ''}</span>
              </dd>
            </div>
            <div>
              <dt>{w.nextUp}</dt>
              <dd>
                <strong data-next>{l.next?.title ?? '—'}</strong>
                <span data-next-time>{l.next ? w.expected(l.next.start) : ''}</span>
              </dd>
            </div>
          </dl>
          <p class="note muted">{w.liveNote}</p>
        </div>
        <h2>{w.programme}</h2>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{w.time}</th>
                <th scope="col">{w.item}</th>
              </tr>
            </thead>
            <tbody>
              {p.segments.map((s, i) => (
                <tr class={`seg ${s.state}`} data-seg={String(i)}>
                  <td class="when">
                    {s.start}
                    <span class="segst" data-seg-state>
                      {w.segmentStates[s.state]}
                    </span>
                  </td>
                  <td>
                    {s.title}
                    {s.performers ? (
                      <div class="muted">
                        {w.performers}: {s.performers}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
};

/**
 * The programme page's only script: it listens to the ceremony's public live channel and, when
 * the show-caller moves on, writes what is on now and next and each item's state in place; an edit
 * of the programme (or a reconnection) re-reads the page's content. Without it the page shows the
 * state as it was made, and a reload the state now.
 */
export const programmeLiveScript = `(() => {
  const body = document.body;
  const url = body.dataset.live;
  if (!url || typeof EventSource === 'undefined') return;
  let timer;
  const reread = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const res = await fetch(location.href, { headers: { Accept: 'text/html' }, cache: 'no-store' });
        if (!res.ok) return;
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        const fresh = doc.getElementById('content');
        if (fresh) document.getElementById('content').replaceChildren(...fresh.childNodes);
        body.dataset.updated = String(Date.now());
      } catch {}
    }, 200);
  };
  const text = (selector, value) => { const el = document.querySelector(selector); if (el) el.textContent = value; };
  const apply = (p) => {
    const box = document.querySelector('[data-onair]');
    const rows = document.querySelectorAll('tr[data-seg]');
    if (!box || rows.length !== p.segments.length) return reread();
    const words = JSON.parse(box.dataset.words);
    const fill = (s, t) => s.replace('{t}', t);
    const l = p.live;
    box.dataset.onair = l.status;
    const show = document.querySelector('[data-show]');
    if (show) show.dataset.show = l.status;
    text('[data-show-status]', l.status === 'waiting' ? fill(words.waiting, p.start) : words[l.status]);
    text('[data-now]', l.current ? l.current.title : '\u2014');
    text('[data-now-time]', l.current ? fill(words.since, l.current.start) : '');
    text('[data-next]', l.next ? l.next.title : '\u2014');
    text('[data-next-time]', l.next ? fill(words.expected, l.next.start) : '');
    rows.forEach((row, i) => {
      const s = p.segments[i];
      row.className = 'seg ' + s.state;
      const label = row.querySelector('[data-seg-state]');
      if (label) label.textContent = words.states[s.state] || '';
    });
    body.dataset.updated = String(Date.now());
  };
  let opened = false;
  const source = new EventSource(url);
  source.addEventListener('ready', () => {
    // after a reconnection the show may have moved on meanwhile
    if (opened) reread();
    opened = true;
    body.dataset.listening = 'yes';
  });
  source.addEventListener('ceremony', (e) => {
    let d;
    try { d = JSON.parse(e.data); } catch { return; }
    if (d.change === 'live' && d.programme) apply(d.programme);
    else reread();
  });
})();
`;

export const About: FC<{ profile: PublicProfile | null; lang: Lang }> = ({ profile, lang }) => {
  const w = pageWords[lang];
  return (
    <>
      <h1>
        {w.about}
        {profile ? ` – ${profile.name}` : ''}
      </h1>
      {profile ? (
        <>
          <p class="lead">{w.founded(profile.foundedOn)}</p>
          <p>{w.organisation(profile.grassroots, profile.units)}</p>
        </>
      ) : null}
      <p>{w.aboutSite}</p>
      <h2>{w.contact}</h2>
      <dl>
        {profile?.address ? (
          <>
            <dt>{w.address}</dt>
            <dd>{profile.address}</dd>
          </>
        ) : null}
        {profile?.phone ? (
          <>
            <dt>{w.phone}</dt>
            <dd>
              <a href={`tel:${profile.phone.replace(/[^+\d]/g, '')}`}>{profile.phone}</a>
            </dd>
          </>
        ) : null}
        {profile?.email ? (
          <>
            <dt>{w.email}</dt>
            <dd>
              <a href={`mailto:${profile.email}`}>{profile.email}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
};

export type PublicDocumentRow = {
  id: string;
  number: string;
  date: string;
  type: { vi: string; en: string };
  summary: string;
  fileUrl: string | null;
};

export const DocumentList: FC<{ items: PublicDocumentRow[]; lang: Lang }> = ({ items, lang }) => {
  const w = pageWords[lang];
  if (items.length === 0) return <p class="muted">{w.noDocuments}</p>;
  return (
    <div class="scroll">
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{w.docNumber}</th>
            <th scope="col">{w.docDate}</th>
            <th scope="col">{w.docType}</th>
            <th scope="col">{w.docSummary}</th>
            <th scope="col">{w.download}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr>
              <td data-label={w.docNumber} class="when">
                {d.number}
              </td>
              <td data-label={w.docDate} class="when">
                {formatDmy(d.date)}
              </td>
              <td data-label={w.docType}>{d.type[lang]}</td>
              <td data-label={w.docSummary}>{d.summary}</td>
              <td data-label={w.download}>{d.fileUrl ? <a href={d.fileUrl}>{w.download}</a> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** Pieces other outlets published, each a link out to the outlet's own page. */
export const PressList: FC<{ pieces: readonly PublicPiece[]; lang: Lang }> = ({ pieces, lang }) => {
  const w = pageWords[lang];
  if (pieces.length === 0) return <p class="muted">{w.noPress}</p>;
  return (
    <ul class="rows press">
      {pieces.map((piece) => (
        <li>
          <a href={piece.link} rel="external noopener noreferrer" hreflang="vi" lang="vi">
            {piece.title}
          </a>
          <p class="muted" style="margin:2px 0 0">
            {outletLabel(piece, lang)} · <time datetime={piece.publishedOn}>{formatDmy(piece.publishedOn)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
};

/** The press page: the pieces by month, latest first. */
export const PressByMonth: FC<{ pieces: readonly PublicPiece[]; lang: Lang }> = ({ pieces, lang }) => {
  const w = pageWords[lang];
  const months = new Map<string, PublicPiece[]>();
  for (const piece of pieces) {
    const m = piece.publishedOn.slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), piece]);
  }
  return (
    <>
      <h1>{w.press}</h1>
      <p class="lead">{w.pressDescription}</p>
      {pieces.length === 0 ? <p class="muted">{w.noPress}</p> : null}
      {[...months].map(([m, list]) => (
        <section aria-labelledby={`thang-${m}`}>
          <h2 id={`thang-${m}`}>
            {w.month(m)} <span class="muted">({list.length})</span>
          </h2>
          <PressList pieces={list} lang={lang} />
        </section>
      ))}
    </>
  );
};
