// Test helpers: issue real keys into the test D1, call the app through workerd.
import { env, SELF } from 'cloudflare:test';
import { expect } from 'vitest';
import { buildLayout, layoutToGrid } from '../../shared/layout/index.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import type { Submission } from '../../shared/submission/schema.ts';
import { validate } from '../../shared/validate/index.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/workbook/media-type.ts';
import { ERRORS, type ErrorCode } from '../../worker/src/errors.ts';
import { generateKey, hashKey } from '../../worker/src/lib/keys.ts';

export const plan = lySon58;
export const COORDINATOR = 'BTC-NV-LDTBXH';

/**
 * Timeout of a test that sends many requests (at once, or one after another
 * in a loop): sized for a busy 2-core machine running several test files,
 * where the default 5 s was seen to run out. A bound, not an expectation.
 */
export const LONG_TEST_TIMEOUT = 60_000;

export async function issueKey(
  agency: string,
  role: 'agency' | 'coordinator' = 'agency',
  label?: string,
) {
  const { key, prefix } = generateKey();
  await env.DB.prepare(
    `INSERT INTO access_keys (id, prefix, hash, agency_code, role, label, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'test')`,
  )
    .bind(
      crypto.randomUUID(),
      prefix,
      await hashKey(key),
      agency,
      role,
      label ?? `${agency} test`,
      new Date().toISOString(),
    )
    .run();
  return key;
}

export function api(path: string, init: RequestInit & { key?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return SELF.fetch(`https://example.com${path}`, { ...init, headers, body });
}

/** POST …/uploads: `bytes` as the multipart field `file` (or `opts.field`), with `submittedBy`. */
export function upload(
  key: string | undefined,
  period: string,
  bytes: Uint8Array | null,
  opts: { headers?: Record<string, string>; submittedBy?: string; field?: string } = {},
) {
  const form = new FormData();
  if (bytes) {
    form.append(
      opts.field ?? 'file',
      new File([bytes as Uint8Array<ArrayBuffer>], 'bao-cao.xlsx', { type: XLSX_MEDIA_TYPE }),
    );
  }
  if (opts.submittedBy !== undefined) form.append('submittedBy', opts.submittedBy);
  return api(`/api/periods/${period}/uploads`, {
    method: 'POST',
    key,
    body: form,
    headers: opts.headers,
  });
}

/**
 * A POST (or `method`: a PATCH) whose body arrives slowly, under the test's control: all but its
 * last bytes are given when the Worker reads them, the last only after
 * `release()`. `reading` resolves once the Worker has read the first part
 * and waits for the rest: the request has passed its checks at the start
 * (key, period) and is inside its body. No timers: the test decides when
 * the body ends, e.g. after locking the period or revoking the key.
 */
export function slowPost(
  path: string,
  key: string,
  body: { bytes: Uint8Array; contentType: string },
  headers: Record<string, string> = {},
  method = 'POST',
) {
  const { bytes } = body;
  const cut = bytes.length - 1;
  let release = () => {};
  const released = new Promise<void>((r) => {
    release = r;
  });
  let waiting = () => {};
  const reading = new Promise<void>((r) => {
    waiting = r;
  });
  let part = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (part++ === 0) {
          controller.enqueue(bytes.slice(0, cut));
          return;
        }
        waiting();
        await released;
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const response = SELF.fetch(`https://example.com${path}`, {
    method,
    // With its length given, nothing reads the body before the route does
    // (Hono's bodyLimit reads ahead only a body of unknown length).
    headers: {
      ...headers,
      authorization: `Bearer ${key}`,
      'content-type': body.contentType,
      'content-length': String(bytes.length),
    },
    body: stream,
  });
  return { response, reading, release };
}

/** The bytes and content type (with its boundary) of an upload's multipart body. */
export async function uploadBody(bytes: Uint8Array) {
  const form = new FormData();
  form.append(
    'file',
    new File([bytes as Uint8Array<ArrayBuffer>], 'bao-cao.xlsx', { type: XLSX_MEDIA_TYPE }),
  );
  const req = new Request('https://example.com/', { method: 'POST', body: form });
  return {
    bytes: new Uint8Array(await req.arrayBuffer()),
    contentType: req.headers.get('content-type') ?? '',
  };
}

/** A valid Submission for an agency and period, made the way the add-in makes it. */
export function validSubmission(agency: string, period = '2026-Q1', note = ''): Submission {
  const layout = buildLayout(plan, agency, getPeriod(period));
  const grid = layoutToGrid(layout, (t) => ({
    status: 'Đang triển khai',
    percent: 50,
    result: `Đã triển khai ${t.taskId}${note}`,
  }));
  const r = validate({ values: grid }, { plan, agency, period });
  if (!r.submission) throw new Error(JSON.stringify(r.findings));
  return r.submission;
}

/** Row counts of every table: proof that a refused request changed nothing. */
export async function snapshot() {
  const tables = [
    'agencies',
    'access_keys',
    'periods',
    'period_reopenings',
    'submissions',
    'reviews',
    'review_notes',
    'audit_log',
  ];
  const counts: Record<string, unknown> = {};
  for (const t of tables) {
    counts[t] = (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<{ n: number }>())?.n;
  }
  counts.periodsState = (
    await env.DB.prepare(
      'SELECT code, due, grace_days, locked, lock_reason FROM periods ORDER BY code',
    ).all()
  ).results;
  return counts;
}

/** The coordinator's key, issued fresh (keys are cheap; tests stay independent). */
export function coordinatorKey(label?: string) {
  return issueKey(COORDINATOR, 'coordinator', label);
}

/**
 * snapshot() plus the content that a refused update could change without
 * changing a row count: agency names, key revocations, reopenings, reviews, document settings.
 */
export async function fullSnapshot() {
  const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results;
  return {
    ...(await snapshot()),
    agencyRows: await rows(
      'SELECT code, name, short_name, placeholder, updated_at FROM agencies ORDER BY code',
    ),
    keyRows: await rows(
      'SELECT prefix, agency_code, role, revoked_at FROM access_keys ORDER BY prefix',
    ),
    reopeningRows: await rows(
      'SELECT period_code, agency_code, reason FROM period_reopenings ORDER BY period_code, agency_code',
    ),
    submissionIds: await rows('SELECT id, version FROM submissions ORDER BY id'),
    documentSettings: await rows('SELECT settings, updated_at, updated_by FROM document_settings'),
    maxAuditId: (await env.DB.prepare('SELECT MAX(id) AS n FROM audit_log').first<{ n: number }>())
      ?.n,
  };
}

/** Runs `act` and proves that the database is exactly as it was before. */
export async function expectNoChange<T>(act: () => Promise<T>): Promise<T> {
  const before = await fullSnapshot();
  const result = await act();
  expect(await fullSnapshot()).toEqual(before);
  return result;
}

export interface ErrorJson {
  error: { code: ErrorCode; message: { vi: string; en: string }; details?: unknown };
}

/**
 * Asserts a response is exactly `{ error: { code, message: { vi, en }, details? } }`
 * with the code's HTTP status from worker/src/errors.ts, and returns the body.
 */
export async function expectError(res: Response, code: ErrorCode): Promise<ErrorJson> {
  const text = await res.text();
  expect(res.status, text).toBe(ERRORS[code].status);
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  const body = JSON.parse(text) as ErrorJson;
  expect(Object.keys(body)).toEqual(['error']);
  const keys = Object.keys(body.error).sort();
  expect(keys.filter((k) => k !== 'details')).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(Object.keys(body.error.message).sort()).toEqual(['en', 'vi']);
  expect(body.error.message.vi).toEqual(expect.any(String));
  expect(body.error.message.en).toEqual(expect.any(String));
  expect(body.error.message.vi.length).toBeGreaterThan(0);
  expect(body.error.message.en.length).toBeGreaterThan(0);
  if ('details' in body.error) expect(body.error.details).not.toBeUndefined();
  return body;
}

/** The fields named by an INVALID_REQUEST error's details.issues. */
export function issueFields(body: ErrorJson): string[] {
  const details = body.error.details as { issues: { field: string; message: string }[] };
  expect(Array.isArray(details?.issues), JSON.stringify(body)).toBe(true);
  for (const i of details.issues) {
    expect(typeof i.field).toBe('string');
    expect(typeof i.message).toBe('string');
  }
  return details.issues.map((i) => i.field);
}

/** Submits a Submission as `key`; returns status and body. */
export async function submit(
  key: string,
  submission: unknown,
  period = (submission as Submission).periodCode,
  headers: Record<string, string> = {},
) {
  const res = await api(`/api/periods/${period}/submissions`, {
    method: 'POST',
    key,
    json: submission,
    headers,
  });
  return { res, status: res.status, body: await res.clone().json<Record<string, unknown>>() };
}

/** POST …/submissions/{agency}/review as `key` with this JSON body (accept, return, reopen). */
export function postReview(period: string, agency: string, key: string, json: unknown) {
  return api(`/api/periods/${period}/submissions/${agency}/review`, {
    method: 'POST',
    key,
    json,
  });
}

/** Renames an agency as the coordinator (PATCH /api/agencies/{code}); fails the test if refused. */
export async function renameAgency(code: string, name: string) {
  const res = await api(`/api/agencies/${code}`, {
    method: 'PATCH',
    key: await coordinatorKey(),
    json: { name },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Sets a period's due date, grace or lock as the coordinator; fails the test if refused. */
export async function patchPeriod(period: string, patch: Record<string, unknown>) {
  const res = await api(`/api/periods/${period}`, {
    method: 'PATCH',
    key: await coordinatorKey(),
    json: patch,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<Record<string, unknown>>();
}

/**
 * Lets a slowPost() through after a write made while its body arrived (the
 * period's grace changed), and asserts it was stored (201) with a receivedAt
 * later than that write and an audit row of the same instant: received when
 * written, not when the request began.
 */
export async function expectReceivedWhenWritten(
  slow: ReturnType<typeof slowPost>,
  period: string,
  agency: string,
) {
  await slow.reading;
  await patchPeriod(period, { graceDays: 4 });
  const meanwhile = (await auditRows('period.update', period)).at(-1);
  slow.release();
  const res = await slow.response;
  expect(res.status).toBe(201);
  const receipt = await res.json<{ receivedAt: string }>();
  expect(meanwhile && receipt.receivedAt > meanwhile.at).toBe(true);
  const [audit] = await auditRows('submission.create', `${agency}/${period}`);
  expect(audit?.at).toBe(receipt.receivedAt);
}

/** Audit rows for an action (and target, if given). */
export async function auditRows(action: string, target?: string) {
  const { results } = await env.DB.prepare(
    'SELECT id, at, actor, action, target, details FROM audit_log WHERE action = ?1 AND (?2 IS NULL OR target = ?2) ORDER BY id',
  )
    .bind(action, target ?? null)
    .all<{
      id: number;
      at: string;
      actor: string;
      action: string;
      target: string;
      details: string | null;
    }>();
  return results;
}

/** Makes every audit_log insert fail, as a D1 failure mid-batch would: the write must roll back. */
export async function breakAuditLog() {
  await env.DB.prepare(
    "CREATE TRIGGER IF NOT EXISTS audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END",
  ).run();
}

/** Undoes breakAuditLog. */
export async function repairAuditLog() {
  await env.DB.prepare('DROP TRIGGER IF EXISTS audit_down').run();
}

/** The writer the db/ functions record, as the auth middleware's Principal would give it. */
export function testActor(agency: string, keyPrefix = 'lsk_dbtest00') {
  return { agencyCode: agency, keyPrefix, label: `${agency} test` };
}

/**
 * Stores testActor's key (no usable secret: its hash is of nothing) for
 * `agency`, unrevoked, so that writes which check the sending key at the
 * write (storeSubmission) accept it. Does nothing when the prefix exists.
 */
export async function registerTestActor(agency = COORDINATOR, keyPrefix = 'lsk_dbtest00') {
  await env.DB.prepare(
    `INSERT OR IGNORE INTO access_keys (id, prefix, hash, agency_code, role, label, created_at, created_by)
     VALUES (?, ?, '', ?, 'agency', ?, ?, 'test')`,
  )
    .bind(crypto.randomUUID(), keyPrefix, agency, `${agency} test`, new Date().toISOString())
    .run();
}
