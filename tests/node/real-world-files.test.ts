// The filled templates of tests/fixtures/real-world/ (made as real offices
// make them: LibreOffice Calc, openpyxl, WPS, Excel's own cell types and
// number formats; README.md there says what each holds): each read as an
// upload (shared/workbook → validate) gives the value the person saw, and the
// same file opened in Excel and checked by the task pane (the stand-in Excel,
// loaded with the cells openpyxl reads from the file) gives the same values
// and findings. Row 7 is task I.6; F–K are status, percent, results,
// products, difficulties, proposals.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../addin/src/check.ts';
import { checkActiveSheet } from '../../addin/src/office/host.ts';
import type { Submission } from '../../shared/submission/schema.ts';
import type { Finding } from '../../shared/validate/index.ts';
import { validate } from '../../shared/validate/index.ts';
import { chooseProgressSheet, readWorkbook } from '../../shared/workbook/index.ts';
import { FakeExcel } from '../support/fake-excel.ts';
import { plan } from '../support/upload-files.ts';
import { openpyxlPython } from './readers/python.ts';

const run = promisify(execFile);
const AGENCY = 'MTTQ';
const PERIOD = '2026-Q4';
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/real-world/${name}.xlsx`, import.meta.url)));

type Row = Submission['rows'][number];
interface Right {
  /** What task I.6 must read as (only the fields named). */
  row?: Partial<Row>;
  /** Every finding, as "CODE@CELL". */
  findings: string[];
}

const FILLED = {
  status: 'in-progress',
  percent: 45,
  difficulties: 'Kinh phí còn hạn chế',
  proposals: 'Đề nghị bổ sung kinh phí',
} as const;

/** What is right for each file: the fixtures' README, as assertions. */
const RIGHT: Record<string, Right> = {
  'percent-literal-quoted-format': { row: { ...FILLED, percent: 45 }, findings: [] },
  'percent-literal-format-fraction': {
    row: { ...FILLED, percent: 0.45 },
    findings: ['PERCENT_FRACTION@G7'],
  },
  'libreoffice-percent-literal-format': { row: { ...FILLED, percent: 45 }, findings: [] },
  'date-in-text-column': { row: { ...FILLED, completedProducts: '15/10/2026' }, findings: [] },
  'iso-date-cell': { row: { ...FILLED, completedProducts: '15/10/2026' }, findings: [] },
  'openpyxl-datetime-in-text-column': {
    row: { ...FILLED, completedProducts: '15/10/2026' },
    findings: [],
  },
  'formula-without-value-text': { findings: ['FORMULA_NO_VALUE@J7'] },
  'formula-without-value-percent': { findings: ['FORMULA_NO_VALUE@G7'] },
  'comment-after-root': {
    row: { ...FILLED, completedProducts: 'Kế hoạch số 12/KH-MTTQ' },
    findings: [],
  },
  'status-latin-eth': { row: { ...FILLED }, findings: ['STATUS_LOOK_ALIKE@F7'] },
  'wps-picture-in-cell': { findings: ['PICTURE_IN_CELL@I7'] },
  'cover-sheet-echoes-code': {
    row: { ...FILLED, completedProducts: 'Kế hoạch số 12/KH-MTTQ' },
    findings: [],
  },
};

const codes = (findings: readonly Finding[]) => findings.map((f) => `${f.code}@${f.cell}`);

function upload(bytes: Uint8Array) {
  const book = readWorkbook(bytes);
  if (!book.ok) throw new Error(`unreadable: ${book.problem.message.en}`);
  const choice = chooseProgressSheet(book, { agency: AGENCY, period: PERIOD });
  if (!choice.ok) throw new Error(`no sheet: ${choice.problem.message.en}`);
  return validate(choice.sheet.grid, { plan, agency: AGENCY, period: PERIOD });
}
const taskI6 = (s: Submission | null | undefined) => s?.rows.find((r) => r.taskId === 'I.6');

describe('real-world files read as an upload', () => {
  for (const [name, right] of Object.entries(RIGHT)) {
    it(`${name}: ${right.findings.join(', ') || 'no findings'}`, () => {
      const r = upload(fixture(name));
      expect(codes(r.findings)).toEqual(right.findings);
      if (right.row) expect(taskI6(r.submission)).toMatchObject(right.row);
      else expect(r.ok).toBe(false);
    });
  }

  it('shared-strings-missing: a damaged file, as any other damage', () => {
    const book = readWorkbook(fixture('shared-strings-missing'));
    expect(book.ok).toBe(false);
    if (!book.ok) expect(book.problem.reason).toBe('corrupt');
  });

  it('a date in a 1904-system workbook is the same day', () => {
    // date-in-text-column, saved with "Use 1904 date system": the flag set
    // and the serial counted from 1904 (1,462 days fewer).
    const files = unzipSync(fixture('date-in-text-column'));
    const edit = (part: string, f: (xml: string) => string) => {
      const xml = files[part];
      if (!xml) throw new Error(`no ${part}`);
      files[part] = strToU8(f(strFromU8(xml)));
    };
    edit('xl/workbook.xml', (x) =>
      /<workbookPr\b/.test(x)
        ? x.replace(/<workbookPr\b/, '<workbookPr date1904="1"')
        : x.replace(/(<workbook\b[^>]*>)/, '$1<workbookPr date1904="1"/>'),
    );
    const sheet = Object.keys(files).find((p) => /worksheets\/sheet\d+\.xml$/.test(p)) ?? '';
    edit(sheet, (x) => x.replace('<v>46310</v>', `<v>${46310 - 1462}</v>`));
    expect(strFromU8(files[sheet] ?? new Uint8Array())).toContain(`<v>${46310 - 1462}</v>`);
    const r = upload(zipSync(files));
    expect(codes(r.findings)).toEqual([]);
    expect(taskI6(r.submission)?.completedProducts).toBe('15/10/2026');
  });
});

type Cell = [number, number, string | number | boolean | null, string | null, string, boolean];
interface Opened {
  sheet: string;
  date1904: boolean;
  cells: Cell[];
}

/**
 * What Excel calculates when it opens a file whose formulas were saved
 * without a value (the stand-in does not calculate; FakeExcel.open).
 */
const CALCULATED: Record<string, string | number> = {
  '=40+5': 45,
  '="Thiếu kinh phí; "&"chưa có cán bộ chuyên trách"':
    'Thiếu kinh phí; chưa có cán bộ chuyên trách',
};

describe('the same files opened in Excel and checked by the task pane', () => {
  const g = globalThis as unknown as Record<string, unknown>;
  const opened: Record<string, Opened> = {};
  beforeAll(async () => {
    const py = await openpyxlPython();
    const script = new URL('./readers/cells_xlsx.py', import.meta.url).pathname;
    for (const name of Object.keys(RIGHT)) {
      const path = new URL(`../fixtures/real-world/${name}.xlsx`, import.meta.url).pathname;
      const { stdout } = await run(py, [script, path], {
        env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
      });
      opened[name] = JSON.parse(stdout) as Opened;
    }
  }, 60_000);
  afterEach(() => {
    delete g.Excel;
  });

  async function pane(name: string) {
    const file = opened[name];
    if (!file?.sheet) throw new Error(`openpyxl found no progress sheet in ${name}`);
    const excel = new FakeExcel();
    excel.open(
      file.sheet,
      file.cells.map(([row, col, value, formula, numberFormat, isDate]) => ({
        row,
        col,
        value: value ?? (formula ? CALCULATED[formula] : undefined) ?? '',
        ...(formula ? { formula } : {}),
        // An ISO 8601 cell (t="d") has no date format of its own; Excel shows it as a date.
        numberFormat: isDate && numberFormat === 'General' ? 'yyyy-mm-dd' : numberFormat,
      })),
      file.date1904,
    );
    excel.install(g);
    const outcome = await checkActiveSheet(analyse(plan, AGENCY, PERIOD));
    expect(outcome.notProgressSheet).toBeUndefined();
    return outcome.result.validation;
  }

  for (const name of Object.keys(RIGHT)) {
    const calculatedInExcel = name.startsWith('formula-without-value');
    it(
      calculatedInExcel
        ? `${name}: Excel calculates the formula on opening, so the pane reads its value`
        : `${name}: the same values and findings as the upload`,
      async () => {
        const inExcel = await pane(name);
        if (calculatedInExcel) {
          const cell = name.endsWith('percent') ? 'G7' : 'J7';
          expect(codes(inExcel.findings)).toEqual([`CELL_FORMULA@${cell}`]);
          expect(inExcel.ok).toBe(true);
          return;
        }
        const uploaded = upload(fixture(name));
        expect(inExcel.findings).toEqual(uploaded.findings);
        expect(inExcel.submission).toEqual(uploaded.submission);
      },
    );
  }
});
