import { describe, expect, it } from 'vitest';
import { api, issueKey, validSubmission } from './helpers.ts';

describe('smoke', () => {
  it('health is public; the rest needs a key', async () => {
    expect((await api('/api/health')).status).toBe(200);
    expect((await api('/api/me')).status).toBe(401);
  });
  it('an agency submits and gets a receipt', async () => {
    const key = await issueKey('P-TP');
    const res = await api('/api/periods/2026-Q1/submissions', {
      method: 'POST',
      key,
      json: validSubmission('P-TP'),
    });
    const body = await res.json<Record<string, unknown>>();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.version).toBe(1);
  });
});
