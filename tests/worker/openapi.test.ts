// The OpenAPI document and the docs page list exactly the app's routes.
import { describe, expect, it } from 'vitest';
import app from '../../worker/src/app.ts';
import { ERRORS } from '../../worker/src/errors.ts';
import { api, issueKey } from './helpers.ts';

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
        'GET /api/periods/{period}/template.xlsx',
        'GET /api/periods/{period}/submissions/{agency}/versions/{file}',
        'GET /api/periods/{period}/carry-forward',
        'GET /api/keys',
        'POST /api/keys',
        'DELETE /api/keys/{prefix}',
      ].sort(),
    );
  });

  it('documents every route of the app with its method, and nothing else', async () => {
    const doc = await openApi();
    expect(doc.openapi).toBe('3.1.0');
    const documented = documentedOperations(doc);
    for (const op of appOperations()) expect(documented, op).toContain(op);
    expect(documented).toEqual(appOperations());
  });

  it('declares every path parameter, and security on every non-public route', async () => {
    const doc = await openApi();
    const publicOps = ['GET /api/health', 'GET /api/openapi.json', 'GET /api/docs'];
    for (const [path, methods] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(methods)) {
        const label = `${method.toUpperCase()} ${path}`;
        const params = op.parameters as { name: string; in: string; required: boolean }[];
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
        if (['POST', 'PATCH'].includes(method.toUpperCase())) {
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
    for (const op of appOperations()) {
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
