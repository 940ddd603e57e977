// The API's error answers match its description: every route's error paths
// are called, and each status a route answers is one the OpenAPI document
// lists for that operation, in the error envelope (components.schemas.Error)
// with a code of that status. The other way round, every 4xx the document
// lists for an operation is answered by one of the probes here. A 500 (the
// app's onError) is documented for every operation and is what every keyed
// route answers when D1 fails under it.
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_DOCUMENT_SETTINGS } from '../../shared/documents/index.ts';
import { ERRORS, type ErrorCode } from '../../worker/src/errors.ts';
import { OPERATIONS } from '../../worker/src/operations.ts';
import { ErrorSchema } from '../../worker/src/schemas.ts';
import { filledXlsx } from '../support/upload-files.ts';
import {
  api,
  coordinatorKey,
  issueKey,
  LONG_TEST_TIMEOUT,
  patchPeriod,
  plan,
  submit,
  upload,
  validSubmission,
} from './helpers.ts';

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;
interface OpenApi {
  paths: Record<string, Record<string, { responses: Responses }>>;
}

async function documentedResponses(): Promise<Map<string, Responses>> {
  const doc = await (await api('/api/openapi.json')).json<OpenApi>();
  const byOp = new Map<string, Responses>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      byOp.set(`${method.toUpperCase()} ${path}`, op.responses);
    }
  }
  return byOp;
}

/**
 * Checks one error answer of operation `op` against the document: its
 * status is listed with the Error schema, and the body is the envelope with
 * a code whose status it is. Returns the code.
 */
async function expectDocumentedError(
  documented: Map<string, Responses>,
  op: string,
  res: Response,
): Promise<ErrorCode> {
  const text = await res.text();
  const responses = documented.get(op);
  expect(responses, `${op} is not documented`).toBeDefined();
  const answer = responses?.[String(res.status)];
  expect(
    answer,
    `${op} answered ${res.status}, not documented: ${text.slice(0, 300)}`,
  ).toBeDefined();
  expect(answer?.content?.['application/json']?.schema, `${op} ${res.status}`).toEqual({
    $ref: '#/components/schemas/Error',
  });
  expect(res.headers.get('content-type'), `${op} ${res.status}`).toMatch(/^application\/json/);
  const body = ErrorSchema.strict().parse(JSON.parse(text));
  expect(Object.keys(ERRORS), `${op}: ${body.error.code}`).toContain(body.error.code);
  const code = body.error.code as ErrorCode;
  expect(ERRORS[code].status, `${op}: ${code}`).toBe(res.status);
  return code;
}

interface Keys {
  /** P-TP's agency key. */
  agency: string;
  /** THON-02's agency key: another agency than P-TP. */
  other: string;
  coordinator: string;
}

/** One error path: the documented operation, the status it must answer, the request. */
type Probe = [op: string, status: number, send: (k: Keys) => Promise<Response>];

const json = (key: string | undefined, method: string, body: unknown) => ({
  method,
  key,
  json: body,
});
const raw = (key: string, method: string, body: BodyInit, type: string) => ({
  method,
  key,
  body,
  headers: { 'content-type': type },
});
const tooLarge = () => JSON.stringify({ padding: 'x'.repeat(300 * 1024) });
const xlsx = () => filledXlsx('P-TP', '2026-Q1');
const multipart = (key: string, path: string, bytes: Uint8Array) => {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], 'bao-cao.xlsx'));
  return api(path, { method: 'POST', key, body: form });
};

const P = '/api/periods';
const R = `${P}/2026-Q1/submissions/P-TP`;
/** A period locked for these probes (PERIOD_LOCKED). */
const LOCKED = '2027-Q3';

/** Body routes: malformed JSON, wrong content type, schema violation, too large. */
function bodyProbes(op: string, method: string, path: string, key: (k: Keys) => string): Probe[] {
  return [
    [op, 400, (k) => api(path, raw(key(k), method, '{', 'application/json'))],
    [op, 400, (k) => api(path, raw(key(k), method, '{}', 'text/plain'))],
    [op, 400, (k) => api(path, json(key(k), method, { nonsense: true }))],
    [op, 413, (k) => api(path, raw(key(k), method, tooLarge(), 'application/json'))],
  ];
}

/** Upload routes: not multipart, no file, unreadable file, too large, unknown period. */
function uploadProbes(op: string, path: string): Probe[] {
  return [
    [op, 400, (k) => api(`${P}/2026-Q1${path}`, json(k.agency, 'POST', {}))],
    [
      op,
      400,
      (k) => api(`${P}/2026-Q1${path}`, { method: 'POST', key: k.agency, body: new FormData() }),
    ],
    [
      op,
      422,
      (k) => multipart(k.agency, `${P}/2026-Q1${path}`, new TextEncoder().encode('not xlsx')),
    ],
    [op, 422, (k) => multipart(k.agency, `${P}/2026-Q1${path}`, filledXlsx('THON-02', '2026-Q1'))],
    [op, 413, (k) => multipart(k.agency, `${P}/2026-Q1${path}`, new Uint8Array(3 * 1024 * 1024))],
    [op, 404, (k) => multipart(k.agency, `${P}/2099-Q1${path}`, xlsx())],
  ];
}

const PROBES: Probe[] = [
  ['GET /api/plan', 401, () => api('/api/plan')],
  ['GET /api/me', 401, () => api('/api/me')],
  ['GET /api/agencies', 401, () => api('/api/agencies', { key: 'lsk_nothing0_x' })],

  [
    'PATCH /api/agencies/{code}',
    401,
    () => api('/api/agencies/THON-01', json(undefined, 'PATCH', { name: 'A' })),
  ],
  [
    'PATCH /api/agencies/{code}',
    403,
    (k) => api('/api/agencies/THON-01', json(k.agency, 'PATCH', { name: 'Thôn A' })),
  ],
  [
    'PATCH /api/agencies/{code}',
    404,
    (k) => api('/api/agencies/NOPE', json(k.coordinator, 'PATCH', { name: 'Thôn A' })),
  ],
  [
    'PATCH /api/agencies/{code}',
    409,
    (k) =>
      api(
        '/api/agencies/THON-01',
        json(k.coordinator, 'PATCH', { name: plan.agency('P-TP')?.name }),
      ),
  ],
  ...bodyProbes(
    'PATCH /api/agencies/{code}',
    'PATCH',
    '/api/agencies/THON-01',
    (k) => k.coordinator,
  ),

  ['GET /api/periods', 401, () => api(P)],
  ['GET /api/periods', 400, (k) => api(`${P}?year=20x6`, { key: k.agency })],

  [
    'PATCH /api/periods/{period}',
    401,
    () => api(`${P}/2026-Q1`, json(undefined, 'PATCH', { graceDays: 4 })),
  ],
  [
    'PATCH /api/periods/{period}',
    403,
    (k) => api(`${P}/2026-Q1`, json(k.agency, 'PATCH', { graceDays: 4 })),
  ],
  [
    'PATCH /api/periods/{period}',
    404,
    (k) => api(`${P}/2099-Q1`, json(k.coordinator, 'PATCH', { graceDays: 4 })),
  ],
  [
    'PATCH /api/periods/{period}',
    400,
    (k) => api(`${P}/2026-Q1`, json(k.coordinator, 'PATCH', { due: '2025-01-01' })),
  ],
  ...bodyProbes('PATCH /api/periods/{period}', 'PATCH', `${P}/2026-Q1`, (k) => k.coordinator),

  [
    'POST /api/periods/{period}/reopenings',
    401,
    () => api(`${P}/2026-Q1/reopenings`, json(undefined, 'POST', { agency: 'P-TP', reason: 'x' })),
  ],
  [
    'POST /api/periods/{period}/reopenings',
    403,
    (k) => api(`${P}/2026-Q1/reopenings`, json(k.agency, 'POST', { agency: 'P-TP', reason: 'x' })),
  ],
  [
    'POST /api/periods/{period}/reopenings',
    404,
    (k) =>
      api(`${P}/2026-Q1/reopenings`, json(k.coordinator, 'POST', { agency: 'NOPE', reason: 'x' })),
  ],
  ...bodyProbes(
    'POST /api/periods/{period}/reopenings',
    'POST',
    `${P}/2026-Q1/reopenings`,
    (k) => k.coordinator,
  ),

  [
    'DELETE /api/periods/{period}/reopenings/{agency}',
    401,
    () => api(`${P}/2026-Q1/reopenings/P-TP`, { method: 'DELETE' }),
  ],
  [
    'DELETE /api/periods/{period}/reopenings/{agency}',
    403,
    (k) => api(`${P}/2026-Q1/reopenings/P-TP`, { method: 'DELETE', key: k.agency }),
  ],
  [
    'DELETE /api/periods/{period}/reopenings/{agency}',
    404,
    (k) => api(`${P}/2026-Q1/reopenings/P-TP`, { method: 'DELETE', key: k.coordinator }),
  ],

  [
    'POST /api/periods/{period}/submissions',
    401,
    () =>
      api(`${P}/2026-Q2/submissions`, json(undefined, 'POST', validSubmission('P-TP', '2026-Q2'))),
  ],
  [
    'POST /api/periods/{period}/submissions',
    403,
    (k) =>
      api(`${P}/2026-Q2/submissions`, json(k.other, 'POST', validSubmission('P-TP', '2026-Q2'))),
  ],
  [
    'POST /api/periods/{period}/submissions',
    404,
    (k) =>
      api(
        `${P}/2099-Q1/submissions`,
        json(k.agency, 'POST', { ...validSubmission('P-TP', '2026-Q2'), periodCode: '2099-Q1' }),
      ),
  ],
  [
    'POST /api/periods/{period}/submissions',
    409,
    (k) =>
      api(`${P}/${LOCKED}/submissions`, json(k.agency, 'POST', validSubmission('P-TP', LOCKED))),
  ],
  [
    'POST /api/periods/{period}/submissions',
    422,
    (k) => {
      const s = validSubmission('P-TP', '2026-Q2');
      const rows = s.rows.map((r, i) =>
        i === 0 ? { ...r, status: 'done' as const, percent: 40 } : r,
      );
      return api(`${P}/2026-Q2/submissions`, json(k.agency, 'POST', { ...s, rows }));
    },
  ],
  ...bodyProbes(
    'POST /api/periods/{period}/submissions',
    'POST',
    `${P}/2026-Q2/submissions`,
    (k) => k.agency,
  ),

  ['POST /api/periods/{period}/uploads', 401, () => upload(undefined, '2026-Q1', xlsx())],
  [
    'POST /api/periods/{period}/uploads',
    409,
    (k) => upload(k.agency, LOCKED, filledXlsx('P-TP', LOCKED)),
  ],
  ...uploadProbes('POST /api/periods/{period}/uploads', '/uploads'),
  [
    'POST /api/periods/{period}/uploads/annotated',
    401,
    () => multipart('', `${P}/2026-Q1/uploads/annotated`, xlsx()),
  ],
  ...uploadProbes('POST /api/periods/{period}/uploads/annotated', '/uploads/annotated'),

  ['GET /api/periods/{period}/submissions', 401, () => api(`${P}/2026-Q1/submissions`)],
  [
    'GET /api/periods/{period}/submissions',
    403,
    (k) => api(`${P}/2026-Q1/submissions`, { key: k.agency }),
  ],
  [
    'GET /api/periods/{period}/submissions',
    404,
    (k) => api(`${P}/2099-Q1/submissions`, { key: k.coordinator }),
  ],

  ['GET /api/periods/{period}/submissions/{agency}', 401, () => api(R)],
  ['GET /api/periods/{period}/submissions/{agency}', 403, (k) => api(R, { key: k.other })],
  [
    'GET /api/periods/{period}/submissions/{agency}',
    404,
    (k) => api(`${P}/2026-Q1/submissions/NOPE`, { key: k.coordinator }),
  ],

  [
    'POST /api/periods/{period}/submissions/{agency}/review',
    401,
    () => api(`${R}/review`, json(undefined, 'POST', { action: 'accept' })),
  ],
  [
    'POST /api/periods/{period}/submissions/{agency}/review',
    403,
    (k) => api(`${R}/review`, json(k.agency, 'POST', { action: 'accept' })),
  ],
  [
    'POST /api/periods/{period}/submissions/{agency}/review',
    404,
    (k) =>
      api(
        `${P}/2026-Q2/submissions/P-TP/review`,
        json(k.coordinator, 'POST', { action: 'accept' }),
      ),
  ],
  [
    'POST /api/periods/{period}/submissions/{agency}/review',
    409,
    (k) => api(`${R}/review`, json(k.coordinator, 'POST', { action: 'reopen', comment: 'Mở lại' })),
  ],
  ...bodyProbes(
    'POST /api/periods/{period}/submissions/{agency}/review',
    'POST',
    `${R}/review`,
    (k) => k.coordinator,
  ),

  ['GET /api/periods/{period}/submissions/{agency}/diff', 401, () => api(`${R}/diff`)],
  [
    'GET /api/periods/{period}/submissions/{agency}/diff',
    400,
    (k) => api(`${R}/diff?from=x`, { key: k.agency }),
  ],
  [
    'GET /api/periods/{period}/submissions/{agency}/diff',
    403,
    (k) => api(`${R}/diff`, { key: k.other }),
  ],
  [
    'GET /api/periods/{period}/submissions/{agency}/diff',
    404,
    (k) => api(`${R}/diff?to=9`, { key: k.agency }),
  ],

  ['GET /api/periods/{period}/workbook.xlsx', 401, () => api(`${P}/2026-Q1/workbook.xlsx`)],
  [
    'GET /api/periods/{period}/workbook.xlsx',
    403,
    (k) => api(`${P}/2026-Q1/workbook.xlsx`, { key: k.agency }),
  ],
  [
    'GET /api/periods/{period}/workbook.xlsx',
    404,
    (k) => api(`${P}/2099-Q1/workbook.xlsx`, { key: k.coordinator }),
  ],

  ['GET /api/periods/{period}/report.docx', 401, () => api(`${P}/2026-Q1/report.docx`)],
  [
    'GET /api/periods/{period}/report.docx',
    403,
    (k) => api(`${P}/2026-Q1/report.docx`, { key: k.agency }),
  ],
  [
    'GET /api/periods/{period}/report.docx',
    404,
    (k) => api(`${P}/2099-Q1/report.docx`, { key: k.coordinator }),
  ],

  [
    'GET /api/periods/{period}/template.xlsx',
    401,
    () => api(`${P}/2026-Q1/template.xlsx?agency=P-TP`),
  ],
  [
    'GET /api/periods/{period}/template.xlsx',
    400,
    (k) => api(`${P}/2026-Q1/template.xlsx`, { key: k.agency }),
  ],
  [
    'GET /api/periods/{period}/template.xlsx',
    403,
    (k) => api(`${P}/2026-Q1/template.xlsx?agency=P-TP`, { key: k.other }),
  ],
  [
    'GET /api/periods/{period}/template.xlsx',
    404,
    (k) => api(`${P}/2099-Q1/template.xlsx?agency=P-TP`, { key: k.agency }),
  ],

  [
    'GET /api/periods/{period}/submissions/{agency}/versions/{version}.xlsx',
    401,
    () => api(`${R}/versions/1.xlsx`),
  ],
  [
    'GET /api/periods/{period}/submissions/{agency}/versions/{version}.xlsx',
    403,
    (k) => api(`${R}/versions/1.xlsx`, { key: k.other }),
  ],
  [
    'GET /api/periods/{period}/submissions/{agency}/versions/{version}.xlsx',
    404,
    (k) => api(`${R}/versions/0.xlsx`, { key: k.agency }),
  ],

  [
    'GET /api/periods/{period}/carry-forward',
    401,
    () => api(`${P}/2026-H1/carry-forward?agency=P-TP`),
  ],
  [
    'GET /api/periods/{period}/carry-forward',
    400,
    (k) => api(`${P}/2026-H1/carry-forward`, { key: k.agency }),
  ],
  [
    'GET /api/periods/{period}/carry-forward',
    403,
    (k) => api(`${P}/2026-H1/carry-forward?agency=P-TP`, { key: k.other }),
  ],
  [
    'GET /api/periods/{period}/carry-forward',
    404,
    (k) => api(`${P}/2099-Q1/carry-forward?agency=P-TP`, { key: k.agency }),
  ],

  ['GET /api/keys', 401, () => api('/api/keys')],
  ['GET /api/keys', 403, (k) => api('/api/keys', { key: k.agency })],
  ['POST /api/keys', 401, () => api('/api/keys', json(undefined, 'POST', { agency: 'P-TP' }))],
  ['POST /api/keys', 403, (k) => api('/api/keys', json(k.agency, 'POST', { agency: 'P-TP' }))],
  ['POST /api/keys', 404, (k) => api('/api/keys', json(k.coordinator, 'POST', { agency: 'NOPE' }))],
  ...bodyProbes('POST /api/keys', 'POST', '/api/keys', (k) => k.coordinator),
  ['DELETE /api/keys/{prefix}', 401, () => api('/api/keys/lsk_abcdefgh', { method: 'DELETE' })],
  [
    'DELETE /api/keys/{prefix}',
    403,
    (k) => api('/api/keys/lsk_abcdefgh', { method: 'DELETE', key: k.agency }),
  ],
  [
    'DELETE /api/keys/{prefix}',
    404,
    (k) => api('/api/keys/lsk_abcdefgh', { method: 'DELETE', key: k.coordinator }),
  ],
  [
    'DELETE /api/keys/{prefix}',
    409,
    // The key in use, without ?confirm=self: CONFIRMATION_REQUIRED, nothing revoked.
    (k) => api(`/api/keys/${k.coordinator.slice(0, 12)}`, { method: 'DELETE', key: k.coordinator }),
  ],

  ['GET /api/settings/document', 401, () => api('/api/settings/document')],
  ['GET /api/settings/document', 403, (k) => api('/api/settings/document', { key: k.agency })],
  [
    'PUT /api/settings/document',
    401,
    () => api('/api/settings/document', json(undefined, 'PUT', EMPTY_DOCUMENT_SETTINGS)),
  ],
  [
    'PUT /api/settings/document',
    403,
    (k) => api('/api/settings/document', json(k.agency, 'PUT', EMPTY_DOCUMENT_SETTINGS)),
  ],
  ...bodyProbes(
    'PUT /api/settings/document',
    'PUT',
    '/api/settings/document',
    (k) => k.coordinator,
  ),
];

/**
 * Documented error answers no probe here provokes, with why: each needs a
 * state the API itself cannot produce.
 */
const NOT_PROBED: Record<string, string> = {
  'GET /api/me 404':
    'the key’s agency missing from the registry (keys are issued for registry agencies)',
};

describe('error answers and the OpenAPI document', () => {
  it(
    'every error a route answers is documented for it, in the error envelope',
    async () => {
      const documented = await documentedResponses();
      const keys: Keys = {
        agency: await issueKey('P-TP'),
        other: await issueKey('THON-02'),
        coordinator: await coordinatorKey(),
      };
      // What the 409s and 404s need: a report to reopen (not accepted), a locked period.
      expect((await submit(keys.agency, validSubmission('P-TP', '2026-Q1'))).status).toBe(201);
      await patchPeriod(LOCKED, { locked: true, lockReason: 'Khóa để thử' });

      const answered = new Set<string>();
      for (const [op, status, send] of PROBES) {
        const res = await send(keys);
        expect(res.status, `${op}: ${await res.clone().text()}`).toBe(status);
        await expectDocumentedError(documented, op, res);
        answered.add(`${op} ${status}`);
      }
      // The other way round: every documented 4xx of every operation was answered above.
      const unprobed = [...documented].flatMap(([op, responses]) =>
        Object.keys(responses)
          .filter((s) => s.startsWith('4') && !answered.has(`${op} ${s}`))
          .map((s) => `${op} ${s}`),
      );
      expect(unprobed.sort()).toEqual(Object.keys(NOT_PROBED).sort());
    },
    LONG_TEST_TIMEOUT,
  );
});

describe('500: the app’s onError envelope', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await env.DB.prepare('ALTER TABLE access_keys_unavailable RENAME TO access_keys')
      .run()
      .catch(() => undefined);
  });

  it('is documented for every operation, and every keyed route answers it when D1 fails', async () => {
    const documented = await documentedResponses();
    for (const op of OPERATIONS) {
      const label = `${op.method.toUpperCase()} ${op.path}`;
      expect(documented.get(label)?.['500'], label).toBeDefined();
    }
    const key = await coordinatorKey();
    // The Worker logs the failure (console.error); keep the test output clean.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await env.DB.prepare('ALTER TABLE access_keys RENAME TO access_keys_unavailable').run();
    const paths: Record<string, string> = {
      code: 'THON-01',
      period: '2026-Q1',
      agency: 'P-TP',
      version: '1',
      prefix: 'lsk_abcdefgh',
    };
    for (const op of OPERATIONS.filter((o) => o.access !== 'public')) {
      const label = `${op.method.toUpperCase()} ${op.path}`;
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => paths[name] ?? name);
      const res = await api(path, { method: op.method.toUpperCase(), key });
      expect(res.status, label).toBe(500);
      expect(await expectDocumentedError(documented, label, res)).toBe('INTERNAL');
    }
  });
});
