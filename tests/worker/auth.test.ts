// Authentication (UNAUTHENTICATED for every kind of bad key) and the
// coordinator-only routes (FORBIDDEN for agency keys).
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { EMPTY_DOCUMENT_SETTINGS } from '../../shared/documents/index.ts';
import { generateKey, hashKey } from '../../worker/src/lib/keys.ts';
import {
  api,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueKey,
  validSubmission,
} from './helpers.ts';

/** Every protected endpoint, with a body that would be accepted from the right key. */
const PROTECTED: { method: string; path: string; json?: unknown }[] = [
  { method: 'GET', path: '/api/plan' },
  { method: 'GET', path: '/api/me' },
  { method: 'GET', path: '/api/agencies' },
  { method: 'PATCH', path: '/api/agencies/THON-02', json: { name: 'Thôn thử nghiệm' } },
  { method: 'GET', path: '/api/periods' },
  { method: 'PATCH', path: '/api/periods/2027-Q1', json: { graceDays: 5 } },
  {
    method: 'POST',
    path: '/api/periods/2027-Q1/reopenings',
    json: { agency: 'P-TP', reason: 'Nộp bổ sung' },
  },
  { method: 'DELETE', path: '/api/periods/2027-Q1/reopenings/P-TP' },
  {
    method: 'POST',
    path: '/api/periods/2027-Q1/submissions',
    json: validSubmission('P-TP', '2027-Q1'),
  },
  { method: 'GET', path: '/api/periods/2027-Q1/submissions' },
  { method: 'GET', path: '/api/periods/2027-Q1/submissions/P-TP' },
  {
    method: 'POST',
    path: '/api/periods/2027-Q1/submissions/P-TP/review',
    json: { action: 'accept' },
  },
  { method: 'GET', path: '/api/keys' },
  { method: 'POST', path: '/api/keys', json: { agency: 'P-TP' } },
  { method: 'DELETE', path: '/api/keys/lsk_abcdefgh' },
  { method: 'GET', path: '/api/settings/document' },
  { method: 'PUT', path: '/api/settings/document', json: EMPTY_DOCUMENT_SETTINGS },
];

function call(
  route: (typeof PROTECTED)[number],
  authorization?: string,
  extra: { key?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  return api(route.path, { method: route.method, json: route.json, headers, ...extra });
}

describe('public routes', () => {
  it('GET /api/health answers without a key', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, name: 'ly-son-poverty-reporting' });
  });

  it('public routes ignore a bad key instead of refusing', async () => {
    for (const path of ['/api/health', '/api/openapi.json', '/api/docs']) {
      const res = await api(path, { headers: { authorization: 'Bearer nonsense' } });
      expect(res.status, path).toBe(200);
    }
  });
});

describe('UNAUTHENTICATED', () => {
  it('a missing key is refused on every protected route, and nothing changes', async () => {
    await expectNoChange(async () => {
      for (const route of PROTECTED) {
        await expectError(await call(route), 'UNAUTHENTICATED');
      }
    });
  });

  it('malformed Authorization headers are refused', async () => {
    const real = await issueKey('P-TP');
    const malformed = [
      '',
      'Bearer',
      'Bearer ',
      real, // no scheme
      `Basic ${real}`,
      `Bearer ${real} extra`,
      `Bearer ${real.toUpperCase()}`,
      `Bearer ${real.slice(0, -1)}`, // secret one character short
      `Bearer ${real}x`, // one character long
      `Bearer ${real.slice(0, 12)}`, // the prefix alone
      'Bearer lsk_abcdefgh_0000000000000000000000000000000o', // 0 and o are not in the alphabet
      'Bearer not-a-key-at-all',
    ];
    await expectNoChange(async () => {
      for (const header of malformed) {
        for (const route of PROTECTED) {
          const res = await call(route, header);
          const body = await expectError(res, 'UNAUTHENTICATED');
          expect(body.error.details, `${header} ${route.method} ${route.path}`).toBeUndefined();
        }
      }
    });
  });

  it('an unknown, well-formed key is refused', async () => {
    const { key } = generateKey();
    await expectNoChange(async () => {
      for (const route of PROTECTED) {
        await expectError(await call(route, `Bearer ${key}`), 'UNAUTHENTICATED');
      }
    });
  });

  it('a wrong secret with a real prefix is refused', async () => {
    const real = await issueKey('P-TP');
    const other = generateKey().key;
    const forged = `${real.slice(0, 13)}${other.slice(13)}`;
    expect(forged.slice(0, 12)).toBe(real.slice(0, 12));
    expect(forged).not.toBe(real);
    await expectNoChange(async () => {
      for (const route of PROTECTED) {
        await expectError(await call(route, `Bearer ${forged}`), 'UNAUTHENTICATED');
      }
    });
    // The real key still works.
    expect((await api('/api/me', { key: real })).status).toBe(200);
  });

  it('a revoked key is refused everywhere', async () => {
    const key = await issueKey('P-VHTT');
    expect((await api('/api/me', { key })).status).toBe(200);
    const revoke = await api(`/api/keys/${key.slice(0, 12)}`, {
      method: 'DELETE',
      key: await coordinatorKey(),
    });
    expect(revoke.status).toBe(200);
    await expectNoChange(async () => {
      for (const route of PROTECTED) {
        await expectError(await call(route, `Bearer ${key}`), 'UNAUTHENTICATED');
      }
    });
  });

  it('a revoked coordinator key loses its powers', async () => {
    const coordinator = await coordinatorKey();
    await env.DB.prepare('UPDATE access_keys SET revoked_at = ? WHERE prefix = ?')
      .bind(new Date().toISOString(), coordinator.slice(0, 12))
      .run();
    await expectError(await api('/api/keys', { key: coordinator }), 'UNAUTHENTICATED');
  });

  it('the same 401 for every kind of bad key (nothing tells them apart)', async () => {
    const real = await issueKey('P-TP');
    const revoked = await issueKey('P-TP');
    await env.DB.prepare('UPDATE access_keys SET revoked_at = ? WHERE prefix = ?')
      .bind(new Date().toISOString(), revoked.slice(0, 12))
      .run();
    const bodies = new Set<string>();
    for (const header of [
      undefined,
      'Bearer junk',
      `Bearer ${generateKey().key}`,
      `Bearer ${real.slice(0, 13)}${generateKey().key.slice(13)}`,
      `Bearer ${revoked}`,
    ]) {
      const res = await call({ method: 'GET', path: '/api/me' }, header);
      bodies.add(JSON.stringify((await expectError(res, 'UNAUTHENTICATED')).error));
    }
    expect(bodies.size).toBe(1);
  });

  it('the scheme is case-insensitive and surrounding spaces are tolerated', async () => {
    const key = await issueKey('P-TP');
    for (const header of [`bearer ${key}`, `BEARER  ${key}`, `Bearer ${key}  `]) {
      const res = await call({ method: 'GET', path: '/api/me' }, header);
      expect(res.status, header).toBe(200);
    }
  });

  it('D1 stores only the hash of a key', async () => {
    const key = await issueKey('P-TP');
    const row = await env.DB.prepare('SELECT * FROM access_keys WHERE prefix = ?')
      .bind(key.slice(0, 12))
      .first<Record<string, unknown>>();
    expect(row?.hash).toBe(await hashKey(key));
    expect(Object.values(row ?? {})).not.toContain(key);
  });
});

describe('FORBIDDEN: agency keys on coordinator routes', () => {
  const COORDINATOR_ONLY = PROTECTED.filter(
    (r) =>
      !['/api/plan', '/api/me', '/api/agencies'].includes(r.path) &&
      !(r.method === 'GET' && r.path === '/api/periods') &&
      !(r.method === 'POST' && r.path.endsWith('/submissions')) &&
      !(r.method === 'GET' && r.path.endsWith('/submissions/P-TP')),
  );

  it('lists the coordinator-only routes', () => {
    expect(COORDINATOR_ONLY.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PATCH /api/agencies/THON-02',
      'PATCH /api/periods/2027-Q1',
      'POST /api/periods/2027-Q1/reopenings',
      'DELETE /api/periods/2027-Q1/reopenings/P-TP',
      'GET /api/periods/2027-Q1/submissions',
      'POST /api/periods/2027-Q1/submissions/P-TP/review',
      'GET /api/keys',
      'POST /api/keys',
      'DELETE /api/keys/lsk_abcdefgh',
      'GET /api/settings/document',
      'PUT /api/settings/document',
    ]);
  });

  it('agency keys (including the coordinating office’s own agency key) get 403', async () => {
    // The reviewed submission exists, so only the role stands in the way.
    const tp = await issueKey('P-TP');
    const sub = await api('/api/periods/2027-Q1/submissions', {
      method: 'POST',
      key: tp,
      json: validSubmission('P-TP', '2027-Q1'),
    });
    expect(sub.status).toBe(201);
    for (const agency of ['P-TP', 'THON-02', 'MTTQ', COORDINATOR]) {
      const key = await issueKey(agency, 'agency');
      await expectNoChange(async () => {
        for (const route of COORDINATOR_ONLY) {
          const res = await call(route, undefined, { key });
          await expectError(res, 'FORBIDDEN');
        }
      });
    }
  });

  it('the same requests succeed with the coordinator key', async () => {
    const key = await coordinatorKey();
    const reopened = await api('/api/periods/2027-Q2/reopenings', {
      method: 'POST',
      key,
      json: { agency: 'P-TP', reason: 'Nộp bổ sung' },
    });
    expect(reopened.status).toBe(201);
    const byPath: Record<string, number> = {};
    for (const route of COORDINATOR_ONLY) {
      const path = route.path.replace('2027-Q1', '2027-Q2');
      const res = await api(path, { method: route.method, json: route.json, key });
      byPath[`${route.method} ${path}`] = res.status;
    }
    expect(byPath).toEqual({
      'PATCH /api/agencies/THON-02': 200,
      'PATCH /api/periods/2027-Q2': 200,
      'POST /api/periods/2027-Q2/reopenings': 201,
      'DELETE /api/periods/2027-Q2/reopenings/P-TP': 200,
      'GET /api/periods/2027-Q2/submissions': 200,
      // Nothing submitted for 2027-Q2: the coordinator passes the role check and gets 404.
      'POST /api/periods/2027-Q2/submissions/P-TP/review': 404,
      'GET /api/keys': 200,
      'POST /api/keys': 201,
      'DELETE /api/keys/lsk_abcdefgh': 404,
      'GET /api/settings/document': 200,
      'PUT /api/settings/document': 200,
    });
  });
});

describe('GET /api/me', () => {
  it('describes an agency key', async () => {
    const key = await issueKey('THON-03', 'agency', 'Cán bộ thôn 3');
    const res = await api('/api/me', { key });
    expect(res.status).toBe(200);
    const me = await res.json<Record<string, unknown>>();
    expect(me).toMatchObject({
      role: 'agency',
      keyPrefix: key.slice(0, 12),
      label: 'Cán bộ thôn 3',
      agency: { code: 'THON-03', kind: 'village', coordinator: false },
    });
    expect((me.tasks as unknown[]).length).toBe(18);
  });

  it('describes the coordinator key', async () => {
    const key = await coordinatorKey('Ban Tổ chức');
    const me = await (await api('/api/me', { key })).json<Record<string, unknown>>();
    expect(me).toMatchObject({
      role: 'coordinator',
      keyPrefix: key.slice(0, 12),
      label: 'Ban Tổ chức',
      agency: { code: COORDINATOR, coordinator: true },
    });
  });
});
