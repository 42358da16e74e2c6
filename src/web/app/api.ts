/**
 * The one way the web app talks to /api: same-origin fetch with the session cookie, the
 * anti-forgery token on writes, and the server's error shape turned into an ApiError.
 */

export type Bilingual = { vi: string; en: string };

export type FieldProblem = {
  in: string;
  path: string;
  code: string;
  message: string;
  messages: Bilingual;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly details: FieldProblem[] = [],
    /** Seconds from a Retry-After header (429), when there is one. */
    readonly retryAfter: number | null = null,
  ) {
    super(messages.en);
    this.name = 'ApiError';
  }

  /** The message in the reader's language. */
  text(lang: string): string {
    return lang === 'en' ? this.messages.en : this.messages.vi;
  }

  /** Field problems keyed by their dotted path, in the reader's language. */
  fieldErrors(lang: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      out[d.path] ??= lang === 'en' ? d.messages.en : d.messages.vi;
    }
    return out;
  }
}

const networkError = () =>
  new ApiError(0, 'NETWORK', {
    vi: 'Không kết nối được tới máy chủ. Hãy kiểm tra mạng và thử lại.',
    en: 'Could not reach the server. Check the connection and try again.',
  });

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401: the session has ended, so the user signs in again. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a file's bytes) instead of `body` as JSON, with its media type. */
  raw?: { data: Blob | ArrayBuffer | string; type: string };
  query?: Query;
  /** A 401 is expected (sign-in, the first /me) and must not send the user anywhere. */
  quiet401?: boolean;
  signal?: AbortSignal;
};

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function errorFrom(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  try {
    const body = (await res.json()) as {
      error?: { code?: string; messages?: Bilingual; message?: string; details?: FieldProblem[] };
    };
    const e = body.error;
    if (e?.code) {
      const messages = e.messages ?? { vi: e.message ?? e.code, en: e.message ?? e.code };
      return new ApiError(res.status, e.code, messages, e.details ?? [], retryAfter);
    }
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(
    res.status,
    `HTTP_${res.status}`,
    { vi: `Máy chủ trả lời lỗi ${res.status}.`, en: `The server answered with error ${res.status}.` },
    [],
    retryAfter,
  );
}

/** Sends the request; answers the response when it is ok, else throws the server's error. */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: accept };
  if (options.raw) headers['Content-Type'] = options.raw.type;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (writes.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }

  if (!res.ok) {
    const error = await errorFrom(res);
    if (res.status === 401 && !options.quiet401) onUnauthenticated?.();
    throw error;
  }
  return res;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options, 'application/json');
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A document the server builds from what is sent (a .docx, a .pdf), as bytes to save. */
export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  return (await send(path, options, '*/*')).blob();
}
