/**
 * The one error shape every /api response uses:
 *   { "error": { "code", "message", "messages": { "vi", "en" }, "details"?, "requestId" } }
 * `message` is in the reader's language; `details` name the fields at fault.
 */
export type Lang = 'vi' | 'en';
export type Bilingual = { vi: string; en: string };

export type FieldProblem = {
  /** where the field is: body, query, path, header */
  in: string;
  /** dotted path inside it, e.g. "roles.0.unitId" */
  path: string;
  code: string;
  messages: Bilingual;
};

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly details?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(messages.en);
    this.name = 'AppError';
  }
}

export const fail = {
  validation: (details: FieldProblem[]) =>
    new AppError(
      400,
      'VALIDATION_FAILED',
      { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The data sent is not valid.' },
      details,
    ),
  /** One field of the body refused by a service rule, in both languages. */
  field: (path: string, code: string, vi: string, en: string) =>
    fail.validation([{ in: 'body', path, code, messages: { vi, en } }]),
  badRequest: (code: string, messages: Bilingual) => new AppError(400, code, messages),
  malformedJson: () =>
    new AppError(400, 'MALFORMED_JSON', {
      vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    }),
  unsupportedMediaType: (accepted = 'application/json') =>
    new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', {
      vi: `Kiểu nội dung không được hỗ trợ; hãy gửi ${accepted}.`,
      en: `Unsupported content type; send ${accepted}.`,
    }),
  payloadTooLarge: (limitBytes: number) =>
    new AppError(413, 'PAYLOAD_TOO_LARGE', {
      vi: `Nội dung gửi lên quá lớn (tối đa ${Math.round(limitBytes / 1024)} KB).`,
      en: `The request body is too large (at most ${Math.round(limitBytes / 1024)} KB).`,
    }),
  unauthenticated: () =>
    new AppError(401, 'UNAUTHENTICATED', {
      vi: 'Bạn cần đăng nhập để tiếp tục.',
      en: 'You need to sign in to continue.',
    }),
  forbidden: () =>
    new AppError(403, 'FORBIDDEN', {
      vi: 'Bạn không có quyền thực hiện thao tác này.',
      en: 'You are not allowed to do this.',
    }),
  csrf: () =>
    new AppError(403, 'CSRF_REJECTED', {
      vi: 'Yêu cầu bị từ chối vì thiếu mã chống giả mạo (CSRF). Hãy tải lại trang.',
      en: 'Request refused: the anti-forgery (CSRF) token is missing or wrong. Reload the page.',
    }),
  notFound: (what: Bilingual = { vi: 'Không tìm thấy.', en: 'Not found.' }) => new AppError(404, 'NOT_FOUND', what),
  routeNotFound: () =>
    new AppError(404, 'ROUTE_NOT_FOUND', {
      vi: 'Không có địa chỉ API này.',
      en: 'There is no such API address.',
    }),
  methodNotAllowed: (allow: string[]) =>
    new AppError(
      405,
      'METHOD_NOT_ALLOWED',
      {
        vi: `Phương thức không được phép; được phép: ${allow.join(', ')}.`,
        en: `Method not allowed; allowed: ${allow.join(', ')}.`,
      },
      undefined,
      { Allow: allow.join(', ') },
    ),
  conflict: (code: string, messages: Bilingual) => new AppError(409, code, messages),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError(
      429,
      'TOO_MANY_ATTEMPTS',
      {
        vi: `Quá nhiều lần thử. Hãy thử lại sau ${retryAfterSeconds} giây.`,
        en: `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
      },
      undefined,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  internal: () =>
    new AppError(500, 'INTERNAL_ERROR', {
      vi: 'Đã có lỗi ở máy chủ. Lỗi đã được ghi lại; hãy thử lại sau.',
      en: 'Something went wrong on the server. It has been logged; please try again later.',
    }),
  unavailable: () =>
    new AppError(503, 'UNAVAILABLE', {
      vi: 'Hệ thống tạm thời không phục vụ được; hãy thử lại sau.',
      en: 'The service is temporarily unavailable; please try again later.',
    }),
};

export function errorBody(err: AppError, lang: Lang, requestId: string | undefined) {
  return {
    error: {
      code: err.code,
      message: err.messages[lang],
      messages: err.messages,
      ...(err.details ? { details: err.details.map((d) => ({ ...d, message: d.messages[lang] })) } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}
