// GET /api/periods/:period/submissions/:agency/versions/:version.xlsx: a
// stored version drawn on the agency's template. Read back with the shared
// reader and validate() it gives the same Submission, and the upload route
// acknowledges it as unchanged.
import { describe, expect, it } from 'vitest';
import { buildLayout, layoutToGrid } from '../../shared/layout/index.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import type { Submission } from '../../shared/submission/schema.ts';
import { validate } from '../../shared/validate/index.ts';
import { chooseProgressSheet, readWorkbook } from '../../shared/workbook/index.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/workbook/media-type.ts';
import {
  api,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueKey,
  plan,
  renameAgency,
  submit,
  upload,
} from './helpers.ts';

const AGENCY = 'P-TP';

/** A report with every kind of cell: done, not started, in progress, texts on two lines. */
function variedSubmission(agency: string, period: string): Submission {
  const layout = buildLayout(plan, agency, getPeriod(period));
  const grid = layoutToGrid(layout, (t) => {
    const i = layout.tasks.indexOf(t);
    if (i === 0) {
      return {
        status: 'Hoàn thành',
        percent: 100,
        result: `Xong ${t.taskId}`,
        completedProducts: 'Báo cáo số 12/BC-TP',
      };
    }
    if (i === 1) return { status: 'Chưa triển khai' };
    return {
      status: 'Đang triển khai',
      percent: 35,
      result: `Đang làm ${t.taskId}\nđợt 2`,
      difficulties: 'Thiếu kinh phí',
      proposals: 'Đề nghị hỗ trợ 50% kinh phí',
    };
  });
  const r = validate({ values: grid }, { plan, agency, period });
  if (!r.submission) throw new Error(JSON.stringify(r.findings));
  return r.submission;
}

function versionXlsx(period: string, agency: string, file: string, key?: string) {
  return api(`/api/periods/${period}/submissions/${agency}/versions/${file}`, key ? { key } : {});
}

describe('GET /api/periods/:period/submissions/:agency/versions/:version.xlsx', () => {
  it('draws the version on the template; read back it is the same Submission; uploaded it is unchanged', async () => {
    const period = '2027-Q1';
    const key = await issueKey(AGENCY);
    const sent = variedSubmission(AGENCY, period);
    const first = await submit(key, sent);
    expect(first.status).toBe(201);
    // A later version, so that v1 is not simply the latest.
    const second = await submit(key, variedSubmission(AGENCY, period), period);
    expect(second.status).toBe(200); // identical content: acknowledged, not stored

    const res = await versionXlsx(period, AGENCY, '1.xlsx', key);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toContain(
      `filename="Bao-cao-KH58-${AGENCY}-${period}-v1.xlsx"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());

    const book = readWorkbook(bytes);
    if (!book.ok) throw new Error(JSON.stringify(book.problem));
    const chosen = chooseProgressSheet(book, { agency: AGENCY, period });
    if (!chosen.ok) throw new Error(JSON.stringify(chosen.problem));
    const checked = validate(chosen.sheet.grid, { plan, agency: AGENCY, period });
    expect(checked.findings).toEqual([]);
    expect(checked.submission).toEqual(sent);

    await expectNoChange(async () => {
      const again = await upload(key, period, bytes);
      expect(again.status, await again.clone().text()).toBe(200);
      const body = await again.json<{ version: number; unchanged: boolean }>();
      expect(body).toMatchObject({ version: 1, unchanged: true });
    });
  });

  it('gives the coordinator any agency’s version, named as D1 names the agency', async () => {
    const period = '2027-Q2';
    const coordinator = await coordinatorKey();
    await renameAgency('THON-03', 'Thôn thử nghiệm Hai');
    await submit(await issueKey('THON-03'), variedSubmission('THON-03', period));
    const res = await versionXlsx(period, 'THON-03', '1.xlsx', coordinator);
    expect(res.status).toBe(200);
    const book = readWorkbook(new Uint8Array(await res.arrayBuffer()));
    if (!book.ok) throw new Error('unreadable');
    const chosen = chooseProgressSheet(book, { agency: 'THON-03', period });
    if (!chosen.ok) throw new Error('no sheet');
    expect(chosen.sheet.grid.values[2]?.[0]).toBe('Cơ quan báo cáo: Thôn thử nghiệm Hai');
  });

  it('refuses another agency’s key (403), no key (401), unknown version, agency or period (404), changing nothing', async () => {
    const period = '2027-Q3';
    const own = await issueKey(AGENCY);
    const other = await issueKey('THON-01');
    const coordinator = await coordinatorKey();
    await submit(own, variedSubmission(AGENCY, period));
    await expectNoChange(async () => {
      await expectError(await versionXlsx(period, AGENCY, '1.xlsx', other), 'FORBIDDEN');
      await expectError(await versionXlsx(period, AGENCY, '1.xlsx'), 'UNAUTHENTICATED');
      for (const file of ['2.xlsx', '0.xlsx', 'x.xlsx', '1', '1.xls', '01.xlsx']) {
        const body = await expectError(
          await versionXlsx(period, AGENCY, file, coordinator),
          'NOT_FOUND',
        );
        expect(body.error.message.vi, file).toContain('Phòng Tư pháp (P-TP)');
      }
      await expectError(await versionXlsx(period, 'NOPE', '1.xlsx', coordinator), 'NOT_FOUND');
      await expectError(await versionXlsx('2027-Q9', AGENCY, '1.xlsx', own), 'NOT_FOUND');
      // The coordinating office reads its own report the same way.
      await expectError(await versionXlsx(period, COORDINATOR, '1.xlsx', coordinator), 'NOT_FOUND');
    });
  });
});
