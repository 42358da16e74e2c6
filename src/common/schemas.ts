import { z } from 'zod';

/** Control characters and unpaired surrogate halves: never part of a name or a sentence. */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/u;

/** A line of text as people type it: stored NFC and trimmed, with a length limit. */
export const text = (max = 500) =>
  z
    .string()
    .max(max, 'msg:text_too_long')
    .refine((s) => !forbidden.test(s), 'msg:invalid_text')
    .transform((s) => s.normalize('NFC').trim());

/** Like `text`, but must hold something once trimmed. */
export const requiredText = (max = 500) => text(max).refine((s) => s.length > 0, 'msg:not_blank');

export const username = z
  .string()
  .regex(/^[A-Za-z0-9._-]{3,64}$/, 'msg:username_format')
  .transform((s) => s.toLowerCase());

/**
 * Text kept exactly as typed (passwords, the name typed at sign-in): not trimmed or normalised,
 * but the forbidden characters are refused here too. PostgreSQL cannot hold NUL in text, and a
 * lone surrogate turns into U+FFFD on the way to UTF-8, so two different passwords would match.
 */
export const typedText = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !forbidden.test(s), 'msg:invalid_text');

export const newPassword = z
  .string()
  .min(8, 'msg:password_too_short')
  .max(200, 'msg:password_too_long')
  .refine((s) => !forbidden.test(s), 'msg:invalid_text');

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'msg:date_format');

export const locale = z.enum(['vi', 'en']);
