import { z } from 'zod';

/**
 * The plan drafted from a document, for a person to correct and confirm. Nothing here is saved;
 * unit names are as written (see match.ts to resolve them against the unit registry). Dates are
 * YYYY-MM-DD or null; `line` is the line (text) or paragraph (.docx) the item was read from.
 */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable();

export const draftWarning = z.object({
  code: z.string(),
  line: z.number().int().nullable(),
  vi: z.string(),
  en: z.string(),
});

const measure = z.object({
  value: z.number(),
  comparator: z.enum(['eq', 'gte', 'lte']),
  unit: z.string().nullable(),
  noun: z.string(),
  indicator: z.string(),
  text: z.string(),
});

export const draftTarget = measure.extend({ breakdown: z.array(measure) });

export const draftPeriod = z.object({ start: isoDate, due: isoDate, text: z.string() });

export const draftActivity = z.object({
  id: z.string(),
  /** "task": a piece of the plan's content; "duty": a unit's duty under "Tổ chức thực hiện" */
  kind: z.enum(['task', 'duty']),
  /** the section path it comes from, e.g. "II.3" */
  section: z.string(),
  sectionTitle: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  lead: z.array(z.string()),
  coordinating: z.array(z.string()),
  /** how the lead was read: "Giao cho … chủ trì", the sentence's subject, a label, the unit heading above, a table column, or the matching duty of "Tổ chức thực hiện" */
  leadSource: z.enum(['assigned', 'subject', 'label', 'heading', 'table', 'duty']).nullable(),
  /** ids of the activities that say the same work from the other side (a task ↔ the duty that carries it) */
  related: z.array(z.string()),
  start: isoDate,
  due: isoDate,
  tentative: z.boolean(),
  recurrence: z.enum(['daily', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly', 'continuous']).nullable(),
  /** the words the dates were read from */
  dateText: z.string().nullable(),
  /** where the dates come from: its own words, its section's period, or a milestone that closes it */
  dateSource: z.enum(['text', 'section', 'milestone']).nullable(),
  target: draftTarget.nullable(),
  line: z.number().int(),
  warnings: z.array(draftWarning),
});

export const draftMilestone = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  start: isoDate,
  due: isoDate,
  tentative: z.boolean(),
  /** ids of the activities this milestone closes, where the parser could tell */
  closes: z.array(z.string()),
  line: z.number().int(),
  warnings: z.array(draftWarning),
});

export const draftSection = z.object({
  path: z.string(),
  marker: z.string(),
  title: z.string(),
  role: z.enum(['purposes', 'content', 'timeline', 'organisation']),
  period: draftPeriod.nullable(),
  line: z.number().int(),
});

export const planDraft = z.object({
  source: z.object({ format: z.enum(['text', 'docx']), lines: z.number().int() }),
  header: z.object({
    superiorBody: z.string().nullable(),
    issuingBody: z.string().nullable(),
    /** number and symbol as written, "45-KH/ĐUK"; null when the document has none */
    number: z.string().nullable(),
    place: z.string().nullable(),
    date: isoDate,
    dateText: z.string().nullable(),
    /** "KẾ HOẠCH", "CHƯƠNG TRÌNH", … */
    type: z.string().nullable(),
    title: z.string().nullable(),
    line: z.number().int().nullable(),
  }),
  legalBasis: z.array(z.string()),
  introduction: z.array(z.string()),
  purposes: z.array(z.string()),
  sections: z.array(draftSection),
  /** the plan's own period when it states one ("Thời gian thực hiện: từ … đến …") */
  period: draftPeriod.nullable(),
  activities: z.array(draftActivity),
  milestones: z.array(draftMilestone),
  /** "Nơi nhận:", one per item, without "- " and the trailing ";" or "." */
  recipients: z.array(z.string()),
  signer: z.object({ authority: z.string().nullable(), position: z.string().nullable(), name: z.string().nullable() }),
  closing: z.string().nullable(),
  warnings: z.array(draftWarning),
});

export type PlanDraft = z.infer<typeof planDraft>;
export type DraftActivity = z.infer<typeof draftActivity>;
export type DraftMilestone = z.infer<typeof draftMilestone>;
export type DraftSection = z.infer<typeof draftSection>;
export type DraftWarning = z.infer<typeof draftWarning>;
export type DraftTarget = z.infer<typeof draftTarget>;
export type DraftPeriod = z.infer<typeof draftPeriod>;
