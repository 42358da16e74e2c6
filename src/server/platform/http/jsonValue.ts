import { z } from '@hono/zod-openapi';

/** A value as JSON has it: what a stored snapshot (an audit row's before/after) or a spreadsheet cell holds. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON value, declared as such (ADR 14): for answers that carry stored JSON whose shape is the
 * data's own, never `z.unknown()`. A component of its own in the OpenAPI document.
 */
export const jsonValue: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
  )
  .openapi('JsonValue');
