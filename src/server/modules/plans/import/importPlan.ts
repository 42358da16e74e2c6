import { planDraft, type PlanDraft } from './draft.ts';
import { draftPlan } from './parse.ts';
import { readPlanDocument } from './read.ts';

/**
 * A plan document (plain text or .docx, as bytes) → the drafted plan, checked against its schema.
 * Throws PlanImportError for an empty, unreadable, wrongly encoded or non-plan file.
 */
export async function importPlanDocument(bytes: Uint8Array): Promise<PlanDraft> {
  const { format, blocks } = await readPlanDocument(bytes);
  return planDraft.parse(draftPlan(blocks, format));
}
