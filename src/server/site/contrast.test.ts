import { describe, expect, it } from 'vitest';
import { festivalStyle } from '../modules/festival/publicPages.tsx';
import { rollStyle } from '../modules/honours/rollOfHonourPages.tsx';
import { tournamentStyle } from '../modules/tournament/publicPages.tsx';
import { newsStyle } from '../modules/website/site/news.tsx';
import { homeStyle, programmeStyle, timelineStyle } from '../modules/website/site/pages.tsx';
import { siteStyle } from './style.ts';

/**
 * Colour contrast of the public site (WCAG 2.2, 1.4.3 and 1.4.11), computed from the style sheets
 * themselves — the site's and every module's own — so that a colour changed later that fails is
 * caught here: text at least 4.5:1 against the background it sits on (3:1 when large: 24 px, or
 * 18.66 px bold), focus outlines at least 3:1. A rule's text sits on the rule's own background
 * when it sets one, else on the backgrounds of where the rule applies (the page and its white
 * cards; the red header and menu; the dark footer; the venue's dark board).
 */
type Rule = { selector: string; decls: Map<string, string>; media: string };

/** The rules of a style sheet, with @media blocks opened (print is not read on a screen, and is left out). */
function rulesOf(css: string, media = ''): Rule[] {
  const out: Rule[] = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    const head = css.slice(i, open).trim();
    // the block's end, counting nested braces
    let depth = 1;
    let j = open + 1;
    while (j < css.length && depth > 0) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
      j++;
    }
    const body = css.slice(open + 1, j - 1);
    if (head.startsWith('@media')) {
      if (!/\bprint\b/.test(head)) out.push(...rulesOf(body, head));
    } else if (!head.startsWith('@')) {
      const decls = new Map<string, string>();
      for (const d of body.split(';')) {
        const at = d.indexOf(':');
        if (at > 0) decls.set(d.slice(0, at).trim(), d.slice(at + 1).trim());
      }
      for (const selector of head.split(',')) out.push({ selector: selector.trim(), decls, media });
    }
    i = j;
  }
  return out;
}

const hexes = (value: string) => [...value.matchAll(/#([0-9a-f]{6}|[0-9a-f]{3})\b/gi)].map((m) => m[0].toLowerCase());

function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((k) => {
    const c = Number.parseInt(h.slice(k, k + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Where a rule applies: the backgrounds around it and the text colour it inherits there. */
function placeOf(selector: string): { backgrounds: string[]; text: string } {
  if (/body\.board/.test(selector)) return { backgrounds: ['#111111', '#1d1d1d'], text: '#f3f3f3' };
  if (/header\.(site|top)|nav\.sections|\.brand|\.tools|form\.search/.test(selector))
    return { backgrounds: ['#a4161a', '#8a1216'], text: '#ffffff' };
  if (/footer\.site/.test(selector)) return { backgrounds: ['#2b2320'], text: '#efe7dc' };
  if (/\.band|\.eyebrow|\.count/.test(selector)) return { backgrounds: ['#fff8e6'], text: '#1d1b19' };
  if (/\bth\b/.test(selector)) return { backgrounds: ['#efe8dc', '#f3ead9'], text: '#1d1b19' };
  // the page's paper and its white cards, tables and boxes
  return { backgrounds: ['#f6f4ef', '#ffffff'], text: '#1d1b19' };
}

/** Backgrounds that carry no text: bars, rules, picture frames. */
const noText = /\.bar\b|\.rule\b|\.photo\b|\bimg\b|picture|^html$|\*/;

/** Font size in px a rule sets (the smallest of a clamp()), or null. */
function fontPx(decls: Map<string, string>): number | null {
  const size = decls.get('font-size');
  if (!size) return null;
  const px = [...size.matchAll(/(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));
  return px.length ? Math.min(...px) : null;
}

type Problem = { sheet: string; selector: string; fg: string; bg: string; ratio: number; needed: number };

function problemsOf(sheet: string, css: string): { problems: Problem[]; checked: number } {
  const problems: Problem[] = [];
  let checked = 0;
  for (const r of rulesOf(css)) {
    if (noText.test(r.selector)) continue;
    const place = placeOf(r.selector);
    const own = hexes(r.decls.get('background') ?? r.decls.get('background-color') ?? '');
    const color = hexes(r.decls.get('color') ?? '')[0];
    const outline = hexes(r.decls.get('outline') ?? r.decls.get('outline-color') ?? '')[0];
    if (!color && own.length === 0 && !outline) continue;
    const backgrounds = own.length ? own : place.backgrounds;
    const size = fontPx(r.decls);
    const bold = /^(bold|[6-9]00)$/.test(r.decls.get('font-weight') ?? '');
    const large = size !== null && (size >= 24 || (bold && size >= 18.66));
    if (color || own.length) {
      const fg = color ?? place.text;
      for (const bg of backgrounds) {
        checked++;
        const ratio = contrast(fg, bg);
        const needed = large ? 3 : 4.5;
        if (ratio < needed) problems.push({ sheet, selector: r.selector, fg, bg, ratio, needed });
      }
    }
    if (outline) {
      // a focus ring is seen against what surrounds the focused thing
      for (const bg of place.backgrounds) {
        checked++;
        const ratio = contrast(outline, bg);
        if (ratio < 3) problems.push({ sheet, selector: r.selector, fg: outline, bg, ratio, needed: 3 });
      }
    }
  }
  return { problems, checked };
}

describe('colour contrast of the public pages', () => {
  it('computes WCAG contrast as the standard gives it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });

  it('finds a colour that fails, so the check can fail', () => {
    const { problems } = problemsOf('sample', '.x{color:#999;background:#fff}.y{color:#595959}');
    expect(problems.map((p) => p.selector)).toEqual(['.x']);
  });

  const sheets: Record<string, string> = {
    site: siteStyle,
    home: homeStyle,
    news: newsStyle,
    timeline: timelineStyle,
    programme: programmeStyle,
    tournament: tournamentStyle,
    festival: festivalStyle,
    'roll of honour': rollStyle,
  };
  for (const [sheet, css] of Object.entries(sheets))
    it(`keeps text at 4.5:1 (large 3:1) and focus rings at 3:1: ${sheet}`, () => {
      const { problems, checked } = problemsOf(sheet, css);
      expect(checked).toBeGreaterThan(0);
      expect(
        problems.map((p) => `${p.selector}: ${p.fg} on ${p.bg} = ${p.ratio.toFixed(2)} (needs ${p.needed})`),
      ).toEqual([]);
    });
});
