/** The publicity module's row types, merged into the one `Database` (ADR 13). */
export type PieceKind = 'news' | 'report' | 'interview' | 'column' | 'other';
export type PieceOutlet = 'newspaper' | 'radio_tv' | 'website' | 'unit_channel' | 'other';
export type PieceStatus = 'planned' | 'published' | 'dropped';

export interface PublicityPiecesTable {
  id: string;
  title: string;
  title_folded: string;
  kind: PieceKind;
  outlet: PieceOutlet;
  /** the unit's channel or the other outlet, by name */
  outlet_name: string | null;
  planned_on: string;
  /** the board or unit responsible */
  responsible: string;
  /** the plan activity the piece covers (checked through plans/index.ts) */
  activity_id: string | null;
  plan_id: string | null;
  /** the honouree it covers, as written */
  honouree: string | null;
  status: PieceStatus;
  published_on: string | null;
  link: string | null;
  /** a piece on the Bloc's website: the published article's slug */
  article_slug: string | null;
  drop_reason: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    publicity_pieces: PublicityPiecesTable;
  }
}
