// Text in, NFC out (issue 12): every text that enters the Worker is stored
// NFC, whatever form it was typed in; a lone UTF-16 surrogate ("\uD800" in
// JSON) is INVALID_REQUEST naming the field, and a JSON body that is not
// UTF-8 is MALFORMED_JSON; neither stores anything.
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../shared/workbook/media-type.ts';
import { filledXlsx } from '../support/upload-files.ts';
import {
  api,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  submit,
  validSubmission,
} from './helpers.ts';

/** Vietnamese as a Mac types it: every diacritic a separate code point. */
const nfd = (s: string) => s.normalize('NFD');
const NAME = 'Nguyễn Thị Hoa';
const WORDS = 'Đã rà soát hộ nghèo ở thôn Đông';
const LONE = 'Ô\uD800'; // well-formed prefix, then a lone high surrogate

interface Version {
  submittedBy: string;
  reviewComment: string | null;
  submission: { rows: Record<string, unknown>[] };
}

async function versions(key: string, period: string, agency: string) {
  const res = await api(`/api/periods/${period}/submissions/${agency}`, { key });
  expect(res.status).toBe(200);
  return (await res.json<{ versions: Version[] }>()).versions;
}

async function periodListed(key: string, code: string) {
  const res = await api(`/api/periods?year=${code.slice(0, 4)}`, { key });
  const { periods } = await res.json<{
    periods: { code: string; lockReason: string | null; reopenings?: { reason: string }[] }[];
  }>();
  return periods.find((p) => p.code === code);
}

/** A JSON route refusing `json` with INVALID_REQUEST naming `field` (and saying why in both languages), storing nothing. */
async function expectRefused(
  key: string,
  method: string,
  path: string,
  json: unknown,
  field: string,
  why: RegExp = /^Văn bản có ký tự hỏng .* \/ The text holds .*surrogate/,
) {
  const body = await expectNoChange(async () =>
    expectError(await api(path, { method, key, json }), 'INVALID_REQUEST'),
  );
  expect(issueFields(body)).toEqual([field]);
  const issues = (body.error.details as { issues: { message: string }[] }).issues;
  expect(issues[0]?.message).toMatch(why);
  // One issue: the message says why as well as where, in both languages.
  const [vi, en] = issues[0]?.message.split(' / ') ?? [];
  expect(body.error.message.vi).toContain(vi);
  expect(body.error.message.en).toContain(en);
}

/**
 * The route refuses `make(LONE)` (expectRefused), then accepts
 * `make(nfd(text))` with `status`; the caller reads `text` back.
 */
async function refusesThenAccepts(
  key: string,
  route: { method: string; path: string; field: string; status: number },
  make: (value: string) => unknown,
  text = WORDS,
) {
  const { method, path, field, status } = route;
  await expectRefused(key, method, path, make(LONE), field);
  const res = await api(path, { method, key, json: make(nfd(text)) });
  expect(res.status, await res.clone().text()).toBe(status);
  return res;
}

describe('submissions (JSON)', () => {
  it('stores the texts and submittedBy NFC', async () => {
    const key = await issueKey('P-TP');
    const s = validSubmission('P-TP', '2028-Q1');
    const rows = s.rows.map((r) => ({
      ...r,
      result: nfd(`${WORDS} ${r.taskId}`),
      completedProducts: nfd('Báo cáo tổng hợp'),
      difficulties: nfd('Thiếu kinh phí'),
      proposals: nfd('Đề nghị bổ sung'),
    }));
    const res = await submit(key, { ...s, rows, submittedBy: nfd(NAME) });
    expect(res.status).toBe(201);
    const [v] = await versions(key, '2028-Q1', 'P-TP');
    expect(v?.submittedBy).toBe(NAME);
    expect(v?.submission.rows[0]).toMatchObject({
      result: `${WORDS} ${s.rows[0]?.taskId}`,
      completedProducts: 'Báo cáo tổng hợp',
      difficulties: 'Thiếu kinh phí',
      proposals: 'Đề nghị bổ sung',
    });
  });

  it('refuses a lone surrogate in a row text or in submittedBy, naming the field', async () => {
    const key = await issueKey('P-GDDT');
    const s = validSubmission('P-GDDT', '2028-Q1');
    const path = '/api/periods/2028-Q1/submissions';
    for (const field of ['result', 'completedProducts', 'difficulties', 'proposals'] as const) {
      const rows = s.rows.map((r, i) => (i === 2 ? { ...r, [field]: LONE } : r));
      await expectRefused(key, 'POST', path, { ...s, rows }, `rows.2.${field}`);
    }
    await expectRefused(key, 'POST', path, { ...s, submittedBy: LONE }, 'submittedBy');
    // A low surrogate alone, and a pair in the wrong order, are refused too.
    await expectRefused(key, 'POST', path, { ...s, submittedBy: 'a\uDC00' }, 'submittedBy');
    await expectRefused(key, 'POST', path, { ...s, submittedBy: '\uDC00\uD800' }, 'submittedBy');
    // NUL and the noncharacters U+FFFE/U+FFFF can be written in no workbook.
    for (const bad of ['Kết\u0000quả', 'x\ufffe', 'x\uffff']) {
      const rows = s.rows.map((r, i) => (i === 1 ? { ...r, result: bad } : r));
      await expectRefused(key, 'POST', path, { ...s, rows }, 'rows.1.result', /NUL.*\/ .*NUL/);
    }
    // A well-formed pair (an emoji) is text like any other.
    expect((await submit(key, { ...s, submittedBy: 'Hoa 🌸' })).status).toBe(201);
  });

  it('refuses a JSON body that is not UTF-8 with MALFORMED_JSON, storing nothing', async () => {
    const key = await issueKey('P-VHTT');
    const text = JSON.stringify({ ...validSubmission('P-VHTT', '2028-Q1'), submittedBy: '@@' });
    const bytes = new TextEncoder().encode(text);
    const at = text.indexOf('@@');
    // 0xC3 0x28: a lead byte without its continuation; 0xFF: never UTF-8.
    for (const bad of [
      [0xc3, 0x28],
      [0xff, 0x41],
      [0xed, 0xa0], // the first two bytes of a UTF-8-encoded surrogate (CESU-8)
    ]) {
      const body = bytes.slice();
      body.set(bad, at);
      const err = await expectNoChange(async () =>
        expectError(
          await SELF.fetch('https://example.com/api/periods/2028-Q1/submissions', {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body,
          }),
          'MALFORMED_JSON',
        ),
      );
      expect(err.error.message.en).toContain('UTF-8');
    }
    // The same body with those bytes as the text they would be read as is accepted.
    const ok = await SELF.fetch('https://example.com/api/periods/2028-Q1/submissions', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: new TextEncoder().encode(`\ufeff${text}`),
    });
    expect(ok.status).toBe(201);
  });
});

describe('uploads (multipart)', () => {
  it('stores the form’s submittedBy NFC', async () => {
    const key = await issueKey('THON-06');
    const form = new FormData();
    form.append(
      'file',
      new File([filledXlsx('THON-06', '2028-Q1') as Uint8Array<ArrayBuffer>], 'bao-cao.xlsx', {
        type: XLSX_MEDIA_TYPE,
      }),
    );
    form.append('submittedBy', nfd(` ${NAME} `));
    const res = await api('/api/periods/2028-Q1/uploads', { method: 'POST', key, body: form });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json<{ submittedBy: string }>()).submittedBy).toBe(NAME);
    expect((await versions(key, '2028-Q1', 'THON-06'))[0]?.submittedBy).toBe(NAME);
  });
});

describe('review comments', () => {
  it('stores the comment NFC; refuses a lone surrogate', async () => {
    const coord = await coordinatorKey();
    const agency = await issueKey('MTTQ');
    expect((await submit(agency, validSubmission('MTTQ', '2028-Q2'))).status).toBe(201);
    await refusesThenAccepts(
      coord,
      {
        method: 'POST',
        path: '/api/periods/2028-Q2/submissions/MTTQ/review',
        field: 'comment',
        status: 201,
      },
      (comment) => ({ action: 'return', comment }),
    );
    expect((await versions(coord, '2028-Q2', 'MTTQ'))[0]?.reviewComment).toBe(WORDS);
  });
});

describe('periods: lock and reopening reasons', () => {
  it('stores the lock reason NFC; refuses a lone surrogate', async () => {
    const coord = await coordinatorKey();
    await refusesThenAccepts(
      coord,
      { method: 'PATCH', path: '/api/periods/2028-Q3', field: 'lockReason', status: 200 },
      (lockReason) => ({ locked: true, lockReason }),
    );
    expect((await periodListed(coord, '2028-Q3'))?.lockReason).toBe(WORDS);
  });

  it('stores the reopening reason NFC; refuses a lone surrogate', async () => {
    const coord = await coordinatorKey();
    await refusesThenAccepts(
      coord,
      { method: 'POST', path: '/api/periods/2028-Q4/reopenings', field: 'reason', status: 201 },
      (reason) => ({ agency: 'P-TP', reason }),
    );
    expect((await periodListed(coord, '2028-Q4'))?.reopenings?.map((r) => r.reason)).toEqual([
      WORDS,
    ]);
  });
});

describe('agency names and key labels', () => {
  it('stores an agency’s name and short name NFC; refuses a lone surrogate', async () => {
    const coord = await coordinatorKey();
    const path = '/api/agencies/THON-04';
    await expectRefused(coord, 'PATCH', path, { name: LONE }, 'name');
    await expectRefused(coord, 'PATCH', path, { shortName: LONE }, 'shortName');
    const res = await api(path, {
      method: 'PATCH',
      key: coord,
      json: { name: nfd('Thôn Đông (đổi tên)'), shortName: nfd('Thôn Đông') },
    });
    expect(res.status).toBe(200);
    const { agencies } = await (await api('/api/agencies', { key: coord })).json<{
      agencies: { code: string; name: string; shortName: string }[];
    }>();
    expect(agencies.find((a) => a.code === 'THON-04')).toMatchObject({
      name: 'Thôn Đông (đổi tên)',
      shortName: 'Thôn Đông',
    });
  });

  it('stores a key’s label NFC; refuses a lone surrogate', async () => {
    const coord = await coordinatorKey();
    const res = await refusesThenAccepts(
      coord,
      { method: 'POST', path: '/api/keys', field: 'label', status: 201 },
      (label) => ({ agency: 'P-TP', label }),
      NAME,
    );
    const { prefix } = await res.json<{ prefix: string }>();
    const { keys } = await (await api('/api/keys', { key: coord })).json<{
      keys: { prefix: string; label: string }[];
    }>();
    expect(keys.find((k) => k.prefix === prefix)?.label).toBe(NAME);
  });
});
