// Every API answer is one key's data at one moment: Cache-Control: no-store
// on JSON, files and errors alike (app.ts).
import { describe, expect, it } from 'vitest';
import { api, coordinatorKey, issueKey, submit, validSubmission } from './helpers.ts';

describe('Cache-Control on /api/*', () => {
  it('is no-store on JSON answers, files, pages and errors', async () => {
    const agency = await issueKey('P-TP');
    const coordinator = await coordinatorKey();
    const submitted = await submit(agency, validSubmission('P-TP'));
    expect(submitted.status).toBe(201);
    const answers: [string, Promise<Response>, number][] = [
      ['health', api('/api/health'), 200],
      ['openapi.json', api('/api/openapi.json'), 200],
      ['docs', api('/api/docs'), 200],
      ['plan', api('/api/plan', { key: agency }), 200],
      ['periods', api('/api/periods', { key: agency }), 200],
      ['submission', Promise.resolve(submitted.res), 201],
      ['template', api('/api/periods/2026-Q1/template.xlsx?agency=P-TP', { key: agency }), 200],
      ['workbook', api('/api/periods/2026-Q1/workbook.xlsx', { key: coordinator }), 200],
      ['401', api('/api/plan'), 401],
      ['403', api('/api/keys', { key: agency }), 403],
      ['404 route', api('/api/nothing-here', { key: agency }), 404],
      ['404 period', api('/api/periods/2099-Q1/submissions/P-TP', { key: agency }), 404],
      [
        '400',
        api('/api/periods/2026-Q1/submissions', { method: 'POST', key: agency, json: {} }),
        400,
      ],
    ];
    for (const [label, pending, status] of answers) {
      const res = await pending;
      expect(res.status, label).toBe(status);
      expect(res.headers.get('cache-control'), label).toBe('no-store');
      await res.arrayBuffer();
    }
  });
});
