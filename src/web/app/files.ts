import { api } from './api.ts';

/** An uploaded file as the server describes it: the server's schema (platform/files, ADR 14). */
import type { StoredFile } from '../../server/platform/files/schema.ts';

export type { StoredFile };

/** What the server accepts (it checks the bytes; this only spares a person a pointless upload). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'docx', 'xlsx', 'txt'];
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',');

export function uploadFile(file: File): Promise<StoredFile> {
  return api<StoredFile>('/api/files', {
    method: 'POST',
    query: { name: file.name },
    raw: { data: file, type: 'application/octet-stream' },
  });
}

/** Where the browser opens a file (PDF, images, text inline; Word and Excel download). */
export const fileUrl = (id: string) => `/api/files/${id}`;

/** 1,2 MB / 350 KB, in the reader's language. */
export function formatSize(bytes: number, lang: string): string {
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024
    ? `${n.format(bytes / 1024 / 1024)} MB`
    : `${n.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Hands bytes the app received (a document built on request) to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
