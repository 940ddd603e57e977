// Error bodies stay small whatever the input: each list in details (issues,
// findings) carries the first MAX_LISTED_DETAILS items and details.omitted
// counts the rest (errors.ts); the envelope is unchanged.
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_DETAILS } from '../../worker/src/errors.ts';
import { filledXlsx, patchPart } from '../support/upload-files.ts';
import {
  api,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  upload,
  validSubmission,
} from './helpers.ts';

describe('error details are capped', () => {
  it('a ~250 KB submission with a bad row repeated to the size limit: the first 100 issues and a count of the rest', async () => {
    const key = await issueKey('P-TP');
    const sent = validSubmission('P-TP');
    const row = { ...sent.rows[0], status: 'xong' };
    // As many rows as fit in ~240 KB, under MAX_BODY_BYTES (256 KiB).
    const n = Math.floor(240_000 / (JSON.stringify(row).length + 1));
    const rows = Array.from({ length: n }, () => row);
    const json = { ...sent, rows };
    expect(JSON.stringify(json).length).toBeGreaterThan(200_000);
    const res = await expectNoChange(() =>
      api('/api/periods/2026-Q1/submissions', { method: 'POST', key, json }),
    );
    const text = await res.clone().text();
    const body = await expectError(res, 'INVALID_REQUEST');
    expect(issueFields(body)).toHaveLength(MAX_LISTED_DETAILS);
    expect(issueFields(body)[0]).toBe('rows.0.status');
    expect((body.error.details as { omitted: number }).omitted).toBe(n - MAX_LISTED_DETAILS);
    // The message names the first ten fields and how many more.
    expect(body.error.message.en).toContain(`rows.9.status (+${n - 10})`);
    // And says that the list is cut, in both languages.
    expect(body.error.message.en).toContain(
      `(Only the first 100 are listed; ${n - MAX_LISTED_DETAILS} more.)`,
    );
    expect(body.error.message.vi).toContain(
      `(Chỉ nêu 100 mục đầu; còn ${n - MAX_LISTED_DETAILS} mục nữa.)`,
    );
    expect(text.length).toBeLessThan(20_000);
  });

  it('an upload with an error and 1,500 rows of stray content: the first 100 findings, the rest counted', async () => {
    const key = await issueKey('P-TP');
    const bad = filledXlsx('P-TP', '2026-Q1', (t, i) => ({
      status: 'Đang triển khai',
      percent: i === 0 ? 500 : 50,
      result: `Đã triển khai nhiệm vụ ${t.taskId}`,
    }));
    const stray = Array.from(
      { length: 1500 },
      (_, i) => `<row r="${100 + i}"><c r="A${100 + i}"><v>${i}</v></c></row>`,
    ).join('');
    const bytes = patchPart(bad, 'xl/worksheets/sheet1.xml', (x) =>
      x.replace('</sheetData>', `${stray}</sheetData>`),
    );
    const res = await expectNoChange(() => upload(key, '2026-Q1', bytes));
    const text = await res.clone().text();
    const body = await expectError(res, 'VALIDATION_FAILED');
    const details = body.error.details as {
      findings: { code: string; severity: string }[];
      omitted: number;
    };
    expect(details.findings).toHaveLength(MAX_LISTED_DETAILS);
    expect(details.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'PERCENT_INVALID',
    ]);
    expect(details.omitted).toBe(1501 - MAX_LISTED_DETAILS);
    expect(body.error.message.en).toMatch(
      /^The report has errors.*\(Only the first 100 are listed; 1401 more\.\)$/,
    );
    expect(text.length).toBeLessThan(60_000);
  });

  it('short lists are whole, with no omitted count', async () => {
    const key = await issueKey('P-TP');
    const res = await api('/api/periods/2026-Q1/submissions', { method: 'POST', key, json: {} });
    const body = await expectError(res, 'INVALID_REQUEST');
    expect(Object.keys(body.error.details as object)).toEqual(['issues']);
    expect(body.error.message.en).not.toMatch(/listed/);
  });
});
