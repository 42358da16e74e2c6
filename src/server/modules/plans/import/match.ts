import { fold } from '../../../../common/text.ts';

/**
 * Unit names as a plan writes them → units of the registry. Diacritics do not matter ("Văn phòng
 * DUK"), abbreviations are read out ("Ban TG" = "Ban Tuyên giáo", "UBKT" = "Ủy ban Kiểm tra",
 * "ĐUK" = "Đảng ủy Khối", "Đoàn TNCS Hồ Chí Minh" = "Đoàn TN"), and words every unit shares
 * ("Đảng ủy Khối") weigh less than the words that tell units apart. Each name gets its exact match,
 * or the closest candidates with a score from 0 to 1, or is flagged unmatched.
 */
export type RegistryUnit = { id: string; name: string; shortName?: string | null; aliases?: readonly string[] | null };

export type UnitCandidate = { id: string; name: string; score: number };

export type UnitMatch = {
  name: string;
  status: 'exact' | 'candidates' | 'unmatched';
  /** a plural reference ("Các đơn vị liên quan", "các ban"): may stand for several units */
  group: boolean;
  match: (UnitCandidate & { via: 'name' | 'shortName' | 'alias' }) | null;
  candidates: UnitCandidate[];
};

const abbreviations: Record<string, string> = {
  duk: 'dang uy khoi',
  dbk: 'dang bo khoi',
  btv: 'ban thuong vu',
  bch: 'ban chap hanh',
  ubkt: 'uy ban kiem tra',
  tg: 'tuyen giao',
  tc: 'to chuc',
  dv: 'dan van',
  vp: 'van phong',
  ccb: 'cuu chien binh',
  tncs: 'thanh nien cong san',
  tn: 'thanh nien',
  dtn: 'doan thanh nien',
  hcm: 'ho chi minh',
  hdtdkt: 'hoi dong thi dua khen thuong',
  tdkt: 'thi dua khen thuong',
  tccs: 'to chuc co so dang',
  mttq: 'mat tran to quoc',
  ldld: 'lien doan lao dong',
  ubnd: 'uy ban nhan dan',
  ptth: 'phat thanh truyen hinh',
  tu: 'tinh uy',
  lhtn: 'lien hiep thanh nien',
};

const filler = new Set(['cac', 'nhung', 'cua', 'toan', 'the']);

/** "Đoàn TNCS Hồ Chí Minh khối" → ["doan", "thanh", "nien", "khoi"]. */
export function unitTokens(name: string): string[] {
  const words = fold(name.normalize('NFC'))
    .replace(/\bpt\s*[-–]\s*th\b/g, 'ptth')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .flatMap((w) => (abbreviations[w] ?? w).split(' '));
  const joined = words
    .join(' ')
    .replace(/\bthanh nien cong san(?: ho chi minh)?\b/g, 'thanh nien')
    .replace(/\bthanh nien ho chi minh\b/g, 'thanh nien');
  // "Ủy viên Ban Chấp hành …", "đồng chí …": the members stand for their body
  return joined
    .replace(/^(?:cac )?(?:dong chi )?(?:uy vien )?/, '')
    .split(' ')
    .filter((w) => w && !filler.has(w));
}

const canonical = (name: string) => unitTokens(name).join(' ');

export function matchUnits(
  names: readonly string[],
  registry: readonly RegistryUnit[],
  options: { limit?: number; threshold?: number } = {},
): UnitMatch[] {
  const limit = options.limit ?? 3;
  const threshold = options.threshold ?? 0.5;
  const forms = registry.flatMap((unit) => [
    { unit, via: 'name' as const, text: unit.name },
    ...(unit.shortName ? [{ unit, via: 'shortName' as const, text: unit.shortName }] : []),
    ...(unit.aliases ?? []).map((text) => ({ unit, via: 'alias' as const, text })),
  ]);
  const formTokens = forms.map((f) => new Set(unitTokens(f.text)));
  const formCanonical = forms.map((f) => canonical(f.text));
  // how telling a word is: rare across the registry's full names → heavy
  const df = new Map<string, number>();
  for (const unit of registry) for (const t of new Set(unitTokens(unit.name))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, registry.length);
  const weight = (t: string) => Math.log(1 + n / (df.get(t) ?? 0.5));
  const mass = (tokens: Iterable<string>) => {
    let s = 0;
    for (const t of tokens) s += weight(t);
    return s;
  };

  return names.map((name) => {
    const group = /^(các|những|toàn thể|tất cả)\s/iu.test(name.trim());
    const key = canonical(name);
    const exact = key ? forms.findIndex((_, i) => formCanonical[i] === key) : -1;
    const tokens = new Set(unitTokens(name));
    const best = new Map<string, UnitCandidate>();
    forms.forEach((form, i) => {
      const other = formTokens[i];
      const common = [...tokens].filter((t) => other.has(t));
      if (!common.length) return;
      const shared = mass(common);
      const dice = (2 * shared) / (mass(tokens) + mass(other));
      const coverage = shared / mass(tokens);
      // a unit of another kind ("Báo …" against "Đảng ủy …") shares at most a place name
      const sameKind = [...tokens][0] === [...other][0];
      const score = Math.round((0.5 * dice + 0.5 * coverage) * (sameKind ? 1 : 0.7) * 100) / 100;
      const previous = best.get(form.unit.id);
      if (!previous || score > previous.score)
        best.set(form.unit.id, { id: form.unit.id, name: form.unit.name, score });
    });
    const top = Math.max(0, ...[...best.values()].map((c) => c.score));
    const candidates = [...best.values()]
      .filter((c) => c.score >= threshold && c.score >= top * 0.6)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi'))
      .slice(0, limit);
    if (exact >= 0) {
      const f = forms[exact];
      return {
        name,
        status: 'exact',
        group,
        match: { id: f.unit.id, name: f.unit.name, score: 1, via: f.via },
        candidates,
      };
    }
    return { name, status: candidates.length ? 'candidates' : 'unmatched', group, match: null, candidates };
  });
}
