import { z } from 'zod';
import type { FieldProblem } from './errors.ts';
import { customMessages } from '../../../common/messages.ts';

const where: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  form: 'body',
  cookie: 'cookie',
};

const vi = z.locales.vi().localeError as (issue: unknown) => string | { message: string } | undefined;
const en = z.locales.en().localeError as (issue: unknown) => string | { message: string } | undefined;
const text = (v: string | { message: string } | undefined, fallback: string) =>
  typeof v === 'string' ? v : (v?.message ?? fallback);

/**
 * Turns zod issues into field problems with a message in both languages. A schema may name one
 * of the project's own messages as `msg:<key>` (see common/messages.ts); otherwise zod's own
 * Vietnamese and English locales word it.
 */
export function toFieldProblems(error: z.ZodError, target: string): FieldProblem[] {
  return error.issues.slice(0, 50).map((issue) => {
    const custom = issue.message.startsWith('msg:') ? customMessages[issue.message.slice(4)] : undefined;
    return {
      in: where[target] ?? target,
      path: issue.path.map(String).join('.'),
      code: issue.code,
      messages: custom ?? { vi: text(vi(issue), issue.message), en: text(en(issue), issue.message) },
    };
  });
}
