// How the task pane and the web page call the Worker: one request with a
// timeout, and every failure (no network, no answer in time, the API's error
// envelope) as one ApiFailure with a bilingual message, the API's code, any
// findings, and whether trying again as it is can be safe.
import type { Bilingual } from '../shared/text/bilingual.ts';
import type { Finding } from '../shared/validate/findings.ts';

export type FailureKind = 'network' | 'timeout' | 'http';

export class ApiFailure extends Error {
  readonly kind: FailureKind;
  readonly status: number;
  readonly code: string;
  readonly text: Bilingual;
  readonly findings: Finding[];
  /** The sheet the findings are about, when the API names it (uploads). */
  readonly sheet: string | null;
  /** The request fields a 400 names (`details.issues[].field`, e.g. "recipients.1"), in order. */
  readonly fields: string[];
  constructor(
    kind: FailureKind,
    status: number,
    code: string,
    text: Bilingual,
    findings: Finding[] = [],
    sheet: string | null = null,
    fields: string[] = [],
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'ApiFailure';
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.text = text;
    this.findings = findings;
    this.sheet = sheet;
    this.fields = fields;
  }
  /** Worth trying again as it is: the request may not have arrived, or the server failed. */
  get retryable(): boolean {
    return this.kind !== 'http' || this.status >= 500 || this.status === 429;
  }
}

export const TIMEOUT_MS = 30_000;
/** Workbooks and uploads may be slow on a district link. */
export const FILE_TIMEOUT_MS = 120_000;

const timeoutText = (ms: number): Bilingual => ({
  vi: `Máy chủ không trả lời sau ${ms / 1000} giây. Kiểm tra mạng rồi thử lại.`,
  en: `The server did not answer within ${ms / 1000} seconds. Check the connection and try again.`,
});
const networkText: Bilingual = {
  vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  en: 'Could not reach the server. Check the connection and try again.',
};

/** The error envelope `{ error: { code, message: { vi, en }, details? } }` as an ApiFailure. */
export async function failureFrom(res: {
  status: number;
  json(): Promise<unknown>;
}): Promise<ApiFailure> {
  let body: { error?: { code?: unknown; message?: Partial<Bilingual>; details?: unknown } } = {};
  try {
    body = ((await res.json()) ?? {}) as typeof body;
  } catch {
    // Not JSON (a proxy's error page, say): the status is all there is.
  }
  const err = body.error;
  const message =
    typeof err?.message?.vi === 'string' && typeof err?.message?.en === 'string'
      ? { vi: err.message.vi, en: err.message.en }
      : {
          vi: `Máy chủ trả lời lỗi ${res.status}.`,
          en: `The server answered with error ${res.status}.`,
        };
  const code = typeof err?.code === 'string' ? err.code : `HTTP_${res.status}`;
  const sheet = (err?.details as { sheet?: unknown } | undefined)?.sheet;
  return new ApiFailure(
    'http',
    res.status,
    code,
    message,
    findingsOf(err?.details),
    typeof sheet === 'string' ? sheet : null,
    fieldsOf(err?.details),
  );
}

/** The field names of an error envelope's `details.issues` (INVALID_REQUEST), if any. */
export function fieldsOf(details: unknown): string[] {
  const list = (details as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(list)) return [];
  return list
    .map((i) => (i as { field?: unknown } | null)?.field)
    .filter((f): f is string => typeof f === 'string');
}

/** Runs one request with a timeout; turns network failures and error answers into ApiFailure. */
export async function send<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  request: (signal: AbortSignal) => Promise<R>,
  timeoutMs = TIMEOUT_MS,
): Promise<R> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: R;
  try {
    res = await request(controller.signal);
  } catch {
    const timedOut = controller.signal.aborted;
    throw new ApiFailure(
      timedOut ? 'timeout' : 'network',
      0,
      timedOut ? 'TIMEOUT' : 'NETWORK',
      timedOut ? timeoutText(timeoutMs) : networkText,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) throw await failureFrom(res);
  return res;
}

/** Findings from an error envelope's details, if it has any that look right. */
export function findingsOf(details: unknown): Finding[] {
  const list = (details as { findings?: unknown } | null | undefined)?.findings;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (f): f is Finding =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as Finding).cell === 'string' &&
      ((f as Finding).severity === 'error' || (f as Finding).severity === 'warning') &&
      typeof (f as Finding).message?.vi === 'string' &&
      typeof (f as Finding).message?.en === 'string',
  );
}
