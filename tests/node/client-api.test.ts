// The one API client (client/api.ts) of the task pane and the web page, over
// a stand-in fetch: the bearer key on every call, the error envelope turned
// into a bilingual ApiFailure (with findings and sheet), network failures and
// timeouts, the pane's JSON submission, downloads and the multipart upload.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiClient, startFromHeader } from '../../client/api.ts';
import { ApiFailure, failureFrom } from '../../client/request.ts';

const KEY = 'lsk_abcdefgh_abcdefghijkmnpqrstuvwxyz234567';

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: RequestInit['body'];
}

function fakeFetch(answer: (req: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const impl = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const req = {
      url: String(input instanceof Request ? input.url : input),
      method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
      headers: new Headers(init?.headers ?? (input instanceof Request ? input.headers : {})),
      body: init?.body,
    };
    seen.push(req);
    return answer(req);
  }) as typeof fetch;
  return { impl, seen };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('JSON calls through the typed client', () => {
  it('send the bearer key to the right path and return the body', async () => {
    const { impl, seen } = fakeFetch(() => json({ role: 'agency', agency: { code: 'P-TP' } }));
    const me = await apiClient('https://x.test', KEY, impl).me();
    expect(me.agency.code).toBe('P-TP');
    expect(seen[0]?.url).toBe('https://x.test/api/me');
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
  });

  it('send a review as JSON to the agency’s review path', async () => {
    const { impl, seen } = fakeFetch(() => json({ version: 2, state: 'returned' }, 201));
    await apiClient('https://x.test', KEY, impl).review('2026-Q1', 'P-TP', {
      action: 'return',
      comment: 'Bổ sung',
    });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('https://x.test/api/periods/2026-Q1/submissions/P-TP/review');
    expect(JSON.parse(String(seen[0]?.body))).toEqual({ action: 'return', comment: 'Bổ sung' });
  });

  it('send a report as JSON with its Idempotency-Key (the task pane’s submit)', async () => {
    const { impl, seen } = fakeFetch(() => json({ version: 1, replayed: false }, 201));
    const body = { periodCode: '2026-Q1', agencyCode: 'P-TP', rows: [] };
    const receipt = await apiClient('https://x.test', KEY, impl).submit(
      '2026-Q1',
      body as never,
      'addin-abc',
    );
    expect(receipt.version).toBe(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('https://x.test/api/periods/2026-Q1/submissions');
    expect(seen[0]?.headers.get('idempotency-key')).toBe('addin-abc');
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(String(seen[0]?.body))).toEqual(body);
  });

  it('turn the error envelope into an ApiFailure with both languages', async () => {
    const { impl } = fakeFetch(() =>
      json(
        {
          error: {
            code: 'FORBIDDEN',
            message: {
              vi: 'Chỉ cơ quan điều phối được làm việc này.',
              en: 'Only the coordinating office may do this.',
            },
          },
        },
        403,
      ),
    );
    const err = await apiClient('https://x.test', KEY, impl)
      .keys()
      .catch((e) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect(err).toMatchObject({
      kind: 'http',
      status: 403,
      code: 'FORBIDDEN',
      text: {
        vi: 'Chỉ cơ quan điều phối được làm việc này.',
        en: 'Only the coordinating office may do this.',
      },
      retryable: false,
    });
  });

  it('explain a network failure, which is worth retrying', async () => {
    const { impl } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const err = (await apiClient('https://x.test', KEY, impl)
      .periods()
      .catch((e) => e)) as ApiFailure;
    expect(err.code).toBe('NETWORK');
    expect(err.text.vi).toContain('Không kết nối được máy chủ');
    expect(err.text.en).toContain('Could not reach the server');
    expect(err.retryable).toBe(true);
  });

  it('give up after 30 seconds without an answer', async () => {
    vi.useFakeTimers();
    // A server that never answers; the request ends only when the page aborts it.
    const silent = ((_: Parameters<typeof fetch>[0], init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      })) as typeof fetch;
    const pending = apiClient('https://x.test', KEY, silent)
      .me()
      .catch((e) => e);
    await vi.advanceTimersByTimeAsync(29_000);
    await vi.advanceTimersByTimeAsync(1_001);
    const err = (await pending) as ApiFailure;
    expect(err.code).toBe('TIMEOUT');
    expect(err.text.vi).toContain('30 giây');
    expect(err.retryable).toBe(true);
  });
});

describe('failureFrom', () => {
  it('keeps findings and the sheet of a refused upload', async () => {
    const finding = {
      code: 'STATUS_REQUIRED',
      severity: 'error',
      cell: 'F7',
      message: {
        vi: 'Chưa chọn tình trạng cho nhiệm vụ I.1.',
        en: 'No status chosen for task I.1.',
      },
    };
    const f = await failureFrom(
      json(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: { vi: 'Báo cáo còn lỗi', en: 'The report has errors' },
            details: { sheet: 'P-TP 2026-Q1', findings: [finding] },
          },
        },
        422,
      ),
    );
    expect(f.code).toBe('VALIDATION_FAILED');
    expect(f.findings).toEqual([finding]);
    expect(f.sheet).toBe('P-TP 2026-Q1');
  });

  it('keeps the fields a refused request names (details.issues), in order', async () => {
    const f = await failureFrom(
      json(
        {
          error: {
            code: 'INVALID_REQUEST',
            message: { vi: 'Sai ở: recipients.1, place', en: 'Wrong at: recipients.1, place' },
            details: {
              issues: [
                { field: 'recipients.1', message: 'x' },
                { field: 'place', message: 'y' },
                { message: 'no field' },
              ],
            },
          },
        },
        400,
      ),
    );
    expect(f.fields).toEqual(['recipients.1', 'place']);
    expect(f.findings).toEqual([]);
  });

  it('explains an answer that is not the envelope (a proxy’s HTML page)', async () => {
    const f = await failureFrom(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(f).toMatchObject({ code: 'HTTP_502', status: 502, findings: [], sheet: null });
    expect(f.text.vi).toBe('Máy chủ trả lời lỗi 502.');
    expect(f.text.en).toBe('The server answered with error 502.');
    expect(f.retryable).toBe(true);
  });
});

describe('files', () => {
  it('download a template with the key, named as the Worker names it', async () => {
    const { impl, seen } = fakeFetch(
      () =>
        new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
          headers: {
            'content-disposition': `attachment; filename="Bieu-mau.xlsx"; filename*=UTF-8''Bi%E1%BB%83u%20m%E1%BA%ABu.xlsx`,
          },
        }),
    );
    const file = await apiClient('https://x.test', KEY, impl).template('2026-Q1', 'THON-01');
    expect(seen[0]?.url).toBe('https://x.test/api/periods/2026-Q1/template.xlsx?agency=THON-01');
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(file.name).toBe('Biểu mẫu.xlsx');
    expect(new Uint8Array(await file.blob.arrayBuffer()).slice(0, 2)).toEqual(
      new Uint8Array([0x50, 0x4b]),
    );
  });

  it('download the merged workbook, with the ASCII fallback name when none is given', async () => {
    const { impl, seen } = fakeFetch(() => new Response(new Uint8Array([0x50, 0x4b, 3, 4])));
    const file = await apiClient('https://x.test', KEY, impl).mergedWorkbook('2026-Q1');
    expect(seen[0]?.url).toBe('https://x.test/api/periods/2026-Q1/workbook.xlsx');
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(file.name).toBe('Tong-hop-2026-Q1.xlsx');
    expect(file.blob.size).toBe(4);
  });

  it('upload as multipart/form-data, the file in field `file`, with the Idempotency-Key', async () => {
    const { impl, seen } = fakeFetch(() =>
      json({ version: 3, unchanged: false, replayed: false }, 201),
    );
    const blob = new Blob([new Uint8Array([0x50, 0x4b])]);
    const out = await apiClient('https://x.test', KEY, impl).upload(
      '2026-Q1',
      blob,
      'báo cáo.xlsx',
      'web-123',
    );
    expect(out.status).toBe(201);
    expect(out.receipt.version).toBe(3);
    const req = seen[0]!;
    expect(req.url).toBe('https://x.test/api/periods/2026-Q1/uploads');
    expect(req.method).toBe('POST');
    expect(req.headers.get('idempotency-key')).toBe('web-123');
    expect(req.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    // No content-type set by hand: the browser adds the multipart boundary.
    expect(req.headers.get('content-type')).toBeNull();
    const form = req.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    const file = form.get('file') as File;
    expect(file.name).toBe('báo cáo.xlsx');
    expect(file.size).toBe(2);
  });

  it('a template started from the last accepted report names where it started (X-Start-From)', async () => {
    const { impl, seen } = fakeFetch(
      () =>
        new Response(new Uint8Array([0x50, 0x4b]), {
          headers: { 'x-start-from': 'period=2026-Q1; version=2' },
        }),
    );
    const file = await apiClient('https://x.test', KEY, impl).templateFromLastAccepted(
      '2026-H1',
      'P-TP',
    );
    expect(seen[0]?.url).toBe(
      'https://x.test/api/periods/2026-H1/template.xlsx?agency=P-TP&start=last-accepted',
    );
    expect(file.startFrom).toEqual({ period: '2026-Q1', version: 2 });
    expect(file.name).toBe('Bieu-mau-P-TP-2026-H1.xlsx');
    expect(startFromHeader('none')).toBeNull();
    expect(startFromHeader(null)).toBeNull();
  });

  it('a stored version, the diff and a refused file marked, on their routes', async () => {
    const { impl, seen } = fakeFetch((req) =>
      req.url.includes('/diff') ? json({ changes: [] }) : new Response(new Uint8Array([0x50])),
    );
    const client = apiClient('https://x.test', KEY, impl);
    await client.versionWorkbook('2026-H1', 'P-TP', 3);
    await client.diff('2026-H1', 'P-TP', { from: 'previous-period' });
    await client.diff('2026-H1', 'P-TP');
    const marked = await client.annotatedUpload('2026-H1', new Blob(['x']), 'a.xlsx');
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://x.test/api/periods/2026-H1/submissions/P-TP/versions/3.xlsx',
      'GET https://x.test/api/periods/2026-H1/submissions/P-TP/diff?from=previous-period',
      'GET https://x.test/api/periods/2026-H1/submissions/P-TP/diff',
      'POST https://x.test/api/periods/2026-H1/uploads/annotated',
    ]);
    expect((seen[3]?.body as FormData | undefined)?.get('file')).toBeInstanceOf(File);
    expect(marked.name).toBe('a.xlsx');
  });
});
