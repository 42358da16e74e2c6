/** @jsxImportSource hono/jsx */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { type FC, useContext } from 'hono/jsx';
import { SiteContext, SitePage, siteDocument } from '../../site/layout.tsx';
import { type Lang, langOf } from '../../site/words.ts';
import { dateWords, formatDmy } from '../../../common/dates.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  publicRoll,
  publicRolls,
  type PublicCategory,
  type PublicHonouree,
  type PublicRoll,
  type PublicRollSummary,
} from './roll.ts';

/**
 * The public roll of honour (Bảng vinh danh), server-rendered for anyone, no sign-in:
 * `/vinh-danh` lists the campaigns decided by the Standing Committee, `/vinh-danh/{code}` shows one
 * with the decision and, per category, a card for each confirmed honouree (photo or an initial,
 * name, unit, citation). Vietnamese by default, English with `?lang=en`. No script; one inline
 * style sheet (the site's CSP allows inline styles); fits a 390 px phone and prints on A4.
 */
const PATH = '/vinh-danh';
const codePattern = /^[A-Za-z0-9_.-]{1,40}$/;

const words = {
  vi: {
    roll: 'Bảng vinh danh',
    rolls: 'Các bảng vinh danh',
    decision: (d: { number: string; date: string }) => `Quyết định số ${d.number} ${dateWords(d.date)}`,
    byDecision: 'Theo',
    honoured: (n: number) => `${n} tập thể, cá nhân, sản phẩm được vinh danh`,
    counts: {
      collective: (n: number) => `${n} tập thể`,
      individual: (n: number) => `${n} cá nhân`,
      product: (n: number) => `${n} sản phẩm`,
    },
    kinds: { collective: 'Tập thể xuất sắc tiêu biểu', individual: 'Cá nhân tiêu biểu', product: 'Sản phẩm tiêu biểu' },
    unit: 'Đơn vị',
    photo: (name: string) => `Ảnh: ${name}`,
    none: 'Chưa có đợt tôn vinh nào được công bố kết quả.',
    listDescription: (bloc: string) =>
      `Bảng vinh danh các tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu${bloc ? ` của ${bloc}` : ''}.`,
    open: 'Xem bảng vinh danh',
    all: 'Tất cả bảng vinh danh',
    notFound: 'Không tìm thấy bảng vinh danh',
    notFoundText: 'Bảng vinh danh này không có, hoặc kết quả của đợt tôn vinh chưa được công bố theo quyết định.',
    footer: 'Danh sách theo quyết định công nhận kết quả; ảnh do đơn vị đề nghị cung cấp.',
    language: 'Ngôn ngữ',
  },
  en: {
    roll: 'Roll of honour',
    rolls: 'Rolls of honour',
    decision: (d: { number: string; date: string }) => `Decision No. ${d.number} of ${formatDmy(d.date)}`,
    byDecision: 'By',
    honoured: (n: number) => `${n} collectives, individuals and products honoured`,
    counts: {
      collective: (n: number) => `${n} ${n === 1 ? 'collective' : 'collectives'}`,
      individual: (n: number) => `${n} ${n === 1 ? 'individual' : 'individuals'}`,
      product: (n: number) => `${n} ${n === 1 ? 'product' : 'products'}`,
    },
    kinds: {
      collective: 'Outstanding collectives',
      individual: 'Outstanding individuals',
      product: 'Outstanding products',
    },
    unit: 'Unit',
    photo: (name: string) => `Photo: ${name}`,
    none: 'No honours campaign has published its results yet.',
    listDescription: (bloc: string) =>
      `Rolls of honour of the outstanding collectives, individuals and products${bloc ? ` of ${bloc}` : ''}.`,
    open: 'See the roll of honour',
    all: 'All rolls of honour',
    notFound: 'Roll of honour not found',
    notFoundText: "There is no such roll of honour, or the campaign's results have not been published by decision yet.",
    footer: 'The list follows the decision confirming the results; photos were provided by the nominating units.',
    language: 'Language',
  },
} as const;

export const rollStyle = `
.hero{text-align:center;padding:36px 0 12px}
.kicker{margin:0;color:#a4161a;font-weight:700;letter-spacing:.18em;text-transform:uppercase;font-size:14px}
h1{font-family:"Noto Serif","Liberation Serif",Georgia,serif;font-size:clamp(24px,4.2vw,38px);line-height:1.25;margin:10px auto 12px;max-width:900px;overflow-wrap:anywhere}
.decision{margin:0;font-style:italic;color:#4a3f38}
.tally{margin:6px 0 0;color:#6b5d53;font-size:15px}
.rule{width:120px;height:3px;background:#d4a72c;border:0;margin:22px auto 0}
section{margin:28px 0 8px}
h2{font-family:"Noto Serif","Liberation Serif",Georgia,serif;font-size:clamp(20px,3vw,26px);color:#7d1212;margin:0 0 16px;padding-bottom:6px;border-bottom:1px solid #e6d9c3}
h2 .n{color:#6b5d53;font-weight:400;font-size:.8em}
.grid{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,250px),1fr));gap:20px}
.card{background:#fff;border:1px solid #eadfcd;border-radius:10px;overflow:hidden;display:flex;flex-direction:column;box-shadow:0 1px 3px rgba(60,30,10,.08)}
.photo{margin:0;aspect-ratio:4/3;background:#f1e7d6;position:relative;overflow:hidden;flex:none}
.individual .photo{aspect-ratio:4/5}
.photo img{position:absolute;inset:0;display:block;width:100%;height:100%;object-fit:cover}
.initial{width:100%;height:100%;display:flex;align-items:center;justify-content:center;background:linear-gradient(135deg,#b3261e,#6e0f0c);color:#f3d27a;font-family:"Noto Serif","Liberation Serif",Georgia,serif;font-size:64px;font-weight:700;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.pos{position:absolute;top:10px;left:10px;min-width:30px;height:30px;padding:0 6px;border-radius:15px;background:#d4a72c;color:#3b2a05;font-weight:700;display:flex;align-items:center;justify-content:center;font-size:15px}
.body{padding:14px 16px 16px}
h3{margin:0 0 4px;font-size:18px;line-height:1.35;overflow-wrap:anywhere}
.unit{margin:0 0 8px;color:#6b5d53;font-size:14px;overflow-wrap:anywhere}
.citation{margin:0;font-size:15px;color:#2f2824;overflow-wrap:anywhere}
.rolls{list-style:none;padding:0;margin:24px 0;display:grid;gap:16px}
.rolls li{background:#fff;border:1px solid #eadfcd;border-radius:10px;padding:16px 20px}
.rolls h2{border:0;margin:0 0 4px;padding:0}
.rolls p{margin:2px 0}
.rollnote{margin:40px 0 0;padding:18px 0 0;border-top:1px solid #e6d9c3;color:#6b5d53;font-size:14px;text-align:center}
@media (max-width:480px){.wrap{padding:0 14px}.hero{padding-top:24px}.grid{gap:12px}.card{flex-direction:row}.photo,.individual .photo{width:38%;aspect-ratio:auto;min-height:150px}.initial{font-size:44px}.pos{top:8px;left:8px;min-width:26px;height:26px;font-size:13px}.body{padding:12px 12px 14px;min-width:0}h3{font-size:16px}.citation{font-size:14px}}
@media print{
  @page{size:A4;margin:14mm}
  body{background:#fff;color:#000;font-size:11pt}
  .band{background:none;color:#000;border-bottom:2px solid #000}
  .band .wrap,.wrap{padding:0;max-width:none}
  .lang,.back{display:none}
  a{color:inherit;text-decoration:none}
  .hero{padding-top:8px}
  .grid{grid-template-columns:repeat(3,1fr);gap:10px}
  .card{box-shadow:none;border-color:#999;break-inside:avoid}
  .individual .photo,.photo{aspect-ratio:4/3}
  section{break-inside:auto}
  h2{break-after:avoid;color:#000}
}`;

const href = (path: string, lang: Lang) => (lang === 'en' ? `${path}?lang=en` : path);

const Layout: FC<{
  lang: Lang;
  title: string;
  description: string;
  path: string;
  bloc: string | null;
  children?: unknown;
}> = ({ lang, title, description, path, children }) => {
  const site = useContext(SiteContext);
  return (
    <SitePage
      meta={{ lang, title, description, path }}
      frame={site.frame}
      origin={site.origin}
      section="honours"
      style={rollStyle}
    >
      {children}
      <div class="rollnote">
        <p>{words[lang].footer}</p>
        <p class="back">
          <a href={href(PATH, lang)}>{words[lang].all}</a>
        </p>
      </div>
    </SitePage>
  );
};

const organisationWords =
  /^(đảng bộ|chi bộ|tổng công ty|công ty|cổ phần|tnhh|trách nhiệm hữu hạn|một thành viên|mtv)\s+/iu;

/** The letter on a card without a photo: a person's given name (the last word), else the name without "Đảng bộ Công ty Cổ phần…". */
export function initialOf(kind: PublicCategory['kind'], name: string): string {
  let s = name.normalize('NFC').trim();
  if (kind === 'individual') s = s.split(/\s+/).at(-1) ?? s;
  else {
    for (let before = ''; before !== s; ) {
      before = s;
      s = s.replace(organisationWords, '');
    }
  }
  return ([...s][0] ?? '').toLocaleUpperCase('vi');
}

const Card: FC<{ h: PublicHonouree; kind: PublicCategory['kind']; lang: Lang }> = ({ h, kind, lang }) => (
  <li class={`card ${kind}`}>
    <figure class="photo">
      {h.photoUrl ? (
        <img src={h.photoUrl} alt={words[lang].photo(h.name)} loading="lazy" decoding="async" />
      ) : (
        <div class="initial" aria-hidden="true">
          {initialOf(kind, h.name)}
        </div>
      )}
      <span class="pos">{h.position}</span>
    </figure>
    <div class="body">
      <h3>{h.name}</h3>
      {h.unit && h.unit !== h.name ? (
        <p class="unit">
          {words[lang].unit}: {h.unit}
        </p>
      ) : null}
      <p class="citation">{h.citation}</p>
    </div>
  </li>
);

function countsLine(roll: PublicRoll, lang: Lang): string {
  return roll.categories
    .filter((c) => c.honourees.length)
    .map((c) => words[lang].counts[c.kind](c.honourees.length))
    .join(', ');
}

const RollPage: FC<{ roll: PublicRoll; lang: Lang }> = ({ roll, lang }) => {
  const w = words[lang];
  const shown = roll.categories.filter((c) => c.honourees.length > 0);
  const path = `${PATH}/${encodeURIComponent(roll.code)}`;
  const description = `${w.roll}: ${roll.name}. ${countsLine(roll, lang)} — ${w.decision(roll.decision)}.`;
  return (
    <Layout lang={lang} title={`${w.roll} — ${roll.name}`} description={description} path={path} bloc={roll.bloc}>
      <div class="hero">
        <p class="kicker">{w.roll}</p>
        <h1>{roll.name}</h1>
        <p class="decision">
          {w.byDecision} {w.decision(roll.decision)}
        </p>
        <p class="tally">{countsLine(roll, lang)}</p>
        <hr class="rule" />
      </div>
      {shown.map((c, i) => (
        <section aria-labelledby={`category-${i + 1}`}>
          <h2 id={`category-${i + 1}`}>
            {lang === 'vi' ? c.name : w.kinds[c.kind]} <span class="n">({c.honourees.length})</span>
          </h2>
          <ol class="grid">
            {c.honourees.map((h) => (
              <Card h={h} kind={c.kind} lang={lang} />
            ))}
          </ol>
        </section>
      ))}
    </Layout>
  );
};

const ListPage: FC<{ rolls: PublicRollSummary[]; bloc: string | null; lang: Lang }> = ({ rolls, bloc, lang }) => {
  const w = words[lang];
  return (
    <Layout
      lang={lang}
      title={bloc ? `${w.rolls} — ${bloc}` : w.rolls}
      description={w.listDescription(bloc ?? '')}
      path={PATH}
      bloc={bloc}
    >
      <div class="hero">
        <p class="kicker">{w.roll}</p>
        <h1>{w.rolls}</h1>
        <hr class="rule" />
      </div>
      {rolls.length ? (
        <ul class="rolls">
          {rolls.map((r) => (
            <li>
              <h2>
                <a href={href(`${PATH}/${encodeURIComponent(r.code)}`, lang)}>{r.name}</a>
              </h2>
              <p class="decision">{w.decision(r.decision)}</p>
              <p class="tally">{w.honoured(r.count)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="tally">{w.none}</p>
      )}
    </Layout>
  );
};

const NotFoundPage: FC<{ lang: Lang }> = ({ lang }) => (
  <Layout lang={lang} title={words[lang].notFound} description={words[lang].notFoundText} path={PATH} bloc={null}>
    <div class="hero">
      <h1>{words[lang].notFound}</h1>
      <p class="tally">{words[lang].notFoundText}</p>
      <p>
        <a href={href(PATH, lang)}>{words[lang].all}</a>
      </p>
    </div>
  </Layout>
);

const page = siteDocument;

/** The Bloc's name for the list page: that of the latest roll, else none. */
async function listBloc(platform: Platform, rolls: PublicRollSummary[]): Promise<string | null> {
  return rolls.length ? (await publicRoll(platform, rolls[0].code)).bloc : null;
}

/** Mounts the pages; before the web app, so its fallback to index.html does not answer these paths. */
export function registerRollOfHonourPages(app: OpenAPIHono<AppEnv>): void {
  const headers = { 'Cache-Control': 'public, max-age=300' };
  app.get(PATH, async (c) => {
    const lang = langOf(c.req.query('lang'));
    const platform = c.get('platform');
    const rolls = await publicRolls(platform);
    return c.html(
      await page(platform, <ListPage rolls={rolls} bloc={await listBloc(platform, rolls)} lang={lang} />),
      200,
      headers,
    );
  });
  app.get(`${PATH}/`, (c) => c.redirect(c.req.query('lang') === 'en' ? `${PATH}?lang=en` : PATH, 301));
  app.get(`${PATH}/:code`, async (c) => {
    const lang = langOf(c.req.query('lang'));
    const code = c.req.param('code');
    try {
      if (!codePattern.test(code)) throw new AppError(404, 'NOT_FOUND', { vi: '', en: '' });
      const roll = await publicRoll(c.get('platform'), code);
      return c.html(await page(c.get('platform'), <RollPage roll={roll} lang={lang} />), 200, headers);
    } catch (err) {
      if (err instanceof AppError && err.status === 404)
        return c.html(await page(c.get('platform'), <NotFoundPage lang={lang} />), 404, {
          'Cache-Control': 'no-cache',
        });
      throw err;
    }
  });
}
