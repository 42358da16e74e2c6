import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { PieceOutlet } from './tables.ts';

/**
 * What the public website shows of the publicity plan (issue 17): the pieces other outlets
 * published — the newspaper, radio-television, units' channels — with the outlet, the day and the
 * link, latest first. Only pieces recorded as published with an http(s) link; never what is
 * planned or dropped, who is responsible, the planned day or a reason. The website's own pieces
 * are its articles, already on the site, and are left out.
 */
export type PublicPiece = {
  title: string;
  outlet: Exclude<PieceOutlet, 'website'>;
  /** the unit's channel or the other outlet, by name (null for the newspaper and radio-TV) */
  outletName: string | null;
  publishedOn: string;
  link: string;
};

const outletLabels = {
  vi: { newspaper: 'Báo Thái Bình', radio_tv: 'Đài PT–TH Thái Bình', unit_channel: 'Kênh của đơn vị', other: 'Khác' },
  en: {
    newspaper: 'Thái Bình newspaper',
    radio_tv: 'Thái Bình radio-TV',
    unit_channel: "A unit's channel",
    other: 'Other',
  },
} as const;

/** The outlet as readers know it: the channel's own name when it has one. */
export function outletLabel(piece: Pick<PublicPiece, 'outlet' | 'outletName'>, lang: 'vi' | 'en'): string {
  if ((piece.outlet === 'unit_channel' || piece.outlet === 'other') && piece.outletName) return piece.outletName;
  return outletLabels[lang][piece.outlet];
}

const isWebLink = (link: string | null): link is string => !!link && /^https?:\/\/[^\s"<>]+$/i.test(link);

export async function publishedPieces(
  db: Kysely<Database>,
  options: { limit?: number; activityIds?: readonly string[] } = {},
): Promise<PublicPiece[]> {
  if (options.activityIds && options.activityIds.length === 0) return [];
  let q = db
    .selectFrom('publicity_pieces')
    .select(['title', 'outlet', 'outlet_name', 'published_on', 'link'])
    .where('status', '=', 'published')
    .where('outlet', '!=', 'website')
    .where('link', 'is not', null)
    .where('published_on', 'is not', null);
  if (options.activityIds) q = q.where('activity_id', 'in', [...options.activityIds]);
  const rows = await q
    .orderBy('published_on', 'desc')
    .orderBy('title')
    .limit(options.limit ?? 500)
    .execute();
  return rows
    .filter((r) => isWebLink(r.link))
    .map((r) => ({
      title: r.title,
      outlet: r.outlet as PublicPiece['outlet'],
      outletName: r.outlet_name || null,
      publishedOn: r.published_on!,
      link: r.link!,
    }));
}
