// One error shape for every failure, from a closed list of codes:
//   { error: { code, message: { vi, en }, details? } }
// Lists in details carry at most MAX_LISTED_DETAILS items, details.omitted
// counting the rest; every string is clipped and the whole body is at most
// MAX_ERROR_BODY_BYTES, whatever the input.

import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Bilingual } from '../../shared/text/bilingual.ts';
import { clip } from '../../shared/text/clip.ts';
import { REVIEW_STATE_LABELS } from '../../shared/vocabulary/index.ts';
import type { DomainError } from './db/errors.ts';

export const ERRORS = {
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Thiếu khóa truy cập, hoặc khóa không đúng hay đã bị thu hồi.',
    en: 'The access key is missing, unknown or revoked.',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Khóa này không có quyền làm việc này.',
    en: 'This key is not allowed to do this.',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  MALFORMED_JSON: {
    status: 400,
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  UNSUPPORTED_CONTENT_TYPE: {
    status: 400,
    vi: 'Nội dung phải gửi dạng application/json.',
    en: 'The request body must be application/json.',
  },
  INVALID_REQUEST: {
    status: 400,
    vi: 'Yêu cầu không đúng cấu trúc.',
    en: 'The request does not have the expected structure.',
  },
  VALIDATION_FAILED: {
    status: 422,
    vi: 'Báo cáo còn lỗi; hãy sửa các ô được nêu rồi gửi lại.',
    en: 'The report has errors; fix the cells listed and submit again.',
  },
  UNREADABLE_FILE: {
    status: 422,
    vi: 'Tệp tải lên không đọc được như một bảng tính .xlsx.',
    en: 'The uploaded file cannot be read as an .xlsx workbook.',
  },
  NO_PROGRESS_SHEET: {
    status: 422,
    vi: 'Tệp không có trang báo cáo tiến độ (ô mã mẫu biểu).',
    en: 'The file has no progress sheet (template code cell).',
  },
  WRONG_TEMPLATE: {
    status: 422,
    vi: 'Tệp là biểu mẫu của cơ quan hoặc kỳ báo cáo khác.',
    en: 'The file is the template of another agency or period.',
  },
  PERIOD_LOCKED: {
    status: 409,
    vi: 'Kỳ báo cáo đã khóa.',
    en: 'The report period is locked.',
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    vi: 'Mã chống gửi trùng (Idempotency-Key) này đã dùng cho một báo cáo khác.',
    en: 'This Idempotency-Key was already used for a different report.',
  },
  LAST_COORDINATOR_KEY: {
    status: 409,
    vi: 'Không thu hồi được khóa điều phối cuối cùng còn hiệu lực: hãy cấp một khóa điều phối khác trước.',
    en: 'The last active coordinator key cannot be revoked: issue another coordinator key first.',
  },
  CONFIRMATION_REQUIRED: {
    status: 409,
    vi: 'Đây là khóa đang dùng: thu hồi sẽ đăng xuất. Gửi lại với ?confirm=self để xác nhận.',
    en: 'This is the key in use: revoking it signs you out. Send again with ?confirm=self to confirm.',
  },
  CONFLICT: {
    status: 409,
    vi: 'Báo cáo không ở trạng thái cho phép việc này.',
    en: 'The report is not in a state that allows this.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Nội dung gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Lỗi máy chủ; dữ liệu chưa bị thay đổi. Hãy thử lại sau.',
    en: 'Server error; nothing was changed. Please try again later.',
  },
} as const satisfies Record<string, { status: ContentfulStatusCode; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: Bilingual; details?: unknown };
}

/**
 * Thrown anywhere in a request; it answers for itself (`getResponse()`) with
 * `{ error: { code, message: { vi, en }, details? } }` and the code's status.
 * `message` replaces the code's general wording when the error can name the
 * place (the period, the field); `details` carries findings or issues.
 * As Hono's own `HTTPException`, so `app.onError` and Hono's middleware
 * treat it as an HTTP answer, not as a crash.
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly body: ErrorBody;
  constructor(code: ErrorCode, message?: Bilingual, details?: unknown) {
    super(ERRORS[code].status, { message: message?.en ?? ERRORS[code].en });
    this.name = 'ApiError';
    this.code = code;
    this.body = errorBody(code, message, details);
  }

  override getResponse(): Response {
    return new Response(JSON.stringify(this.body), {
      status: this.status,
      headers: { 'content-type': 'application/json' },
    });
  }
}

function errorBody(code: ErrorCode, message?: Bilingual, details?: unknown): ErrorBody {
  const def = ERRORS[code];
  const said = message ?? { vi: def.vi, en: def.en };
  const msg = { vi: clip(said.vi, MAX_MESSAGE_CHARS), en: clip(said.en, MAX_MESSAGE_CHARS) };
  if (details === undefined) return { error: { code, message: msg } };
  const clipped = clipStrings(details, 0);
  // The first MAX_LISTED_DETAILS items of each list; fewer if even those
  // would make the body larger than MAX_ERROR_BODY_BYTES.
  let keep = MAX_LISTED_DETAILS;
  for (;;) {
    const body = withDetails(code, msg, clipped, keep);
    const size = utf8Length(JSON.stringify(body));
    if (size <= MAX_ERROR_BODY_BYTES || keep === 0) return body;
    keep = Math.min(keep - 1, Math.floor((keep * MAX_ERROR_BODY_BYTES) / size));
  }
}

/** The body with `details`' lists cut to `keep` items, the cut counted in `omitted` and said in the message. */
function withDetails(code: ErrorCode, msg: Bilingual, details: unknown, keep: number): ErrorBody {
  const { capped, omitted } = capDetails(details, keep);
  const body: ErrorBody = { error: { code, message: msg, details: capped } };
  // Said in the message too, which both apps show as it is.
  if (omitted > 0) {
    body.error.message = {
      vi: `${msg.vi} (Chỉ nêu ${keep} mục đầu; còn ${omitted} mục nữa.)`,
      en: `${msg.en} (Only the first ${keep} are listed; ${omitted} more.)`,
    };
  }
  return body;
}

/**
 * How many items of a list in `details` (findings, issues) an error body
 * carries: the first 100, in the order found (sheet order for findings), so
 * that a bad request of a few hundred KB cannot draw an answer of megabytes.
 * The first hundred are the ones to fix first; the sender fixes them and
 * sends again.
 */
export const MAX_LISTED_DETAILS = 100;

/**
 * The last-resort bound on a whole error body, in UTF-8 bytes (issue 16):
 * when the first MAX_LISTED_DETAILS items would make it larger, its lists
 * carry fewer (the message says how many). A hundred findings of the
 * validator take about 60 KB.
 */
export const MAX_ERROR_BODY_BYTES = 128 * 1024;

/** The longest string a body's details carry, and its message (in characters), each then cut with "…". */
export const MAX_DETAIL_CHARS = 1000;
export const MAX_MESSAGE_CHARS = 4000;

/** `v` with every string (and object key) in it clipped to MAX_DETAIL_CHARS; nesting past 8 levels becomes null. */
function clipStrings(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return clip(v, MAX_DETAIL_CHARS);
  if (typeof v !== 'object' || v === null) return v;
  if (depth >= 8) return null;
  if (Array.isArray(v)) return v.map((x) => clipStrings(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v))
    out[clip(k, MAX_DETAIL_CHARS)] = clipStrings(x, depth + 1);
  return out;
}

const utf8Length = (s: string) => new TextEncoder().encode(s).byteLength;

/**
 * `details` with each of its lists cut to `keep` items and, when any was
 * cut, `omitted`: how many items were left out (all lists together), also
 * returned. Anything that is not a plain object is returned as it is.
 */
function capDetails(details: unknown, keep: number): { capped: unknown; omitted: number } {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) {
    return { capped: details, omitted: 0 };
  }
  let omitted = 0;
  const capped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (Array.isArray(value) && value.length > keep) {
      omitted += value.length - keep;
      capped[key] = value.slice(0, keep);
    } else capped[key] = value;
  }
  if (omitted > 0) capped.omitted = omitted;
  return { capped, omitted };
}

/** The answer to a refusal of the data layer (db/errors.ts): one case per class. */
export function apiErrorOf(e: DomainError): ApiError {
  switch (e.code) {
    case 'PERIOD_LOCKED':
      return new ApiError('PERIOD_LOCKED', {
        vi: `Kỳ báo cáo ${e.period} đã khóa: ${e.reason ?? ''}`,
        en: `Report period ${e.period} is locked: ${e.reason ?? ''}`,
      });
    case 'IDEMPOTENCY_CONFLICT':
      return new ApiError('IDEMPOTENCY_CONFLICT');
    // Revoked during the request: the same 401 as a key revoked before it.
    case 'KEY_REVOKED':
      return new ApiError('UNAUTHENTICATED');
    case 'LAST_COORDINATOR_KEY':
      return new ApiError('LAST_COORDINATOR_KEY', {
        vi: `Khóa ${e.keyPrefix} là khóa điều phối cuối cùng còn hiệu lực: hãy cấp một khóa điều phối khác trước khi thu hồi nó.`,
        en: `Key ${e.keyPrefix} is the last active coordinator key: issue another coordinator key before revoking it.`,
      });
    case 'SUPERSEDED_VERSION':
      return new ApiError(
        'CONFLICT',
        {
          vi: `Phiên bản ${e.version} đã được thay bằng phiên bản ${e.latestVersion}: hãy xem xét phiên bản mới nhất.`,
          en: `Version ${e.version} was replaced by version ${e.latestVersion}: review the latest version.`,
        },
        { version: e.version, latestVersion: e.latestVersion },
      );
    case 'REVIEW_STATE_CONFLICT': {
      const is = REVIEW_STATE_LABELS[e.state];
      const needed = REVIEW_STATE_LABELS[e.needed];
      return new ApiError(
        'CONFLICT',
        {
          vi: `Phiên bản ${e.version} đang ở trạng thái “${is.vi}”, không phải “${needed.vi}”.`,
          en: `Version ${e.version} is “${is.en}”, not “${needed.en}”.`,
        },
        { version: e.version, reviewState: e.state },
      );
    }
  }
}
