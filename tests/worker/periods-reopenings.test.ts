// The coordinator's period list names the agencies each period is reopened
// for (the web page shows and closes them); an agency never sees that list.
import { describe, expect, it } from 'vitest';
import { api, coordinatorKey, expectError, issueKey } from './helpers.ts';

interface Listed {
  code: string;
  own: unknown;
  reopenings?: { agency: string; reason: string; reopenedAt: string }[];
}

async function list(key: string, year: string) {
  const res = await api(`/api/periods?year=${year}`, { key });
  expect(res.status).toBe(200);
  return (await res.json<{ periods: Listed[] }>()).periods;
}

describe('GET /api/periods: reopenings for the coordinator', () => {
  it('lists each period’s reopenings, and drops a closed one', async () => {
    const key = await coordinatorKey();
    const before = await list(key, '2030');
    for (const p of before) expect(p.reopenings).toEqual([]);

    for (const agency of ['P-TP', 'THON-02']) {
      const res = await api('/api/periods/2030-H1/reopenings', {
        method: 'POST',
        key,
        json: { agency, reason: `Nộp bổ sung ${agency}` },
      });
      expect(res.status).toBe(201);
    }
    const after = await list(key, '2030');
    const h1 = after.find((p) => p.code === '2030-H1');
    expect(h1?.reopenings).toEqual([
      { agency: 'P-TP', reason: 'Nộp bổ sung P-TP', reopenedAt: expect.any(String) },
      { agency: 'THON-02', reason: 'Nộp bổ sung THON-02', reopenedAt: expect.any(String) },
    ]);
    // Only that period carries them.
    for (const p of after.filter((x) => x.code !== '2030-H1')) expect(p.reopenings).toEqual([]);

    const del = await api('/api/periods/2030-H1/reopenings/P-TP', { method: 'DELETE', key });
    expect(del.status).toBe(200);
    const closed = (await list(key, '2030')).find((p) => p.code === '2030-H1');
    expect(closed?.reopenings?.map((r) => r.agency)).toEqual(['THON-02']);
  });

  it('an agency key sees only its own reopening, never the list of others', async () => {
    const coordinator = await coordinatorKey();
    const res = await api('/api/periods/2030-Q3/reopenings', {
      method: 'POST',
      key: coordinator,
      json: { agency: 'P-VHTT', reason: 'Lý do riêng của P-VHTT' },
    });
    expect(res.status).toBe(201);
    const other = (await list(await issueKey('P-TP'), '2030')).find((p) => p.code === '2030-Q3');
    expect(other).toBeDefined();
    // The field is there for one shape of answer, and always empty for an agency.
    expect((other as { reopenings?: unknown[] } | undefined)?.reopenings).toEqual([]);
    expect(JSON.stringify(other)).not.toContain('Lý do riêng');
    const own = (await list(await issueKey('P-VHTT'), '2030')).find((p) => p.code === '2030-Q3');
    expect((own as { reopenings?: unknown[] } | undefined)?.reopenings).toEqual([]);
    expect((own?.own as { reopened: boolean } | undefined)?.reopened).toBe(true);
  });

  it('without a key the list is refused', async () => {
    await expectError(await api('/api/periods?year=2030'), 'UNAUTHENTICATED');
  });
});
