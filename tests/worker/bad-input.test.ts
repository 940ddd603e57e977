// Bad input is refused with the API's error shape and changes nothing:
// MALFORMED_JSON, UNSUPPORTED_CONTENT_TYPE, INVALID_REQUEST, VALIDATION_FAILED,
// PAYLOAD_TOO_LARGE and NOT_FOUND (unknown period, unknown route).
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { EMPTY_DOCUMENT_SETTINGS } from '../../shared/documents/index.ts';
import type { Submission } from '../../shared/submission/schema.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../../worker/src/middleware/json.ts';
import {
  api,
  COORDINATOR,
  coordinatorKey,
  type ErrorJson,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  snapshot,
  submit,
  validSubmission,
} from './helpers.ts';

/** Every route that takes a JSON body, with a body it would accept. */
function bodyRoutes(): { method: string; path: string; json: unknown; agencyKey?: boolean }[] {
  return [
    { method: 'PATCH', path: '/api/agencies/THON-01', json: { name: 'Thôn A' } },
    { method: 'PATCH', path: '/api/periods/2026-Q1', json: { graceDays: 4 } },
    {
      method: 'POST',
      path: '/api/periods/2026-Q1/reopenings',
      json: { agency: 'P-TP', reason: 'Bổ sung' },
    },
    {
      method: 'POST',
      path: '/api/periods/2026-Q1/submissions',
      json: validSubmission(COORDINATOR, '2026-Q1'),
    },
    {
      method: 'POST',
      path: '/api/periods/2026-Q1/submissions/P-TP/review',
      json: { action: 'accept' },
    },
    { method: 'POST', path: '/api/keys', json: { agency: 'P-TP' } },
    { method: 'PUT', path: '/api/settings/document', json: EMPTY_DOCUMENT_SETTINGS },
  ];
}

function raw(path: string, method: string, key: string, body: BodyInit, type?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (type !== undefined) headers['content-type'] = type;
  return SELF.fetch(`https://example.com${path}`, { method, headers, body });
}

/** Test snapshot() itself once: it must see a write. */
it('snapshot() notices a write', async () => {
  const before = await snapshot();
  await submit(await issueKey('THON-06'), validSubmission('THON-06', '2030-Y'));
  expect(await snapshot()).not.toEqual(before);
});

describe('MALFORMED_JSON', () => {
  const broken = ['{', '{"name": "Thôn A"', 'not json', "{'name': 'x'}", '{"a":1,}', '', '[1,2'];

  it('every JSON route refuses a broken body with 400, and nothing changes', async () => {
    const key = await coordinatorKey();
    await expectNoChange(async () => {
      for (const route of bodyRoutes()) {
        for (const body of broken) {
          const res = await raw(route.path, route.method, key, body, 'application/json');
          const err = await expectError(res, 'MALFORMED_JSON');
          expect(err.error.details, `${route.path} ${body}`).toBeUndefined();
        }
      }
    });
  });
});

describe('UNSUPPORTED_CONTENT_TYPE', () => {
  const types: (string | undefined)[] = [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/jsonx',
    undefined, // no Content-Type at all
  ];

  it('every JSON route refuses a non-JSON content type, even with a valid JSON body', async () => {
    const key = await coordinatorKey();
    await expectNoChange(async () => {
      for (const route of bodyRoutes()) {
        for (const type of types) {
          // A Uint8Array body gets no default Content-Type from fetch.
          const body = new TextEncoder().encode(JSON.stringify(route.json));
          const res = await raw(route.path, route.method, key, body, type);
          await expectError(res, 'UNSUPPORTED_CONTENT_TYPE');
        }
      }
    });
  });

  it('JSON media types with parameters, other case or a +json suffix are accepted', async () => {
    const key = await issueKey('P-VHTT');
    const types = [
      'application/json; charset=utf-8',
      'Application/JSON',
      'application/vnd.api+json',
    ];
    for (const [i, type] of types.entries()) {
      const body = JSON.stringify(validSubmission('P-VHTT', '2030-Q4', ` ${i}`));
      const res = await raw('/api/periods/2030-Q4/submissions', 'POST', key, body, type);
      expect(res.status, `${type}: ${await res.clone().text()}`).toBe(201);
    }
  });
});

describe('INVALID_REQUEST on a submission', () => {
  type Mutate = (s: Record<string, unknown> & Submission) => unknown;
  const cases: [string, Mutate, string[]][] = [
    [
      'percent as a string',
      (s) => {
        (s.rows[0] as unknown as Record<string, unknown>).percent = '50';
        return s;
      },
      ['rows.0.percent'],
    ],
    [
      'percent over 100',
      (s) => {
        (s.rows[4] as Submission['rows'][number]).percent = 101;
        return s;
      },
      ['rows.4.percent'],
    ],
    [
      'status not in the list',
      (s) => {
        (s.rows[3] as unknown as Record<string, unknown>).status = 'finished';
        return s;
      },
      ['rows.3.status'],
    ],
    [
      'result over 4000 characters',
      (s) => {
        (s.rows[1] as Submission['rows'][number]).result = 'x'.repeat(4001);
        return s;
      },
      ['rows.1.result'],
    ],
    [
      'a row without taskId',
      (s) => {
        delete (s.rows[2] as Partial<Submission['rows'][number]>).taskId;
        return s;
      },
      ['rows.2.taskId'],
    ],
    ['rows missing', ({ rows: _rows, ...rest }) => rest, ['rows']],
    ['rows not an array', (s) => ({ ...s, rows: {} }), ['rows']],
    ['layoutVersion 0', (s) => ({ ...s, layoutVersion: 0 }), ['layoutVersion']],
    ['malformed periodCode', (s) => ({ ...s, periodCode: 'Q1/2026' }), ['periodCode']],
    ['periodCode not matching the URL', (s) => ({ ...s, periodCode: '2026-Q2' }), ['periodCode']],
    ['malformed agencyCode', (s) => ({ ...s, agencyCode: 'p-tp' }), ['agencyCode']],
    ['empty submittedBy', (s) => ({ ...s, submittedBy: ' ' }), ['submittedBy']],
    ['a JSON array', () => [], ['(body)']],
    ['JSON null', () => null, ['(body)']],
    ['a JSON string', () => 'report', ['(body)']],
  ];

  for (const [name, mutate, fields] of cases) {
    it(`${name} → 400 naming ${fields.join(', ')}; nothing changes`, async () => {
      const key = await issueKey('P-TP');
      const json = mutate(structuredClone(validSubmission('P-TP', '2026-Q1')) as never);
      const body = await expectNoChange(async () =>
        expectError(
          await api('/api/periods/2026-Q1/submissions', { method: 'POST', key, json }),
          'INVALID_REQUEST',
        ),
      );
      expect(issueFields(body)).toEqual(expect.arrayContaining(fields));
      for (const f of fields) {
        expect(body.error.message.en).toContain(f);
        expect(body.error.message.vi).toContain(f);
      }
    });
  }

  it('every issue is named when there are several', async () => {
    const key = await issueKey('P-TP');
    const s = structuredClone(validSubmission('P-TP', '2026-Q1')) as unknown as {
      rows: Record<string, unknown>[];
      layoutVersion: unknown;
    };
    (s.rows[0] as Record<string, unknown>).percent = 'năm mươi';
    (s.rows[5] as Record<string, unknown>).role = 'owner';
    s.layoutVersion = '1';
    const body = await expectNoChange(async () =>
      expectError(
        await api('/api/periods/2026-Q1/submissions', { method: 'POST', key, json: s }),
        'INVALID_REQUEST',
      ),
    );
    expect(issueFields(body).sort()).toEqual(['layoutVersion', 'rows.0.percent', 'rows.5.role']);
  });
});

describe('VALIDATION_FAILED names the cell', () => {
  type Row = Submission['rows'][number];
  const cases: [string, (s: Submission) => void, { code: string; cell: string }[]][] = [
    [
      "status 'done' with percent 50",
      (s) => {
        Object.assign(s.rows[0] as Row, { status: 'done', percent: 50 });
      },
      [{ code: 'PERCENT_STATUS_MISMATCH', cell: 'G7' }],
    ],
    [
      "status 'done' with percent 50 on the third task",
      (s) => {
        Object.assign(s.rows[2] as Row, { status: 'done', percent: 50 });
      },
      [{ code: 'PERCENT_STATUS_MISMATCH', cell: 'G9' }],
    ],
    [
      "'not-started' with percent 30",
      (s) => {
        Object.assign(s.rows[4] as Row, { status: 'not-started', percent: 30 });
      },
      [{ code: 'PERCENT_STATUS_MISMATCH', cell: 'G11' }],
    ],
    [
      'an in-progress task without results',
      (s) => {
        (s.rows[1] as Row).result = '';
      },
      [{ code: 'RESULT_REQUIRED', cell: 'H8' }],
    ],
    [
      'a missing task row',
      (s) => {
        s.rows.splice(1, 1);
      },
      [{ code: 'TASK_MISSING', cell: 'A8' }],
    ],
    [
      'another plan',
      (s) => {
        s.planId = 'KH-KHAC';
      },
      [{ code: 'META_PLAN_MISMATCH', cell: 'A5' }],
    ],
    [
      'an old layout version',
      (s) => {
        s.layoutVersion = 7;
      },
      [{ code: 'LAYOUT_VERSION_UNSUPPORTED', cell: 'A5' }],
    ],
    [
      'two errors at once',
      (s) => {
        Object.assign(s.rows[0] as Row, { status: 'done', percent: 50 });
        (s.rows[3] as Row).result = '   ';
      },
      [
        { code: 'PERCENT_STATUS_MISMATCH', cell: 'G7' },
        { code: 'RESULT_REQUIRED', cell: 'H10' },
      ],
    ],
  ];

  for (const [name, mutate, expected] of cases) {
    it(`${name} → 422 at ${expected.map((e) => e.cell).join(', ')}; nothing changes`, async () => {
      const key = await issueKey('P-TP');
      const sub = structuredClone(validSubmission('P-TP', '2026-Q2'));
      mutate(sub);
      const body: ErrorJson = await expectNoChange(async () =>
        expectError(
          await api('/api/periods/2026-Q2/submissions', { method: 'POST', key, json: sub }),
          'VALIDATION_FAILED',
        ),
      );
      const findings = (body.error.details as { findings: Record<string, unknown>[] }).findings;
      expect(Object.keys(body.error.details as object)).toEqual(['findings']);
      const errors = findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => ({ code: f.code, cell: f.cell }))).toEqual(expected);
      for (const f of findings) {
        expect(f.message).toEqual({ vi: expect.any(String), en: expect.any(String) });
      }
    });
  }

  it('a valid report after a refused one is version 1', async () => {
    const key = await issueKey('P-KTHT');
    const bad = structuredClone(validSubmission('P-KTHT', '2026-Q2'));
    Object.assign(bad.rows[0] as Row, { status: 'done', percent: 50 });
    expect((await submit(key, bad)).status).toBe(422);
    const good = await submit(key, validSubmission('P-KTHT', '2026-Q2'));
    expect(good.status).toBe(201);
    expect(good.body.version).toBe(1);
  });
});

describe('PAYLOAD_TOO_LARGE', () => {
  const LIMIT = DEFAULT_MAX_BODY_BYTES;

  /** A valid submission's JSON padded with spaces to exactly `bytes` bytes of UTF-8. */
  function paddedBody(sub: Submission, bytes: number): Uint8Array<ArrayBuffer> {
    const json = new TextEncoder().encode(JSON.stringify(sub));
    expect(json.length).toBeLessThan(bytes);
    const out = new Uint8Array(bytes).fill(0x20);
    out.set(json);
    return out;
  }

  function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
    let offset = 0;
    return new ReadableStream({
      pull(ctl) {
        if (offset >= bytes.length) return ctl.close();
        ctl.enqueue(bytes.slice(offset, offset + 16_384));
        offset += 16_384;
      },
    });
  }

  function post(key: string, period: string, body: BodyInit, headers: Record<string, string> = {}) {
    return SELF.fetch(`https://example.com/api/periods/${period}/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit);
  }

  it('the limit is 256 KiB', () => {
    expect(LIMIT).toBe(256 * 1024);
  });

  it('a body over 256 KiB with Content-Length is 413; nothing changes', async () => {
    const key = await issueKey('THON-03');
    const body = paddedBody(validSubmission('THON-03', '2026-Q3'), LIMIT + 1);
    await expectNoChange(async () =>
      expectError(
        await post(key, '2026-Q3', body, { 'content-length': String(body.length) }),
        'PAYLOAD_TOO_LARGE',
      ),
    );
  });

  it('a body over 256 KiB streamed without Content-Length is 413; nothing changes', async () => {
    const key = await issueKey('THON-03');
    const bytes = paddedBody(validSubmission('THON-03', '2026-Q3'), LIMIT + 1);
    await expectNoChange(async () =>
      expectError(await post(key, '2026-Q3', streamOf(bytes)), 'PAYLOAD_TOO_LARGE'),
    );
  });

  it('a body of exactly 256 KiB is accepted, with or without Content-Length', async () => {
    const key = await issueKey('THON-04');
    const exact = paddedBody(validSubmission('THON-04', '2026-Q3'), LIMIT);
    const withLength = await post(key, '2026-Q3', exact, {
      'content-length': String(exact.length),
    });
    expect(withLength.status, await withLength.clone().text()).toBe(201);
    const streamed = await post(
      key,
      '2026-Q3',
      streamOf(paddedBody(validSubmission('THON-04', '2026-Q3', ' v2'), LIMIT)),
    );
    expect(streamed.status, await streamed.clone().text()).toBe(201);
    expect((await streamed.json<{ version: number }>()).version).toBe(2);
  });

  it('every JSON route refuses a body over the limit', async () => {
    const key = await coordinatorKey();
    const big = JSON.stringify({ pad: 'x'.repeat(LIMIT) });
    await expectNoChange(async () => {
      for (const route of bodyRoutes()) {
        const res = await raw(route.path, route.method, key, big, 'application/json');
        await expectError(res, 'PAYLOAD_TOO_LARGE');
      }
    });
  });
});

describe('NOT_FOUND', () => {
  it('a submission to an unknown or malformed period is 404 naming it; nothing changes', async () => {
    const key = await issueKey('P-TP');
    for (const period of ['2031-Q1', '2021-Q4', '2026-Q5', '2026-M6', 'abc', '2026-01']) {
      const body = await expectNoChange(async () =>
        expectError(
          await api(`/api/periods/${period}/submissions`, {
            method: 'POST',
            key,
            json: validSubmission('P-TP', '2026-Q1'),
          }),
          'NOT_FOUND',
        ),
      );
      expect(body.error.message.en).toContain(period);
      expect(body.error.message.vi).toContain(period);
    }
  });

  it('an unknown route is 404 naming the method and path', async () => {
    const key = await coordinatorKey();
    const cases: [string, string][] = [
      ['GET', '/api/nope'],
      ['GET', '/api/plans'],
      ['POST', '/api/plan'],
      ['PUT', '/api/keys'],
      ['DELETE', '/api/periods'],
      ['GET', '/api/periods/2026-Q1/submissions/P-TP/review'],
      ['GET', '/api/periods/2026-Q1/submissions/P-TP/extra'],
      ['POST', '/api/health'],
    ];
    await expectNoChange(async () => {
      for (const [method, path] of cases) {
        const body = await expectError(await api(path, { method, key }), 'NOT_FOUND');
        expect(body.error.message.en).toBe(`No route ${method} ${path}.`);
        expect(body.error.message.vi).toBe(`Không có địa chỉ ${method} ${path}.`);
      }
    });
  });

  it('without a key an unknown /api route is 401 (nothing about the API is revealed)', async () => {
    await expectError(await api('/api/nope'), 'UNAUTHENTICATED');
  });

  it('an unknown path outside /api is 404 in the same shape', async () => {
    const body = await expectError(await api('/no-such-page.json'), 'NOT_FOUND');
    expect(body.error.message.en).toContain('/no-such-page.json');
  });
});
