import { type ProtocolGuest, protocolOrder } from './protocol.ts';

/**
 * The award presentations built from the honourees: by form of award from the highest (lowest
 * `formRank`) to the lowest, then by category in the organisers' order (collectives, individuals,
 * products by default), each group cut into batches of at most a stage-full, the batches of one
 * group as even as they can be (15 on a stage of 10 go up as 8 and 7, not 10 and 5). Honourees
 * keep their order within a group (the order the results list them), which is the order they come
 * on stage. The presenters are the guests who may present, in protocol order: the highest form's
 * first batch gets the highest-ranked, the next batch the next, and when there are more batches
 * than presenters the list starts again from the top.
 */
export type AwardHonouree = {
  id: string;
  name: string;
  unit: string;
  formRank: number;
  form: string;
  categoryKind: string;
  category: string;
  citation: string;
};

export type Presenter = ProtocolGuest & { id: string; title: string };

export type AwardBatch<H extends AwardHonouree = AwardHonouree, P extends Presenter = Presenter> = {
  number: number;
  form: string;
  category: string;
  categoryKind: string;
  honourees: H[];
  presenter: P | null;
  /** What the MC reads to call the batch on stage. */
  citation: string;
  music: string;
};

export const DEFAULT_STAGE_SIZE = 10;
export const DEFAULT_CATEGORY_ORDER = ['collective', 'individual', 'product'] as const;

const kindWords: Record<string, string> = {
  collective: 'các tập thể',
  individual: 'các cá nhân',
  product: 'các sản phẩm',
};

export function awardBatches<H extends AwardHonouree, P extends Presenter>(
  honourees: readonly H[],
  presenters: readonly P[],
  options: { stageSize?: number; categoryOrder?: readonly string[]; music?: string } = {},
): AwardBatch<H, P>[] {
  const stage = options.stageSize ?? DEFAULT_STAGE_SIZE;
  if (!Number.isInteger(stage) || stage < 1) throw new RangeError('a stage holds at least one honouree');
  const order = options.categoryOrder ?? DEFAULT_CATEGORY_ORDER;
  const place = (kind: string) => {
    const i = order.indexOf(kind);
    return i < 0 ? order.length : i;
  };
  const groups = new Map<string, H[]>();
  const keys: { key: string; formRank: number; place: number; first: number }[] = [];
  honourees.forEach((h, i) => {
    const key = `${h.formRank}\u0000${h.categoryKind}\u0000${h.category}`;
    if (!groups.has(key)) {
      groups.set(key, []);
      keys.push({ key, formRank: h.formRank, place: place(h.categoryKind), first: i });
    }
    groups.get(key)!.push(h);
  });
  keys.sort((a, b) => a.formRank - b.formRank || a.place - b.place || a.first - b.first);
  const ranked = protocolOrder(presenters);
  const batches: AwardBatch<H, P>[] = [];
  for (const { key } of keys) {
    const members = groups.get(key)!;
    const count = Math.ceil(members.length / stage);
    const base = Math.floor(members.length / count);
    const extra = members.length % count;
    let from = 0;
    for (let b = 0; b < count; b++) {
      const size = base + (b < extra ? 1 : 0);
      const part = members.slice(from, from + size);
      from += size;
      const first = part[0];
      const number = batches.length + 1;
      const presenter = ranked.length ? ranked[(number - 1) % ranked.length] : null;
      const invite = presenter ? ` Kính mời đồng chí ${presenter.name}, ${presenter.title} lên trao thưởng.` : '';
      batches.push({
        number,
        form: first.form,
        category: first.category,
        categoryKind: first.categoryKind,
        honourees: part,
        presenter,
        citation: `Xin trân trọng kính mời ${kindWords[first.categoryKind] ?? 'các đại biểu'} được ${first.form.toLowerCase()} — ${first.category} — lên sân khấu nhận thưởng: ${part.map((h) => (h.unit && h.unit !== h.name ? `${h.name} (${h.unit})` : h.name)).join('; ')}.${invite}`,
        music: options.music ?? 'Nhạc trao thưởng',
      });
    }
  }
  return batches;
}
