// JSON request bodies: application/json only, within the size limit, parsed,
// then checked by a zod schema from shared/. Every failure is the API's own
// error shape and happens before anything is written.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import type { AppEnv } from '../env.ts';
import { ApiError, errorBody } from '../errors.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Refuses bodies over MAX_BODY_BYTES (413), whether Content-Length says so or not. */
export const limitBody: MiddlewareHandler<AppEnv> = (c, next) =>
  bodyLimit({
    maxSize: Number(c.env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE'), 413),
  })(c, next);

/** zod issues as `{ field, message }`, the field as a dotted path ("rows.3.percent"). */
export function issuesOf(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(body)',
    message: i.message,
  }));
}

export function invalidRequest(error: z.ZodError): ApiError {
  const issues = issuesOf(error);
  const fields = issues.map((i) => i.field).join(', ');
  return new ApiError(
    'INVALID_REQUEST',
    {
      vi: `Yêu cầu không đúng cấu trúc ở: ${fields}.`,
      en: `The request does not have the expected structure at: ${fields}.`,
    },
    { issues },
  );
}

/**
 * Validates the JSON body with a schema. Hono's validator parses the body
 * (a parse failure surfaces as MALFORMED_JSON through app.onError); the
 * content type is checked here so that a form post is a clear 400.
 */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return validator('json', (value, c) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!JSON_TYPE.test(mediaType)) throw new ApiError('UNSUPPORTED_CONTENT_TYPE');
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw invalidRequest(parsed.error);
    return parsed.data as z.output<S>;
  });
}
