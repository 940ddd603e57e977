// The Idempotency-Key header of a submission or upload: a retry with the
// same key gets the first answer (db/store-submission.ts).
import { ApiError } from '../errors.ts';

/** 1–200 printable ASCII characters (also the OpenAPI document’s pattern). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header checked (null when absent); INVALID_REQUEST when malformed. */
export function idempotencyKeyOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new ApiError(
      'INVALID_REQUEST',
      {
        vi: 'Idempotency-Key phải gồm 1–200 ký tự ASCII in được, không có dấu cách.',
        en: 'Idempotency-Key must be 1–200 printable ASCII characters, without spaces.',
      },
      { issues: [{ field: 'header.Idempotency-Key', message: 'invalid' }] },
    );
  }
  return header;
}
