// Error bodies are small in bytes whatever the file says (issue 16): values
// read from the file are clipped where a message or a detail quotes them,
// and errors.ts bounds every string and the whole body. The files are a
// fresh tester's: one long shared string as the metadata cell of many sheets.
import { describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../shared/workbook/media-type.ts';
import {
  ApiError,
  MAX_DETAIL_CHARS,
  MAX_ERROR_BODY_BYTES,
  MAX_LISTED_DETAILS,
  MAX_MESSAGE_CHARS,
} from '../../worker/src/errors.ts';
import { metaText, patchPart, sharedMetaXlsx } from '../support/upload-files.ts';
import {
  api,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueKey,
  LONG_TEST_TIMEOUT,
  upload,
} from './helpers.ts';

const bytesOf = (s: string) => new TextEncoder().encode(s).byteLength;

/** The answer's text and its size in bytes, then its parsed error. */
async function answer(res: Response, code: Parameters<typeof expectError>[1]) {
  const text = await res.clone().text();
  const body = await expectError(res, code);
  return { size: bytesOf(text), body };
}

describe('error bodies are small in bytes', () => {
  it(
    '101 sheets naming an agency of 1,000,000 characters (a 33 KB upload): WRONG_TEMPLATE under 32 KB (was 110 MB)',
    async () => {
      const key = await issueKey('P-VHTT');
      const file = sharedMetaXlsx(101, metaText({ agency: 'X'.repeat(1_000_000) }));
      expect(file.byteLength).toBeLessThan(64_000);
      const res = await expectNoChange(() => upload(key, '2026-Q3', file));
      const { size, body } = await answer(res, 'WRONG_TEMPLATE');
      expect(size).toBeLessThan(32_000);
      const found = (body.error.details as { found: { agency: string; sheet: string }[] }).found;
      expect(found).toHaveLength(MAX_LISTED_DETAILS);
      expect(found[0]?.agency).toBe(`${'X'.repeat(60)}…`);
      expect(found[0]?.sheet).toBe(`Trang 001 ${'Y'.repeat(20)}`);
      expect(body.error.message.en).toContain(`The file is the template of ${'X'.repeat(60)}…,`);
    },
    LONG_TEST_TIMEOUT,
  );

  it(
    '150 sheets × 30,000 characters: WRONG_TEMPLATE and the annotated upload both small',
    async () => {
      const key = await issueKey('P-VHTT');
      const file = sharedMetaXlsx(150, metaText({ agency: 'X'.repeat(30_000) }));
      const res = await expectNoChange(() => upload(key, '2026-Q3', file));
      const { size, body } = await answer(res, 'WRONG_TEMPLATE');
      expect(size).toBeLessThan(32_000);
      expect(body.error.message.en.length).toBeLessThan(1_000);

      const form = new FormData();
      form.append(
        'file',
        new File([file as Uint8Array<ArrayBuffer>], 'bao-cao.xlsx', { type: XLSX_MEDIA_TYPE }),
      );
      const annotated = await api('/api/periods/2026-Q3/uploads/annotated', {
        method: 'POST',
        key,
        body: form,
      });
      expect((await answer(annotated, 'WRONG_TEMPLATE')).size).toBeLessThan(32_000);
    },
    LONG_TEST_TIMEOUT,
  );

  it('one sheet of another agency of 1,000,000 characters: under 2 KB', async () => {
    const key = await issueKey('P-VHTT');
    const file = sharedMetaXlsx(1, metaText({ agency: 'X'.repeat(1_000_000) }));
    const res = await expectNoChange(() => upload(key, '2026-Q3', file));
    expect((await answer(res, 'WRONG_TEMPLATE')).size).toBeLessThan(2_000);
  });

  it('a plan of 500,000 characters with the right agency and period: VALIDATION_FAILED under 4 KB', async () => {
    const key = await issueKey('P-VHTT');
    const file = sharedMetaXlsx(1, metaText({ plan: 'P'.repeat(500_000) }));
    const res = await expectNoChange(() => upload(key, '2026-Q3', file));
    const { size, body } = await answer(res, 'VALIDATION_FAILED');
    expect(size).toBeLessThan(4_000);
    const findings = (
      body.error.details as { findings: { code: string; message: { en: string } }[] }
    ).findings;
    const plan = findings.find((f) => f.code === 'META_PLAN_MISMATCH');
    expect(plan?.message.en).toMatch(/^The sheet belongs to plan “P{60}…”, not “/);
  });
});

describe('the last-resort bound of errors.ts', () => {
  it('clips every string of the details and keeps the body under MAX_ERROR_BODY_BYTES, saying how many were left out', async () => {
    const long = 'ệ'.repeat(5_000); // 3 bytes each in UTF-8
    const items = Array.from({ length: 150 }, (_, i) => ({ n: i, a: long, b: long, c: long }));
    const res = new ApiError(
      'INVALID_REQUEST',
      { vi: long, en: long },
      { issues: items },
    ).getResponse();
    const text = await res.text();
    expect(bytesOf(text)).toBeLessThanOrEqual(MAX_ERROR_BODY_BYTES);
    const body = JSON.parse(text) as {
      error: {
        message: { en: string };
        details: { issues: { n: number; a: string }[]; omitted: number };
      };
    };
    const { issues, omitted } = body.error.details;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.length).toBeLessThan(MAX_LISTED_DETAILS);
    expect(issues.map((x) => x.n)).toEqual(issues.map((_, i) => i));
    expect(omitted).toBe(150 - issues.length);
    expect(issues[0]?.a).toBe(`${'ệ'.repeat(MAX_DETAIL_CHARS)}…`);
    expect(body.error.message.en).toBe(
      `${'ệ'.repeat(MAX_MESSAGE_CHARS)}… (Only the first ${issues.length} are listed; ${omitted} more.)`,
    );
  });
});

describe('what a request or a file names is quoted clipped (docs/api.md: 60 characters)', () => {
  it('a sheet named with 5,000 characters: VALIDATION_FAILED quotes it in details.sheet as 60 and “…”', async () => {
    const key = await issueKey('P-VHTT');
    const name = 'S'.repeat(5_000);
    const file = patchPart(
      sharedMetaXlsx(1, metaText({ plan: 'KH-KHAC' })),
      'xl/workbook.xml',
      (xml) => xml.replace(/<sheet name="[^"]*"/, `<sheet name="${name}"`),
    );
    const res = await expectNoChange(() => upload(key, '2026-Q3', file));
    const body = await expectError(res, 'VALIDATION_FAILED');
    expect((body.error.details as { sheet: string }).sheet).toBe(`${'S'.repeat(60)}…`);
  });

  it('a period, an agency, a version or a query value of 4,000 characters in the URL is quoted as 60 and “…”', async () => {
    const key = await coordinatorKey();
    const long = (ch: string) => ch.repeat(4_000);
    const shown = (ch: string) => `${ch.repeat(60)}…`;
    const period = await expectError(
      await api(`/api/periods/${long('Q')}/workbook.xlsx`, { key }),
      'NOT_FOUND',
    );
    expect(period.error.message.en).toBe(`There is no report period “${shown('Q')}”.`);
    expect(period.error.message.vi).toBe(`Không có kỳ báo cáo “${shown('Q')}”.`);

    const agency = await expectError(
      await api(`/api/periods/2026-Q1/submissions/${long('A')}/versions/1.xlsx`, { key }),
      'NOT_FOUND',
    );
    expect(agency.error.message.en).toBe(`There is no agency with code “${shown('A')}”.`);

    const version = await expectError(
      await api(`/api/periods/2026-Q1/submissions/P-TP/versions/${long('9')}.xlsx`, { key }),
      'NOT_FOUND',
    );
    expect(version.error.message.en).toContain(`has no report version “${shown('9')}” for`);

    const start = await expectError(
      await api(`/api/periods/2026-Q1/template.xlsx?agency=P-TP&start=${long('s')}`, { key }),
      'INVALID_REQUEST',
    );
    expect(start.error.message.en).toContain(`?start=${shown('s')} is not valid`);

    const route = await expectError(await api(`/api/nope/${long('x')}`, { key }), 'NOT_FOUND');
    const path = `/api/nope/${long('x')}`;
    expect(route.error.message.en).toBe(`No route GET ${path.slice(0, 200)}….`);
  });
});
