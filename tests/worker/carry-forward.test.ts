// Carrying a report forward: GET /api/periods/:period/carry-forward?agency=
// and GET …/template.xlsx?agency=&start=last-accepted. What is carried is
// the agency's last accepted report of an earlier period, where "accepted"
// is the latest review of a version.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildLayout, layoutToGrid } from '../../shared/layout/index.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import type { Submission } from '../../shared/submission/schema.ts';
import { validate } from '../../shared/validate/index.ts';
import { chooseProgressSheet, readWorkbook } from '../../shared/workbook/index.ts';
import { filledXlsx } from '../support/upload-files.ts';
import {
  api,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  plan,
  submit,
  upload,
} from './helpers.ts';

const AGENCY = 'P-TP';

/** A report whose first task is done, the rest in progress at `percent`, each with a product. */
function report(period: string, percent: number, mark: string): Submission {
  const layout = buildLayout(plan, AGENCY, getPeriod(period));
  const grid = layoutToGrid(layout, (t) =>
    t === layout.tasks[0]
      ? {
          status: 'Hoàn thành',
          percent: 100,
          result: `Xong ${mark}`,
          completedProducts: `SP ${mark}`,
        }
      : {
          status: 'Đang triển khai',
          percent,
          result: `Kết quả ${mark} ${t.taskId}`,
          completedProducts: `SP ${mark} ${t.taskId}`,
          difficulties: `Khó khăn ${mark}`,
          proposals: `Kiến nghị ${mark}`,
        },
  );
  const r = validate({ values: grid }, { plan, agency: AGENCY, period });
  if (!r.submission) throw new Error(JSON.stringify(r.findings));
  return r.submission;
}

async function review(period: string, key: string, json: unknown) {
  const res = await api(`/api/periods/${period}/submissions/${AGENCY}/review`, {
    method: 'POST',
    key,
    json,
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

function carry(period: string, key?: string, agency = AGENCY) {
  return api(`/api/periods/${period}/carry-forward?agency=${agency}`, key ? { key } : {});
}

function template(period: string, key: string, query = `agency=${AGENCY}&start=last-accepted`) {
  return api(`/api/periods/${period}/template.xlsx?${query}`, { key });
}

interface Carried {
  from: { period: string; version: number } | null;
  rows: { taskId: string; status: string; percent: number | null; completedProducts: string }[];
}

const expectedRows = (s: Submission) =>
  s.rows.map((r) => ({
    taskId: r.taskId,
    status: r.status,
    percent: r.percent,
    completedProducts: r.completedProducts,
  }));

describe('GET /api/periods/:period/carry-forward', () => {
  it('carries the last accepted report of an earlier period; a later return undoes an acceptance', async () => {
    const key = await issueKey(AGENCY);
    const coordinator = await coordinatorKey();
    const v1 = report('2029-Q1', 40, 'một');
    const v2 = report('2029-Q1', 60, 'hai');
    await submit(key, v1);
    await review('2029-Q1', coordinator, { action: 'accept', version: 1 });
    await submit(key, v2); // not reviewed: v1 is still what is carried

    const first = await carry('2029-H1', key);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      from: { period: '2029-Q1', version: 1 },
      rows: expectedRows(v1),
    });

    await review('2029-Q1', coordinator, { action: 'accept', version: 2 });
    const second = await (await carry('2029-H1', coordinator)).json<Carried>();
    expect(second).toEqual({ from: { period: '2029-Q1', version: 2 }, rows: expectedRows(v2) });

    await review('2029-Q1', coordinator, { action: 'return', version: 2, comment: 'Sửa lại' });
    const third = await (await carry('2029-H1', key)).json<Carried>();
    expect(third.from).toEqual({ period: '2029-Q1', version: 1 });

    // Not from the same period, nor from a later one.
    expect(await (await carry('2029-Q1', key)).json()).toEqual({ from: null, rows: [] });
    expect(await (await carry('2028-Y', key)).json()).toEqual({ from: null, rows: [] });
  });

  it('of two periods that end on the same day (Q3 and M9), the report accepted last', async () => {
    const key = await issueKey(AGENCY);
    const coordinator = await coordinatorKey();
    const q3 = report('2030-Q3', 40, 'quý ba');
    const m9 = report('2030-M9', 70, 'chín tháng');
    await submit(key, m9);
    await review('2030-M9', coordinator, { action: 'accept' });
    await submit(key, q3);
    await review('2030-Q3', coordinator, { action: 'accept' });
    expect((await (await carry('2030-Y', key)).json<Carried>()).from).toEqual({
      period: '2030-Q3',
      version: 1,
    });
    // M9 corrected and accepted again later: it is now the last word on 14/09.
    await submit(key, report('2030-M9', 75, 'chín tháng, sửa'));
    await review('2030-M9', coordinator, { action: 'accept' });
    expect((await (await carry('2030-Y', key)).json<Carried>()).from).toEqual({
      period: '2030-M9',
      version: 2,
    });
  });

  it('refuses another agency (403), no agency (400), unknown period or agency (404), no key (401), writing nothing', async () => {
    const other = await issueKey('THON-01');
    const coordinator = await coordinatorKey();
    await expectNoChange(async () => {
      await expectError(await carry('2029-H1', other), 'FORBIDDEN');
      await expectError(await carry('2029-H1'), 'UNAUTHENTICATED');
      const missing = await expectError(
        await api('/api/periods/2029-H1/carry-forward', { key: coordinator }),
        'INVALID_REQUEST',
      );
      expect(issueFields(missing)).toEqual(['query.agency']);
      await expectError(await carry('2029-Q9', coordinator), 'NOT_FOUND');
      await expectError(await carry('2029-H1', coordinator, 'NOPE'), 'NOT_FOUND');
    });
  });
});

describe('GET /api/periods/:period/template.xlsx?start=last-accepted', () => {
  it('prefills status, percent and products, leaves the texts blank, and says where it started', async () => {
    const key = await issueKey(AGENCY);
    const coordinator = await coordinatorKey();
    const accepted = report('2030-Q1', 45, 'quý một');
    await submit(key, accepted);
    await review('2030-Q1', coordinator, { action: 'accept' });

    const res = await template('2030-H1', key);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-start-from')).toBe('period=2030-Q1; version=1');
    const book = readWorkbook(new Uint8Array(await res.arrayBuffer()));
    if (!book.ok) throw new Error('unreadable');
    const chosen = chooseProgressSheet(book, { agency: AGENCY, period: '2030-H1' });
    if (!chosen.ok) throw new Error('no sheet');
    const values = chosen.sheet.grid.values as unknown[][];
    expect(String(values[3]?.[0])).toContain(
      'Bắt đầu từ báo cáo kỳ Quý I năm 2030 (2030-Q1), phiên bản 1, đã tiếp nhận',
    );
    const layout = buildLayout(plan, AGENCY, getPeriod('2030-H1'));
    layout.tasks.forEach((t, i) => {
      const row = values[t.row - 1] ?? [];
      const done = i === 0;
      expect(row.slice(5), t.taskId).toEqual([
        done ? 'Hoàn thành' : 'Đang triển khai',
        done ? 100 : 45,
        '',
        done ? 'SP quý một' : `SP quý một ${t.taskId}`,
        '',
        '',
      ]);
    });
    // Still the period's own sheet: the validator asks only for this period's results.
    const checked = validate(chosen.sheet.grid, { plan, agency: AGENCY, period: '2030-H1' });
    expect(new Set(checked.findings.map((f) => f.code))).toEqual(new Set(['RESULT_REQUIRED']));
  });

  it('is the blank template, marked X-Start-From: none, when nothing earlier was accepted', async () => {
    const coordinator = await coordinatorKey();
    const started = await template('2026-Q1', coordinator, 'agency=THON-02&start=last-accepted');
    const blank = await template('2026-Q1', coordinator, 'agency=THON-02');
    expect(started.status).toBe(200);
    expect(started.headers.get('x-start-from')).toBe('none');
    expect(blank.headers.get('x-start-from')).toBeNull();
    const parts = async (r: Response) => unzipSync(new Uint8Array(await r.arrayBuffer()));
    const [a, b] = [await parts(started), await parts(blank)];
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
      expect(strFromU8(a[part] as Uint8Array), part).toBe(strFromU8(b[part] as Uint8Array));
    }
  });

  it('refuses another agency (403) and an unknown start (400), writing nothing', async () => {
    const other = await issueKey('THON-01');
    await expectNoChange(async () => {
      await expectError(await template('2030-H1', other), 'FORBIDDEN');
      const bad = await expectError(
        await template('2030-H1', other, 'agency=THON-01&start=latest'),
        'INVALID_REQUEST',
      );
      expect(issueFields(bad)).toEqual(['query.start']);
    });
  });
});

describe('REGRESSION warnings on receipt', () => {
  it('a submission or upload that goes back from the last accepted report is stored with warnings', async () => {
    const key = await issueKey(AGENCY);
    await submit(key, report('2024-Q1', 70, 'trước'));
    await review('2024-Q1', await coordinatorKey(), { action: 'accept' });
    const tasks = buildLayout(plan, AGENCY, getPeriod('2024-H1')).tasks;

    // JSON: every in-progress task drops from 70 % to 30 %; the done task stays done.
    const sent = await submit(key, report('2024-H1', 30, 'sau'));
    expect(sent.status).toBe(201);
    const warnings = sent.body.warnings as {
      code: string;
      cell: string;
      message: { vi: string };
    }[];
    expect(warnings.map((w) => `${w.code}@${w.cell}`)).toEqual(
      tasks.slice(1).map((t) => `REGRESSION@G${t.row}`),
    );
    expect(warnings[0]?.message.vi).toBe(
      'Tỷ lệ hoàn thành 30% thấp hơn báo cáo kỳ Quý I năm 2024 (2024-Q1) (70%). Hãy kiểm tra lại.',
    );

    // Upload: the done task is now in progress.
    const res = await upload(
      key,
      '2024-Q3',
      filledXlsx(AGENCY, '2024-Q3', (t) => ({
        status: 'Đang triển khai',
        percent: 80,
        result: `Tiếp tục ${t.taskId}`,
      })),
    );
    expect(res.status).toBe(201);
    const body = await res.json<{ warnings: { code: string; cell: string }[] }>();
    expect(body.warnings.map((w) => `${w.code}@${w.cell}`)).toEqual([
      `REGRESSION@F${tasks[0]?.row}`,
    ]);
  });
});
