// The app answers directly (app.request, with the test bindings as Env): the
// public health check, and the JSON error shape for /api/* routes that do not exist.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../../worker/src/index.ts';
import { issueKey } from './helpers.ts';

describe('GET /api/health', () => {
  it('is public and says which service answers', async () => {
    const res = await app.request('/api/health', {}, env);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ ok: true, name: 'ly-son-poverty-reporting' });
  });
});

describe('unknown /api/* routes', () => {
  it('are a JSON 404 NOT_FOUND with a Vietnamese and an English message', async () => {
    const key = await issueKey('P-TP');
    const res = await app.request(
      '/api/nope',
      { headers: { authorization: `Bearer ${key}` } },
      env,
    );
    expect(res.status).toBe(404);
    const body = await res.json<{ error: { code: string; message: { vi: string; en: string } } }>();
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message.vi).toMatch(/\S/);
    expect(body.error.message.en).toMatch(/\S/);
  });

  it('answer 401 without a key: anonymous callers learn nothing about which routes exist', async () => {
    const res = await app.request('/api/nope', {}, env);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});
