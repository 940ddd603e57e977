// Built once per change (worker/src/lib/built-once.ts): GET …/workbook.xlsx
// and GET …/report.docx answer from D1 (`X-Cache: hit`) until something they
// are made from changes, and the next download after each change is built
// again and shows it (`X-Cache: miss`, the new text in the file's XML).
import { env } from 'cloudflare:test';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REVIEW_STATE_LABELS } from '../../shared/vocabulary/index.ts';
import { builtOnce, wantsFresh } from '../../worker/src/lib/built-once.ts';
import { dueLine } from '../../worker/src/reports/merged/words.ts';
import { TEST_DOCUMENT } from '../support/document-settings.ts';
import {
  api,
  coordinatorKey,
  issueKey,
  LONG_TEST_TIMEOUT,
  submit,
  validSubmission,
} from './helpers.ts';

/** One download: its X-Cache, its bytes, and the text of its parts but the timestamped docProps. */
async function download(path: string, key: string) {
  const res = await api(path, { key });
  expect(res.status, path).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const parts = Object.entries(unzipSync(bytes))
    .filter(([name]) => !name.startsWith('docProps/'))
    .map(([, v]) => strFromU8(v));
  return {
    cache: res.headers.get('x-cache'),
    bytes,
    text: parts.join('\n'),
  };
}

const FILES = [
  { file: 'workbook.xlsx', period: '2026-Q1', kind: 'workbook' },
  { file: 'report.docx', period: '2026-Q2', kind: 'report' },
] as const;

describe.each(FILES)('GET /api/periods/:period/$file', ({ file, period }) => {
  it(
    'is served from D1 until an input changes, and the next download shows each change',
    async () => {
      const coord = await coordinatorKey();
      const agency = await issueKey('P-TP');
      const path = `/api/periods/${period}/${file}`;
      const get = () => download(path, coord);
      /** The download after a change: built again, then served from D1 unchanged. */
      const afterChange = async () => {
        const built = await get();
        expect(built.cache).toBe('miss');
        const again = await get();
        expect(again.cache).toBe('hit');
        expect(again.bytes).toEqual(built.bytes);
        return built;
      };
      const post = (url: string, method: string, json: unknown) =>
        api(url, { method, key: coord, json }).then(async (r) =>
          expect(r.status, `${url}: ${await r.text()}`).toBeLessThan(300),
        );

      const first = await afterChange();

      // Nothing it is made from: another period's report, a key, a lock exception.
      expect((await submit(agency, validSubmission('P-TP', '2026-Q3', ` ${file}`))).status).toBe(
        201,
      );
      await issueKey('P-KTHT');
      await post('/api/periods/2026-Q3/reopenings', 'POST', { agency: 'P-TP', reason: 'Thử' });
      expect((await get()).cache).toBe('hit');

      // A submission, then each review: the workbook lists the review state.
      const label = (state: 'accepted' | 'returned') => REVIEW_STATE_LABELS[state].vi;
      const inWorkbook = (text: string, state: 'accepted' | 'returned') =>
        file === 'workbook.xlsx' ? expect(text).toContain(label(state)) : undefined;
      expect((await submit(agency, validSubmission('P-TP', period, ' MỐC-1'))).status).toBe(201);
      const v1 = await afterChange();
      expect(v1.text).toContain('MỐC-1');
      expect(v1.text).not.toBe(first.text);
      expect(v1.text).not.toContain(label('accepted'));
      const review = `/api/periods/${period}/submissions/P-TP/review`;
      await post(review, 'POST', { action: 'accept' });
      inWorkbook((await afterChange()).text, 'accepted');
      await post(review, 'POST', { action: 'reopen', comment: 'Xem lại' });
      const reopened = await afterChange();
      expect(reopened.text).not.toContain(label('accepted'));
      const taskId = validSubmission('P-TP', period).rows[0]?.taskId;
      await post(review, 'POST', {
        action: 'return',
        comment: 'Sửa',
        notes: [{ taskId, text: 'Bổ sung' }],
      });
      expect(reopened.text).not.toContain(label('returned'));
      inWorkbook((await afterChange()).text, 'returned');

      // A corrected version (v2), accepted; then a newer v3 is received but v2 stays merged.
      expect((await submit(agency, validSubmission('P-TP', period, ' MỐC-2'))).status).toBe(201);
      const v2 = await afterChange();
      expect(v2.text).toContain('MỐC-2');
      expect(v2.text).not.toContain('MỐC-1');
      await post(review, 'POST', { action: 'accept' });
      await afterChange();
      expect((await submit(agency, validSubmission('P-TP', period, ' MỐC-3'))).status).toBe(201);
      const v3 = await afterChange();
      expect(v3.text).toContain('MỐC-2');
      expect(v3.text).not.toContain('MỐC-3');

      // A rename (both files name the agencies that have not reported).
      const name = `Thôn thử nghiệm ${file}`;
      await post('/api/agencies/THON-02', 'PATCH', { name });
      expect((await afterChange()).text).toContain(name);

      // The due date and grace.
      const due = { due: '2026-12-24', graceDays: 3 };
      await post(`/api/periods/${period}`, 'PATCH', due);
      expect((await afterChange()).text).toContain(dueLine(due as never));

      // The document settings (both print the signer).
      await post('/api/settings/document', 'PUT', {
        ...TEST_DOCUMENT,
        signerName: `Người ký ${file}`,
      });
      expect((await afterChange()).text).toContain(`Người ký ${file}`);

      // Lock and unlock: built again (the period row is an input), content as it was.
      await post(`/api/periods/${period}`, 'PATCH', { locked: true, lockReason: 'Chốt số liệu' });
      const locked = await afterChange();
      await post(`/api/periods/${period}`, 'PATCH', { locked: false });
      expect((await afterChange()).text).toBe(locked.text);
    },
    LONG_TEST_TIMEOUT,
  );
});

describe('the API description', () => {
  it('documents X-Cache (hit or miss) on both files', async () => {
    const doc = (await (await api('/api/openapi.json')).json()) as {
      paths: Record<string, { get: { responses: Record<string, { headers?: object }> } }>;
    };
    for (const { file } of FILES) {
      const headers = doc.paths[`/api/periods/{period}/${file}`]?.get.responses['200']?.headers;
      expect(headers, file).toHaveProperty('X-Cache.schema.enum', ['hit', 'miss']);
    }
  });
});

describe('builtOnce', () => {
  it('builds again on the next calendar day in Vietnam (the documents print the date), not before', async () => {
    let builds = 0;
    const build = () => {
      builds += 1;
      return new TextEncoder().encode(`file ${builds}`);
    };
    const at = (now: string) =>
      builtOnce(env.DB, { period: '2026-H1', kind: 'workbook', version: 'v', now }, build);
    // 16:59Z is 23:59 in Vietnam (UTC+7); 17:00Z is the next day there.
    const a = await at('2026-07-01T01:00:00.000Z');
    const b = await at('2026-07-01T16:59:59.000Z');
    const c = await at('2026-07-01T17:00:00.000Z');
    expect([a?.cache, b?.cache, c?.cache]).toEqual(['miss', 'hit', 'miss']);
    expect(new TextDecoder().decode(b?.bytes)).toBe('file 1');
    expect(new TextDecoder().decode(c?.bytes)).toBe('file 2');
    expect(builds).toBe(2);
  });

  it('builds again when the request says Cache-Control: no-cache, and stores what it built', async () => {
    const coord = await coordinatorKey();
    const path = '/api/periods/2026-M9/report.docx';
    const get = (headers: Record<string, string> = {}) => api(path, { key: coord, headers });
    expect((await get()).headers.get('x-cache')).toBe('miss');
    expect((await get()).headers.get('x-cache')).toBe('hit');
    expect((await get({ 'cache-control': 'no-cache' })).headers.get('x-cache')).toBe('miss');
    expect((await get({ 'cache-control': 'max-age=0' })).headers.get('x-cache')).toBe('hit');
  });

  it('reads no-cache as a directive of Cache-Control, not a substring', () => {
    expect(['no-cache', 'max-age=0, No-Cache', ' no-cache ,x'].map(wantsFresh)).toEqual([
      true,
      true,
      true,
    ]);
    expect([undefined, '', 'max-age=0', 'no-cache-please', 'x-no-cache'].map(wantsFresh)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("is keyed by the Worker's deployed version: what the routes stored, only that version serves", async () => {
    const coord = await coordinatorKey();
    const res = await api('/api/periods/2026-Y/workbook.xlsx', { key: coord });
    const stored = new Uint8Array(await res.arrayBuffer());
    // The instant the route built it: the same day in Vietnam, whenever this runs.
    const now = (
      await env.DB.prepare(
        "SELECT built_at FROM built_files WHERE period_code = '2026-Y' AND kind = 'workbook'",
      ).first<{ built_at: string }>()
    )?.built_at as string;
    let builds = 0;
    const at = (version: string) =>
      builtOnce(env.DB, { period: '2026-Y', kind: 'workbook', version, now }, () => {
        builds += 1;
        return new Uint8Array([builds]);
      });
    const same = await at(env.CF_VERSION_METADATA.id);
    expect(same?.cache).toBe('hit');
    expect(same?.bytes).toEqual(stored);
    const next = await at(`${env.CF_VERSION_METADATA.id}-next`);
    expect(next?.cache).toBe('miss');
    expect(builds).toBe(1);
  });

  it('answers null for an unknown period, building nothing', async () => {
    let builds = 0;
    const now = new Date().toISOString();
    const file = await builtOnce(
      env.DB,
      { period: '2099-Q1', kind: 'report', version: 'v', now },
      () => {
        builds += 1;
        return new Uint8Array();
      },
    );
    expect(file).toBeNull();
    expect(builds).toBe(0);
  });

  it(
    'concurrent first requests each get a whole file, and one row is kept',
    async () => {
      const coord = await coordinatorKey();
      const path = '/api/periods/2026-Q4/workbook.xlsx';
      const all = await Promise.all(Array.from({ length: 6 }, () => download(path, coord)));
      for (const d of all) expect(d.text).toBe(all[0]?.text);
      const rows = await env.DB.prepare(
        "SELECT COUNT(*) AS n FROM built_files WHERE period_code = '2026-Q4' AND kind = 'workbook'",
      ).first<{ n: number }>();
      expect(rows?.n).toBe(1);
      expect((await download(path, coord)).cache).toBe('hit');
    },
    LONG_TEST_TIMEOUT,
  );
});
