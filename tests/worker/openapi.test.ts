// The OpenAPI document and the docs page list exactly the app's routes, with
// every parameter they read, and the routes answer what it documents.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { EMPTY_DOCUMENT_SETTINGS } from '../../shared/documents/index.ts';
import app from '../../worker/src/app.ts';
import { ERRORS } from '../../worker/src/errors.ts';
import { type Answer, OPERATIONS } from '../../worker/src/operations.ts';
import { filledXlsx } from '../support/upload-files.ts';
import {
  api,
  coordinatorKey,
  expectError,
  issueFields,
  issueKey,
  LONG_TEST_TIMEOUT,
  postReview,
  submit,
  upload,
  validSubmission,
} from './helpers.ts';

/** "GET /api/periods/{period}" for every route of the app (middleware excluded). */
function appOperations(): string[] {
  const ops = new Set<string>();
  for (const r of app.routes) {
    // `/` is the web page (a static asset behind one Worker route), not part of the API.
    if (r.method === 'ALL' || !r.path.startsWith('/api')) continue;
    ops.add(`${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return [...ops].sort();
}

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  'x-error-codes': Record<string, { status: number; vi: string; en: string }>;
}

async function openApi(): Promise<OpenApi> {
  const res = await api('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return res.json<OpenApi>();
}

/** The app's route of each documented operation (operations.ts `route`, else its path). */
function operationRoutes(): string[] {
  return OPERATIONS.map(
    (op) => `${op.method.toUpperCase()} ${(op.route ?? op.path).replace(/:(\w+)/g, '{$1}')}`,
  ).sort();
}

function documentedOperations(doc: OpenApi): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe('GET /api/openapi.json', () => {
  it('the app has the routes docs/api.md lists', () => {
    expect(appOperations()).toEqual(
      [
        'GET /api/health',
        'GET /api/openapi.json',
        'GET /api/docs',
        'GET /api/plan',
        'GET /api/me',
        'GET /api/agencies',
        'PATCH /api/agencies/{code}',
        'GET /api/periods',
        'PATCH /api/periods/{period}',
        'POST /api/periods/{period}/reopenings',
        'DELETE /api/periods/{period}/reopenings/{agency}',
        'POST /api/periods/{period}/submissions',
        'POST /api/periods/{period}/uploads',
        'POST /api/periods/{period}/uploads/annotated',
        'GET /api/periods/{period}/submissions',
        'GET /api/periods/{period}/submissions/{agency}',
        'POST /api/periods/{period}/submissions/{agency}/review',
        'GET /api/periods/{period}/submissions/{agency}/diff',
        'GET /api/periods/{period}/workbook.xlsx',
        'GET /api/periods/{period}/report.docx',
        'GET /api/periods/{period}/template.xlsx',
        'GET /api/periods/{period}/submissions/{agency}/versions/{file}',
        'GET /api/periods/{period}/carry-forward',
        'GET /api/keys',
        'POST /api/keys',
        'DELETE /api/keys/{prefix}',
        'GET /api/settings/document',
        'PUT /api/settings/document',
      ].sort(),
    );
  });

  it('documents every route of the app with its method, and nothing else', async () => {
    const doc = await openApi();
    expect(doc.openapi).toBe('3.1.0');
    const documented = documentedOperations(doc);
    // One documented operation per route of the app, and its path is the route's
    // (the version file is documented as {version}.xlsx, the app's :file).
    for (const op of appOperations()) expect(operationRoutes(), op).toContain(op);
    expect(operationRoutes()).toEqual(appOperations());
    expect(documented).toEqual(
      OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort(),
    );
    expect(documented).toContain(
      'GET /api/periods/{period}/submissions/{agency}/versions/{version}.xlsx',
    );
  });

  it('declares every path parameter, and security on every non-public route', async () => {
    const doc = await openApi();
    const publicOps = ['GET /api/health', 'GET /api/openapi.json', 'GET /api/docs'];
    for (const [path, methods] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(methods)) {
        const label = `${method.toUpperCase()} ${path}`;
        const params = (op.parameters as { name: string; in: string; required: boolean }[]).filter(
          (p) => p.in === 'path',
        );
        expect(
          params.map((p) => p.name),
          label,
        ).toEqual(names);
        for (const p of params) expect(p).toMatchObject({ in: 'path', required: true });
        const responses = op.responses as Record<string, unknown>;
        if (publicOps.includes(label)) {
          expect(op.security, label).toBeUndefined();
        } else {
          expect(op.security, label).toEqual([{ bearer: [] }]);
          expect(responses['401'], label).toBeDefined();
        }
        if (['POST', 'PUT', 'PATCH'].includes(method.toUpperCase())) {
          expect(op.requestBody, label).toBeDefined();
          expect(responses['400'], label).toBeDefined();
          expect(responses['413'], label).toBeDefined();
        }
      }
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists the closed set of error codes with their statuses and messages', async () => {
    const doc = await openApi();
    expect(doc['x-error-codes']).toEqual(ERRORS);
    expect(doc.components.schemas.Error).toBeDefined();
    expect(doc.components.schemas.Submission).toBeDefined();
  });

  it('the submission body schema is the Submission with rows', async () => {
    const doc = await openApi();
    const body = doc.paths['/api/periods/{period}/submissions']?.post?.requestBody as {
      content: { 'application/json': { schema: { properties: Record<string, unknown> } } };
    };
    const props = body.content['application/json'].schema.properties;
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining([
        'planId',
        'agencyCode',
        'periodCode',
        'layoutVersion',
        'rows',
        'submittedBy',
      ]),
    );
  });
});

describe('GET /api/docs', () => {
  it('is an HTML page listing every route with its method', async () => {
    const res = await api('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    for (const op of documentedOperations(await openApi())) {
      const [method, path] = op.split(' ');
      expect(html, op).toContain(
        `<tr><td><code>${method}</code></td><td><code>${path}</code></td>`,
      );
    }
    for (const code of Object.keys(ERRORS)) expect(html).toContain(`<code>${code}</code>`);
    expect(html).toContain('href="/api/openapi.json"');
    // No external scripts: the page works offline.
    expect(html).not.toMatch(/<script[^>]+src=/i);
  });

  it('the documented read routes answer an agency key', async () => {
    const key = await issueKey('P-TP');
    for (const path of ['/api/plan', '/api/me', '/api/agencies', '/api/periods']) {
      expect((await api(path, { key })).status, path).toBe(200);
    }
  });
});

type ResponseObject = {
  description: string;
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, unknown>;
};

/** The documented operation `METHOD /path` (its OpenAPI path). */
function operation(label: string) {
  const op = OPERATIONS.find((o) => `${o.method.toUpperCase()} ${o.path}` === label);
  if (!op) throw new Error(`${label} is not documented`);
  return op;
}

/**
 * Checks a real answer against the document: its status is listed, the
 * served document's schema for it is the zod schema's (the same object the
 * route's answer is parsed with here), and the body parses. Returns the body.
 */
async function expectDocumented(doc: OpenApi, label: string, res: Response): Promise<unknown> {
  const text = await res.clone().text();
  const op = operation(label);
  const answer = op.responses[res.status] as Answer | string | undefined;
  expect(answer, `${label} answered ${res.status}: ${text}`).toBeDefined();
  if (typeof answer === 'string' || !answer?.json)
    throw new Error(`${label} ${res.status}: no JSON schema`);
  const [path, method] = [op.path, op.method];
  const served = doc.paths[path]?.[method]?.responses as Record<string, ResponseObject>;
  expect(served[String(res.status)]?.content?.['application/json']?.schema, label).toEqual(
    z.toJSONSchema(answer.json, { io: 'output', unrepresentable: 'any' }),
  );
  expect(res.headers.get('content-type'), label).toMatch(/^application\/json/);
  const body = JSON.parse(text) as unknown;
  const parsed = answer.json.safeParse(body);
  expect(parsed.success, `${label}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
  return body;
}

describe('documented answers', () => {
  it('every answer declares its content: a JSON schema, a media type, or the error envelope', async () => {
    const doc = await openApi();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const label = `${method.toUpperCase()} ${path}`;
        const responses = op.responses as Record<string, ResponseObject>;
        expect(responses['500'], label).toBeDefined();
        const ok = Object.keys(responses).filter((s) => s.startsWith('2'));
        expect(ok.length, label).toBeGreaterThan(0);
        for (const [status, r] of Object.entries(responses)) {
          const types = Object.keys(r.content ?? {});
          expect(types.length, `${label} ${status}`).toBe(1);
          if (Number(status) >= 400) {
            expect(r.content?.['application/json']?.schema, `${label} ${status}`).toEqual({
              $ref: '#/components/schemas/Error',
            });
          } else if (types[0] === 'application/json') {
            expect(r.content?.['application/json']?.schema, `${label} ${status}`).toMatchObject({
              type: 'object',
            });
          }
        }
      }
    }
    const xlsx = doc.paths['/api/periods/{period}/template.xlsx']?.get?.responses as Record<
      string,
      ResponseObject
    >;
    expect(Object.keys(xlsx['200']?.content ?? {})).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Object.keys(xlsx['200']?.headers ?? {})).toContain('X-Start-From');
  });

  it(
    'the routes answer what the document says (history with reviews and notes, diff, review, periods, completeness, upload)',
    async () => {
      const doc = await openApi();
      const agencyKey = await issueKey('P-TP');
      const coordinator = await coordinatorKey('Chánh văn phòng');
      const base = '/api/periods/2026-Q1/submissions/P-TP';

      expect((await submit(agencyKey, validSubmission('P-TP', '2026-Q1'))).status).toBe(201);
      const returned = await postReview('2026-Q1', 'P-TP', coordinator, {
        action: 'return',
        comment: 'Đề nghị sửa các ô có ghi chú.',
        notes: [
          { taskId: 'I.1', field: 'result', text: 'Nêu rõ số hộ.' },
          { taskId: 'III.2', text: 'Cả dòng.' },
        ],
      });
      expect(returned.status).toBe(201);
      await expectDocumented(
        doc,
        `POST ${base.replace('2026-Q1', '{period}').replace('P-TP', '{agency}')}/review`,
        returned,
      );
      const v2 = await submit(agencyKey, validSubmission('P-TP', '2026-Q1', ' (sửa)'));
      expect(v2.status).toBe(201);
      await expectDocumented(doc, 'POST /api/periods/{period}/submissions', v2.res);
      const accepted = await postReview('2026-Q1', 'P-TP', coordinator, { action: 'accept' });
      await expectDocumented(
        doc,
        'POST /api/periods/{period}/submissions/{agency}/review',
        accepted,
      );

      const history = (await expectDocumented(
        doc,
        'GET /api/periods/{period}/submissions/{agency}',
        await api(base, { key: agencyKey }),
      )) as { versions: { reviews: unknown[]; notes: unknown[] }[] };
      // Version 1 (last in the list) was returned with notes; version 2 accepted.
      expect(history.versions.map((v) => v.reviews.length)).toEqual([1, 1]);
      expect(history.versions[1]?.notes).toHaveLength(2);

      const diff = (await expectDocumented(
        doc,
        'GET /api/periods/{period}/submissions/{agency}/diff',
        await api(`${base}/diff`, { key: agencyKey }),
      )) as { from: unknown; changes: unknown[] };
      expect(diff.from).toEqual({ period: '2026-Q1', version: 1 });
      expect(diff.changes.length).toBeGreaterThan(0);

      for (const key of [agencyKey, coordinator]) {
        await expectDocumented(doc, 'GET /api/periods', await api('/api/periods', { key }));
      }
      const completeness = (await expectDocumented(
        doc,
        'GET /api/periods/{period}/submissions',
        await api('/api/periods/2026-Q1/submissions', { key: coordinator }),
      )) as { totals: { received: number } };
      expect(completeness.totals.received).toBe(1);

      // The accepted Q1 report carries forward into H1, and H1 takes an upload.
      const carried = (await expectDocumented(
        doc,
        'GET /api/periods/{period}/carry-forward',
        await api('/api/periods/2026-H1/carry-forward?agency=P-TP', { key: agencyKey }),
      )) as { rows: unknown[] };
      expect(carried.rows.length).toBeGreaterThan(0);
      // Lower than the accepted Q1 report's 50 %: REGRESSION warnings, kept in the receipt.
      const lower = filledXlsx('P-TP', '2026-H1', (t) => ({
        status: 'Đang triển khai',
        percent: 20,
        result: `Đã triển khai nhiệm vụ ${t.taskId}`,
      }));
      const uploaded = await upload(agencyKey, '2026-H1', lower);
      expect(uploaded.status, await uploaded.clone().text()).toBe(201);
      const receipt = (await expectDocumented(
        doc,
        'POST /api/periods/{period}/uploads',
        uploaded,
      )) as { warnings: unknown[] };
      expect(receipt.warnings.length).toBeGreaterThan(0);

      for (const [label, path, key] of [
        ['GET /api/health', '/api/health', undefined],
        ['GET /api/openapi.json', '/api/openapi.json', undefined],
        ['GET /api/plan', '/api/plan', agencyKey],
        ['GET /api/me', '/api/me', agencyKey],
        ['GET /api/agencies', '/api/agencies', agencyKey],
        ['GET /api/keys', '/api/keys', coordinator],
        ['GET /api/settings/document', '/api/settings/document', coordinator],
      ] as const) {
        await expectDocumented(doc, label, await api(path, { key }));
      }
      await expectDocumented(
        doc,
        'POST /api/keys',
        await api('/api/keys', { method: 'POST', key: coordinator, json: { agency: 'P-TP' } }),
      );
      await expectDocumented(
        doc,
        'PUT /api/settings/document',
        await api('/api/settings/document', {
          method: 'PUT',
          key: coordinator,
          json: { ...EMPTY_DOCUMENT_SETTINGS, issuingBody: 'CƠ QUAN THỬ NGHIỆM' },
        }),
      );
    },
    LONG_TEST_TIMEOUT,
  );
});

/**
 * How each documented query parameter and request header shows that the
 * route reads it: a request whose answer depends on it.
 */
const PARAM_PROBES: Record<string, () => Promise<void>> = {
  'GET /api/periods ?year': async () => {
    const key = await issueKey('P-TP');
    for (const year of [2026, 2027]) {
      const res = await api(`/api/periods?year=${year}`, { key });
      const body = await res.json<{ periods: { year: number }[] }>();
      expect(body.periods.length, String(year)).toBeGreaterThan(0);
      expect(new Set(body.periods.map((p) => p.year))).toEqual(new Set([year]));
    }
  },
  'GET /api/periods/{period}/submissions/{agency}/diff ?from': async () => {
    const res = await api('/api/periods/2026-Q1/submissions/P-TP/diff?from=x', {
      key: await issueKey('P-TP'),
    });
    expect(issueFields(await expectError(res, 'INVALID_REQUEST'))).toEqual(['from']);
  },
  'GET /api/periods/{period}/submissions/{agency}/diff ?to': async () => {
    const res = await api('/api/periods/2026-Q1/submissions/P-TP/diff?to=x', {
      key: await issueKey('P-TP'),
    });
    expect(issueFields(await expectError(res, 'INVALID_REQUEST'))).toEqual(['to']);
  },
  'GET /api/periods/{period}/template.xlsx ?agency': async () => {
    const key = await issueKey('P-TP');
    const res = await api('/api/periods/2026-Q1/template.xlsx', { key });
    expect(issueFields(await expectError(res, 'INVALID_REQUEST'))).toEqual(['query.agency']);
    expect((await api('/api/periods/2026-Q1/template.xlsx?agency=P-TP', { key })).status).toBe(200);
  },
  'GET /api/periods/{period}/template.xlsx ?start': async () => {
    const key = await issueKey('P-TP');
    const path = '/api/periods/2026-Q1/template.xlsx?agency=P-TP';
    const res = await api(`${path}&start=x`, { key });
    expect(issueFields(await expectError(res, 'INVALID_REQUEST'))).toEqual(['query.start']);
    const started = await api(`${path}&start=last-accepted`, { key });
    expect(started.headers.get('X-Start-From')).toBe('none');
  },
  'GET /api/periods/{period}/carry-forward ?agency': async () => {
    const key = await issueKey('P-TP');
    const res = await api('/api/periods/2026-Q1/carry-forward', { key });
    expect(issueFields(await expectError(res, 'INVALID_REQUEST'))).toEqual(['query.agency']);
  },
  'POST /api/periods/{period}/submissions Idempotency-Key': async () => {
    const key = await issueKey('P-TP');
    const { res } = await submit(key, validSubmission('P-TP'), '2026-Q1', {
      'idempotency-key': 'two words',
    });
    expect(issueFields(await expectError(res, 'INVALID_REQUEST'))).toEqual([
      'header.Idempotency-Key',
    ]);
  },
  'DELETE /api/keys/{prefix} ?confirm': async () => {
    await coordinatorKey(); // another coordinator key: this one is not the last
    const own = await coordinatorKey();
    const prefix = own.slice(0, 12);
    const path = `/api/keys/${prefix}`;
    await expectError(await api(path, { method: 'DELETE', key: own }), 'CONFIRMATION_REQUIRED');
    const res = await api(`${path}?confirm=self`, { method: 'DELETE', key: own });
    expect(res.status).toBe(200);
    expect((await res.json<{ revokedAt: string | null }>()).revokedAt).not.toBeNull();
  },
  'POST /api/periods/{period}/uploads Idempotency-Key': async () => {
    const key = await issueKey('P-TP');
    const res = await upload(key, '2026-Q1', filledXlsx('P-TP', '2026-Q1'), {
      headers: { 'idempotency-key': 'two words' },
    });
    expect(issueFields(await expectError(res, 'INVALID_REQUEST'))).toEqual([
      'header.Idempotency-Key',
    ]);
  },
};

describe('documented query parameters and headers', () => {
  it('are exactly those probed here', async () => {
    const doc = await openApi();
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, op]) =>
        (op.parameters as { name: string; in: string }[])
          .filter((p) => p.in !== 'path')
          .map((p) => `${method.toUpperCase()} ${path} ${p.in === 'query' ? '?' : ''}${p.name}`),
      ),
    );
    expect(documented.sort()).toEqual(Object.keys(PARAM_PROBES).sort());
  });

  for (const [param, probe] of Object.entries(PARAM_PROBES)) {
    it(`${param} is read by the route`, probe, LONG_TEST_TIMEOUT);
  }
});
