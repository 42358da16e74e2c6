import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.ts';
import { AppError, errorBody, fail } from './errors.ts';

/** Every thrown error becomes the one JSON error shape; a stack trace never leaves the server. */
export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else if (err instanceof HTTPException) {
    if (err.status === 415) appError = fail.unsupportedMediaType();
    else if (err.status === 413) appError = fail.payloadTooLarge(1024 * 1024);
    else if (err.status === 400 && /json/i.test(err.message)) appError = fail.malformedJson();
    else if (err.status < 500)
      appError = fail.badRequest('BAD_REQUEST', { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' });
    else appError = fail.internal();
  } else {
    appError = fail.internal();
  }
  if (appError.status >= 500) {
    c.get('platform')?.logger.error('unhandled error', { requestId: c.get('requestId'), err, path: c.req.path });
  }
  for (const [k, v] of Object.entries(appError.headers ?? {})) c.header(k, v);
  return c.json(errorBody(appError, c.get('lang') ?? 'vi', c.get('requestId')), appError.status as 400);
};
