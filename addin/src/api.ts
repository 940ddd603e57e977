// The pane's calls to the Worker, through Hono's typed client over AppType
// (paths, params and bodies are checked against the routes at compile time).
// Every failure becomes an ApiFailure the UI can explain and, when it is
// safe, retry: a network failure or timeout changed nothing on our side, and
// submissions carry an Idempotency-Key, so a retry cannot store twice.
import { hc } from 'hono/client';
import type { Finding } from '../../shared/validate/findings.ts';
import type { AppType } from '../../worker/src/app.ts';
import type { PeriodView } from './periods.ts';

export type FailureKind = 'network' | 'timeout' | 'http';

export class ApiFailure extends Error {
  readonly kind: FailureKind;
  readonly status: number;
  readonly code: string;
  readonly text: { vi: string; en: string };
  readonly findings: Finding[];
  constructor(
    kind: FailureKind,
    status: number,
    code: string,
    text: { vi: string; en: string },
    findings: Finding[] = [],
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'ApiFailure';
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.text = text;
    this.findings = findings;
  }
  /** Worth trying again as it is: the request may not have arrived, or the server failed. */
  get retryable(): boolean {
    return this.kind !== 'http' || this.status >= 500 || this.status === 429;
  }
}

export interface Me {
  role: 'agency' | 'coordinator';
  keyPrefix: string;
  label: string;
  agency: { code: string; name: string; shortName: string };
}

export interface Receipt {
  id: string;
  agencyCode: string;
  periodCode: string;
  version: number;
  receivedAt: string;
  submittedBy: string;
  contentHash: string;
  warnings: Finding[];
  unchanged: boolean;
  replayed: boolean;
}

export interface CompletenessRow {
  agency: { code: string; name: string; shortName: string };
  status: string;
  overdue: boolean;
  latestVersion: number | null;
  latestReceivedAt: string | null;
  reviewState: string | null;
}

export interface Completeness {
  period: { code: string; due: string; graceDays: number; deadline: string };
  totals: Record<string, number>;
  agencies: CompletenessRow[];
}

const TIMEOUT_MS = 30_000;

/** What fetch and Hono's client responses have in common. */
interface Answer {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

async function call<T>(
  send: (init: RequestInit) => Promise<Answer>,
  timeoutMs = TIMEOUT_MS,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Answer;
  try {
    res = await send({ signal: controller.signal });
  } catch {
    const timedOut = controller.signal.aborted;
    throw new ApiFailure(
      timedOut ? 'timeout' : 'network',
      0,
      timedOut ? 'TIMEOUT' : 'NETWORK',
      timedOut
        ? {
            vi: `Máy chủ không trả lời sau ${timeoutMs / 1000} giây.`,
            en: `The server did not answer within ${timeoutMs / 1000} seconds.`,
          }
        : {
            vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
            en: 'Could not reach the server. Check the connection and try again.',
          },
    );
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) return (await res.json()) as T;
  let body: {
    error?: {
      code?: string;
      message?: { vi: string; en: string };
      details?: { findings?: Finding[] };
    };
  } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {}
  const err = body.error;
  throw new ApiFailure(
    'http',
    res.status,
    err?.code ?? `HTTP_${res.status}`,
    err?.message ?? {
      vi: `Máy chủ trả lời lỗi ${res.status}.`,
      en: `The server answered with error ${res.status}.`,
    },
    err?.details?.findings ?? [],
  );
}

export function apiClient(origin: string, key: string) {
  const client = hc<AppType>(origin, { headers: { authorization: `Bearer ${key}` } });
  return {
    me: () => call<Me>((init) => client.api.me.$get(undefined, { init })),
    periods: () =>
      call<{ today: string; periods: PeriodView[] }>((init) =>
        client.api.periods.$get({ query: {} }, { init }),
      ),
    submit: (
      period: string,
      body: Parameters<(typeof client.api.periods)[':period']['submissions']['$post']>[0]['json'],
      idempotencyKey: string,
    ) =>
      call<Receipt>((init) =>
        client.api.periods[':period'].submissions.$post(
          { param: { period }, json: body },
          { init, headers: { 'idempotency-key': idempotencyKey } },
        ),
      ),
    completeness: (period: string) =>
      call<Completeness>((init) =>
        client.api.periods[':period'].submissions.$get({ param: { period } }, { init }),
      ),
    /** The merged district workbook, as bytes (a minute allowed: it can be large on a slow link). */
    mergedWorkbook: async (period: string): Promise<ArrayBuffer> => {
      let bytes: ArrayBuffer | undefined;
      await call<null>(async (init) => {
        const res = await client.api.periods[':period']['workbook.xlsx'].$get(
          { param: { period } },
          { init },
        );
        if (!res.ok) return res;
        bytes = await res.arrayBuffer();
        return { ok: true, status: res.status, json: async () => null };
      }, 60_000);
      if (!bytes) throw new Error('no workbook');
      return bytes;
    },
  };
}

export type Api = ReturnType<typeof apiClient>;
