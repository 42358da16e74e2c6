/** Reading a command's JSON input file: a missing, unreadable or malformed file is refused in Vietnamese and English (exit code 2). */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

export class Refused extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export async function readJson(file: string | undefined): Promise<unknown> {
  if (!file) throw new Refused('Thiếu tệp dữ liệu (JSON).', 'The input file (JSON) is missing.');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new Refused(`Không đọc được tệp "${file}" (${code}).`, `Cannot read the file "${file}" (${code}).`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Refused(
      `Tệp "${file}" không phải JSON hợp lệ.`,
      `The file "${file}" is not valid JSON: ${(err as Error).message}`,
    );
  }
}

export function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const where = r.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
  throw new Refused(`Dữ liệu không hợp lệ: ${where}`, `Invalid input: ${where}`);
}
