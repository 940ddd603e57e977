// The add-in talks to the Worker through Hono's typed client (hono/client)
// over the exported AppType: request and response types come from the routes.
import { SELF } from 'cloudflare:test';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../worker/src/index.ts';
import { issueKey, validSubmission } from './helpers.ts';

describe('typed client', () => {
  it('submits and reads back with inferred types', async () => {
    const key = await issueKey('P-GDDT');
    const client = hc<AppType>('https://example.com', {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => SELF.fetch(input, init),
      headers: { authorization: `Bearer ${key}` },
    });
    const me = await client.api.me.$get();
    expect(me.status).toBe(200);
    const who = await me.json();
    expect(who.agency.code).toBe('P-GDDT');

    const res = await client.api.periods[':period'].submissions.$post({
      param: { period: '2026-Q3' },
      json: validSubmission('P-GDDT', '2026-Q3'),
    });
    expect(res.status).toBe(201);
    if (res.status === 201) {
      const receipt = await res.json();
      expect(receipt.version).toBe(1);
      expect(receipt.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
