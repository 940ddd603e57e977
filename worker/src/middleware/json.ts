// JSON request bodies: application/json only, within the size limit, parsed,
// then checked by a zod schema from shared/. Every failure is the API's own
// error, thrown where it happens, before anything is written.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Refuses bodies over MAX_BODY_BYTES (413), whether Content-Length says so or not. */
export const limitBody: MiddlewareHandler<AppEnv> = (c, next) =>
  bodyLimit({
    maxSize: Number(c.env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError('PAYLOAD_TOO_LARGE');
    },
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
 * The JSON body, checked, as `c.req.valid('json')`. Each failure is named
 * where it happens: a non-JSON content type (UNSUPPORTED_CONTENT_TYPE), a
 * body that does not parse (MALFORMED_JSON), a body the schema refuses
 * (INVALID_REQUEST naming the fields). Hono's own `validator('json')` would
 * parse the body itself and throw a bare 400 with English text. The types
 * are those Hono's validator declares, so the typed client (`hc<AppType>`)
 * sees the schema.
 */
export function jsonBody<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<AppEnv, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!JSON_TYPE.test(mediaType)) throw new ApiError('UNSUPPORTED_CONTENT_TYPE');
    let value: unknown;
    try {
      value = await c.req.json();
    } catch {
      throw new ApiError('MALFORMED_JSON');
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw invalidRequest(parsed.error);
    c.req.addValidatedData('json', parsed.data as object);
    await next();
  };
}
