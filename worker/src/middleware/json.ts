// JSON request bodies: application/json only, within the size limit, parsed,
// then checked by a zod schema from shared/. Every failure is the API's own
// error, thrown where it happens, before anything is written.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod';
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

/** How many fields an INVALID_REQUEST message names. */
const NAMED_FIELDS = 10;

export function invalidRequest(error: z.ZodError): ApiError {
  const issues = issuesOf(error);
  // The message names the first few fields; details.issues lists the first 100 (errors.ts).
  const more = issues.length - NAMED_FIELDS;
  const fields =
    issues
      .slice(0, NAMED_FIELDS)
      .map((i) => i.field)
      .join(', ') + (more > 0 ? ` (+${more})` : '');
  // One issue whose message is ours ("Vietnamese / English"): say why, not only where.
  const [only] = issues;
  const why =
    issues.length === 1 && only?.message.includes(' / ') ? only.message.split(' / ') : null;
  return new ApiError(
    'INVALID_REQUEST',
    {
      vi: `Yêu cầu không đúng cấu trúc ở: ${fields}.${why?.[0] ? ` ${why[0]}.` : ''}`,
      en: `The request does not have the expected structure at: ${fields}.${why?.[1] ? ` ${why[1]}.` : ''}`,
    },
    { issues },
  );
}

/**
 * The JSON body, checked, as `c.req.valid('json')`. Each failure is named
 * where it happens: a non-JSON content type (UNSUPPORTED_CONTENT_TYPE), a
 * body that is not UTF-8 or does not parse (MALFORMED_JSON), a body the schema refuses
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
    const value = parseJson(await c.req.arrayBuffer());
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw invalidRequest(parsed.error);
    c.req.addValidatedData('json', parsed.data as object);
    await next();
  };
}

// Strict: a byte that is not UTF-8 is refused rather than read as U+FFFD,
// which would be stored as if the sender had typed it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The JSON value of a body's bytes. Invalid UTF-8 is MALFORMED_JSON, not
 * INVALID_REQUEST: such bytes are not a JSON text at all (RFC 8259 §8.1:
 * JSON exchanged between systems is UTF-8), and no field can be named
 * before the body is parsed. A leading BOM is skipped, as Request.json() does.
 */
function parseJson(bytes: ArrayBuffer): unknown {
  let source: string;
  try {
    source = utf8.decode(bytes);
  } catch {
    throw new ApiError('MALFORMED_JSON', {
      vi: 'Nội dung gửi lên không phải UTF-8 hợp lệ nên không phải JSON hợp lệ.',
      en: 'The request body is not valid UTF-8, so it is not valid JSON.',
    });
  }
  try {
    return JSON.parse(source);
  } catch {
    throw new ApiError('MALFORMED_JSON');
  }
}
