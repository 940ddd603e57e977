// The workbooks the Worker serves, opened by readers other than the writer:
// openpyxl (Debian's python3-openpyxl) and LibreOffice headless
// (libreoffice-calc-nogui), both installed by .ci/run. The workbooks are
// built in Node by the same pure builders the routes call, then:
//   (a) openpyxl reads every cell, style, merge, freeze pane, print setting,
//       validation and protection (tests/node/readers/read_xlsx.py);
//   (b) LibreOffice converts every sheet to CSV and every workbook to PDF;
//   (c) the merged workbook's first two PDF pages are kept as PNGs in
//       test-artifacts/ (git-ignored) for a person to look at.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOTTED } from '../../shared/documents/index.ts';
import { address, parseAddress } from '../../shared/layout/a1.ts';
import { buildLayout, COLUMNS, isTextColumn, STATUSES } from '../../shared/layout/index.ts';
import {
  buildMergedWorkbook,
  CONTINUED,
  DETAIL_HEADER,
  MERGED_SHEET_NAMES,
  type MergedInput,
  NOT_REPORTED,
  TIMELINESS_VI,
  taskPlanLine,
} from '../../worker/src/reports/merged.ts';
import { buildTemplateWorkbook } from '../../worker/src/reports/template.ts';
import type { Sheet, Workbook } from '../../worker/src/xlsx/types.ts';
import { writeXlsx } from '../../worker/src/xlsx/writer.ts';
import { parseCsv } from './readers/csv.ts';
import {
  AGENCY_NAMES,
  DOCUMENT,
  dataInput,
  emptyInput,
  HOSTILE,
  HOSTILE_AGENCY,
  HOSTILE_VILLAGE,
  LONG_DIFFICULTY,
  LONG_DIFFICULTY_END,
  LONG_RESULT,
  LONG_RESULT_END,
  MISSING,
  period,
  plan,
} from './readers/fixtures.ts';
import { openpyxlPython } from './readers/python.ts';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const TIMEOUT = 180_000;

interface PyCell {
  v: string | number | boolean | null;
  t: string;
  font: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: string | null;
  color: string | null;
  border: (string | null)[];
  wrap: boolean;
  h: string | null;
  vert: string | null;
  locked: boolean;
  fill: string | null;
  fmt: string;
}
interface PySheet {
  state: string;
  freeze_panes: string | null;
  merges: string[];
  print: {
    orientation: string;
    paperSize: number | null;
    fitToWidth: number | null;
    fitToHeight: number | null;
    fitToPage: boolean;
    print_title_rows: string | null;
    footer: string | null;
    footer_font: string | null;
    footer_size: number | null;
  };
  protection: boolean;
  validations: {
    type: string;
    sqref: string;
    formula1: string | null;
    formula2: string | null;
    operator: string | null;
    allow_blank: boolean;
    showErrorMessage: boolean;
    errorTitle: string | null;
    error: string | null;
  }[];
  widths: Record<string, number>;
  heights: Record<string, number>;
  row_breaks: { id: number; man: boolean }[];
  cells: Record<string, PyCell>;
}
interface PyBook {
  openpyxl: string;
  sheetnames: string[];
  sheets: Record<string, PySheet>;
}

// ---- the workbooks under test ----

const TEMPLATE_AGENCY = HOSTILE_AGENCY;
const books: Record<'merged' | 'empty' | 'template', { input?: MergedInput; model: Workbook }> = {
  merged: (() => {
    const input = dataInput();
    return { input, model: buildMergedWorkbook(input) };
  })(),
  empty: (() => {
    const input = emptyInput();
    return { input, model: buildMergedWorkbook(input) };
  })(),
  template: { model: buildTemplateWorkbook(plan, TEMPLATE_AGENCY, period()) },
};
type Name = keyof typeof books;
const NAMES = Object.keys(books) as Name[];

let dir = '';
let py: Record<string, PyBook> = {};
const csv: Record<string, string[][]> = {}; // "<book>/<sheet>" → rows
const pdfPages: Record<string, number> = {};
const logs: string[] = [];

const file = (name: Name, ext: string) => join(dir, `${name}.${ext}`);

/** One LibreOffice run; each profile is used by one run at a time (parallel runs clash otherwise). */
async function soffice(profile: string, args: string[]) {
  const { stdout, stderr } = await run(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, profile)}`, '--headless', ...args],
    { timeout: TIMEOUT, maxBuffer: 16 << 20 },
  );
  logs.push(stdout, stderr);
  return `${stdout}\n${stderr}`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-readers-'));
  for (const name of NAMES) writeFileSync(file(name, 'xlsx'), writeXlsx(books[name].model));
  const files = NAMES.map((n) => file(n, 'xlsx'));

  const reading = (async () => {
    const { stdout } = await run(
      await openpyxlPython(),
      [join(here, 'readers', 'read_xlsx.py'), ...files],
      {
        maxBuffer: 256 << 20,
        timeout: TIMEOUT,
        env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
      },
    );
    py = JSON.parse(stdout) as Record<string, PyBook>;
  })();

  // LibreOffice: every sheet of every file to its own CSV (-1) in one start, then the
  // small files to PDF; the merged workbook (~95 pages) goes to PDF alongside, in its
  // own profile, to use both cores.
  const outCsv = join(dir, 'csv');
  const outPdf = join(dir, 'pdf');
  const small = (async () => {
    await soffice('lo-a', [
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1',
      '--outdir',
      outCsv,
      ...files,
    ]);
    await soffice('lo-a', [
      '--convert-to',
      'pdf',
      '--outdir',
      outPdf,
      file('empty', 'xlsx'),
      file('template', 'xlsx'),
    ]);
  })();
  const large = soffice('lo-b', [
    '--convert-to',
    'pdf',
    '--outdir',
    outPdf,
    file('merged', 'xlsx'),
  ]);
  const converting = (async () => {
    await Promise.all([small, large]);
    for (const name of NAMES) {
      for (const sheet of books[name].model.sheets) {
        const path = join(outCsv, `${name}-${sheet.name}.csv`);
        if (existsSync(path)) csv[`${name}/${sheet.name}`] = parseCsv(readFileSync(path, 'utf8'));
      }
      const pdf = join(outPdf, `${name}.pdf`);
      if (!existsSync(pdf)) continue;
      const { stdout } = await run('pdfinfo', [pdf]);
      pdfPages[name] = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
      logs.push(stdout);
    }
    // For a person to look at: the merged workbook, its PDF and the PDF's first page.
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(file('merged', 'xlsx'), join(ARTIFACTS, 'merged-2026-Q1.xlsx'));
    copyFileSync(join(outPdf, 'merged.pdf'), join(ARTIFACTS, 'merged-2026-Q1.pdf'));
    copyFileSync(
      file('template', 'xlsx'),
      join(ARTIFACTS, `template-${TEMPLATE_AGENCY}-2026-Q1.xlsx`),
    );
    // Page 1 (Tổng hợp) and page 2 (the first of Chi tiết).
    for (const n of ['1', '2']) {
      await run('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        n,
        '-l',
        n,
        '-singlefile',
        join(outPdf, 'merged.pdf'),
        join(ARTIFACTS, `merged-2026-Q1-page${n}`),
      ]);
    }
  })();
  await Promise.all([reading, converting]);
}, TIMEOUT);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---- expectations drawn from the model ----

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const hex4 = (ch: string) => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** What every reader must give back for a text: Excel keeps line breaks as "\n". */
const exact = (s: string) => s.replace(/\r\n?/g, '\n');
/**
 * openpyxl 3.0 (Debian 12) does not decode the standard _xHHHH_ escapes of
 * control characters in shared strings, so it shows "\u0001" as "_x0001_";
 * LibreOffice decodes them (checked below through CSV).
 */
const openpyxlLegacy = (s: string) => exact(s).replace(CONTROL, (ch) => `_x${hex4(ch)}_`);

/** The model's cells by A1 address; cells merged into another one are left out (readers skip them). */
function modelCells(sheet: Sheet) {
  const hidden = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const [a, b] = m.split(':').map((x) => parseAddress(x));
    if (!a || !b) continue;
    for (let r = a.row; r <= b.row; r++) {
      for (let c = a.col; c <= b.col; c++)
        if (r !== a.row || c !== a.col) hidden.add(address(r, c));
    }
  }
  const out = new Map<string, NonNullable<Sheet['rows'][number]['cells'][number]>>();
  for (const row of sheet.rows) {
    row.cells.forEach((c, i) => {
      const ref = address(row.index, i + 1);
      if (c && !hidden.has(ref)) out.set(ref, c);
    });
  }
  return out;
}

function findCell(sheet: Sheet, value: string): string {
  for (const [ref, c] of modelCells(sheet)) if (c.value === value) return ref;
  throw new Error(`${sheet.name}: no cell holds ${JSON.stringify(value.slice(0, 40))}`);
}

/**
 * The cells of column E (Kết quả) that print `text`, the result of the
 * agency row labelled `label`, in order: that row, then its "(tiếp)" rows.
 */
function resultPieces(detail: Sheet, label: string, text: string): [string, string][] {
  const rows = detail.rows;
  const at = rows.findIndex(
    (r) =>
      r.cells[1]?.value === label &&
      typeof r.cells[4]?.value === 'string' &&
      text.startsWith(r.cells[4].value),
  );
  const out: [string, string][] = [];
  for (let k = at; k >= 0 && k < rows.length; k++) {
    const row = rows[k] as Sheet['rows'][number];
    if (k > at && row.cells[1]?.value !== `${label} ${CONTINUED}`) break;
    out.push([`E${row.index}`, String(row.cells[4]?.value)]);
  }
  return out;
}
const longPieces = (detail: Sheet) =>
  resultPieces(detail, `${AGENCY_NAMES['THON-01']} (chủ trì)`, HOSTILE.long);

const sheetOf = (name: Name, sheet: string) => {
  const s = books[name].model.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`${name} has no sheet ${sheet}`);
  return s;
};
const pyBook = (name: Name) => py[file(name, 'xlsx')] as PyBook;
const pySheet = (name: Name, sheet: string) => pyBook(name).sheets[sheet] as PySheet;

// ---- (a) openpyxl ----

describe('openpyxl reads what the writer wrote', () => {
  it('the sheet names, in order', () => {
    expect(pyBook('merged').sheetnames).toEqual([
      'Tổng hợp',
      'Chi tiết',
      'Khó khăn - Kiến nghị',
      'Tình hình nộp báo cáo',
    ]);
    expect(pyBook('empty').sheetnames).toEqual(Object.values(MERGED_SHEET_NAMES));
    expect(pyBook('template').sheetnames).toEqual([`${TEMPLATE_AGENCY} 2026-Q1`]);
  });

  it.each(NAMES)(
    '%s: every cell holds the model’s value and style, and no cell is a formula',
    (name) => {
      for (const sheet of books[name].model.sheets) {
        const got = pySheet(name, sheet.name);
        const want = modelCells(sheet);
        for (const [ref, c] of Object.entries(got.cells)) {
          expect(c.t, `${sheet.name}!${ref}`).not.toBe('f');
          if (c.v !== null)
            expect(want.has(ref), `${sheet.name}!${ref} is not in the model`).toBe(true);
        }
        for (const [ref, m] of want) {
          const label = `${sheet.name}!${ref}`;
          const c = got.cells[ref];
          const s = m.style ?? {};
          if (m.value === null && !m.style) continue;
          expect(c, label).toBeDefined();
          if (!c) continue;
          if (typeof m.value === 'string') {
            expect(c.t, label).toBe('s');
            expect([exact(m.value), openpyxlLegacy(m.value)], label).toContain(c.v);
          } else if (typeof m.value === 'number') {
            expect(c.t, label).toBe('n');
            expect(c.v, label).toBe(m.value);
          } else {
            expect(c.v, label).toBe(m.value);
          }
          expect(c.font, label).toBe('Times New Roman');
          expect(c.size, label).toBe(s.font?.size ?? 12);
          expect(c.bold, label).toBe(!!s.font?.bold);
          expect(c.italic, label).toBe(!!s.font?.italic);
          expect(c.underline, label).toBe(s.font?.underline ? 'single' : null);
          expect(c.color, label).toBe(s.font?.color ? `FF${s.font.color}` : null);
          expect(c.border, label).toEqual(
            s.border ? ['thin', 'thin', 'thin', 'thin'] : [null, null, null, null],
          );
          expect(c.wrap, label).toBe(!!s.wrap);
          expect(c.h, label).toBe(s.horizontal ?? null);
          expect(c.vert, label).toBe(s.vertical ?? null);
          expect(c.fill, label).toBe(s.fill ? `FF${s.fill}` : null);
          expect(c.locked, label).toBe(s.locked !== false);
          expect(c.fmt, label).toBe(s.numberFormat ?? 'General');
        }
      }
    },
  );

  it.each(NAMES)('%s: merges, frozen panes, widths, heights and print settings', (name) => {
    for (const sheet of books[name].model.sheets) {
      const got = pySheet(name, sheet.name);
      expect(got.state).toBe('visible');
      expect(got.merges, sheet.name).toEqual([...(sheet.merges ?? [])].sort());
      expect(got.freeze_panes, sheet.name).toBe(
        sheet.freeze ? address(sheet.freeze.row, sheet.freeze.col) : null,
      );
      (sheet.columns ?? []).forEach((c, i) => {
        expect(got.widths[String.fromCharCode(65 + i)], `${sheet.name} column ${i + 1}`).toBe(
          c.width,
        );
      });
      for (const row of sheet.rows) {
        if (row.height)
          expect(got.heights[String(row.index)], `${sheet.name} row ${row.index}`).toBe(row.height);
      }
      expect(got.row_breaks, sheet.name).toEqual(
        (sheet.rowBreaks ?? []).map((r) => ({ id: r - 1, man: true })),
      );
      expect(got.print, sheet.name).toEqual({
        orientation: 'landscape',
        paperSize: 9, // A4
        fitToWidth: 1,
        fitToHeight: sheet.print?.fitToHeight ? 1 : 0,
        fitToPage: true,
        print_title_rows: sheet.print?.repeatRows
          ? `$${sheet.print.repeatRows[0]}:$${sheet.print.repeatRows[1]}`
          : null,
        // openpyxl parses the footer codes: the text, then font and size apart.
        ...(sheet.print?.footer
          ? { footer: 'Trang &P/&N', footer_font: 'Times New Roman,Regular', footer_size: 11 }
          : { footer: null, footer_font: null, footer_size: null }),
      });
    }
  });

  it('the print look: Times New Roman, bold bordered headers, bordered wrapped body cells', () => {
    const headerRows: Record<string, number[]> = {
      [MERGED_SHEET_NAMES.detail]: [4],
      [MERGED_SHEET_NAMES.issues]: [4],
      [MERGED_SHEET_NAMES.submissions]: [4],
    };
    for (const name of ['merged', 'empty'] as const) {
      for (const [sheet, rows] of Object.entries(headerRows)) {
        const cells = pySheet(name, sheet).cells;
        const headers = Object.entries(cells).filter(([ref]) =>
          rows.includes(Number(/\d+$/.exec(ref)?.[0])),
        );
        expect(headers.length, sheet).toBeGreaterThanOrEqual(6);
        for (const [ref, c] of headers) {
          expect(c, `${sheet}!${ref}`).toMatchObject({
            bold: true,
            wrap: true,
            border: ['thin', 'thin', 'thin', 'thin'],
          });
        }
        const body = Object.entries(cells).filter(
          ([ref]) => Number(/\d+$/.exec(ref)?.[0]) > Math.max(...rows),
        );
        expect(body.length, sheet).toBeGreaterThan(0);
        for (const [ref, c] of body) {
          if (typeof c.v === 'string' && c.v.length > 30 && !c.v.startsWith('Tổng cộng')) {
            expect(c, `${sheet}!${ref}`).toMatchObject({
              wrap: true,
              border: ['thin', 'thin', 'thin', 'thin'],
            });
          }
        }
      }
      for (const sheet of Object.values(pyBook(name).sheets)) {
        for (const c of Object.values(sheet.cells)) expect(c.font).toBe('Times New Roman');
      }
      // Every table header of the summary is bold and bordered too.
      const summary = pySheet(name, MERGED_SHEET_NAMES.summary).cells;
      for (const label of ['Chỉ tiêu', 'Số cơ quan', 'Nội dung', 'Số nhiệm vụ', NOT_REPORTED]) {
        const c = Object.values(summary).find((x) => x.v === label);
        expect(c, label).toMatchObject({ bold: true, border: ['thin', 'thin', 'thin', 'thin'] });
      }
    }
    const template = pySheet('template', `${TEMPLATE_AGENCY} 2026-Q1`).cells;
    expect(template.A1).toMatchObject({ bold: true, size: 14, h: 'center' });
    for (const col of 'ABCDEFGHIJK') {
      expect(template[`${col}6`], `${col}6`).toMatchObject({
        bold: true,
        wrap: true,
        border: ['thin', 'thin', 'thin', 'thin'],
      });
      expect(template[`${col}7`], `${col}7`).toMatchObject({
        wrap: true,
        border: ['thin', 'thin', 'thin', 'thin'],
      });
    }
  });

  it('hostile strings come back as text, exactly', () => {
    const detail = sheetOf('merged', MERGED_SHEET_NAMES.detail);
    const cells = pySheet('merged', MERGED_SHEET_NAMES.detail).cells;
    for (const s of [
      HOSTILE.formula,
      HOSTILE.plus,
      HOSTILE.minus,
      HOSTILE.at,
      HOSTILE.escapeLiteral,
      HOSTILE.nfc,
    ]) {
      const c = cells[findCell(detail, s)];
      expect(c).toMatchObject({ v: s, t: 's' });
    }
    expect(cells[findCell(detail, HOSTILE.crlf)]?.v).toBe(
      'Dòng thứ nhất\nDòng thứ hai\nDòng thứ ba',
    );
    const nfc = cells[findCell(detail, HOSTILE.nfc)]?.v as string;
    expect(nfc.normalize('NFC')).toBe(nfc);
    // The 20,000-character text runs over "(tiếp)" rows: every character is there, in order.
    const long = longPieces(detail);
    expect(long.length).toBeGreaterThan(10);
    for (const [ref, piece] of long) expect(cells[ref]?.v, ref).toBe(piece);
    expect(long.map(([, p]) => p).join(' ')).toBe(HOSTILE.long.trim());
    // Control characters: openpyxl 3.0 shows Excel's escape, never a corrupt file or a lost character.
    expect([HOSTILE.control, openpyxlLegacy(HOSTILE.control)]).toContain(
      cells[findCell(detail, HOSTILE.control)]?.v,
    );
    // A renamed village that looks like a formula is a text too, on every sheet that names it.
    expect(cells[findCell(detail, `${HOSTILE_VILLAGE} (chủ trì)`)]).toMatchObject({ t: 's' });
    const subs = pySheet('merged', MERGED_SHEET_NAMES.submissions).cells;
    expect(Object.values(subs).filter((c) => c.v === HOSTILE_VILLAGE)).toHaveLength(1);
    // The percent of the hostile row is a number.
    expect(Object.values(cells).some((c) => c.v === 45.5 && c.t === 'n')).toBe(true);
  });

  it('Tổng hợp: the Decree 30 header block, the title and the counts', () => {
    const s = pySheet('merged', MERGED_SHEET_NAMES.summary);
    // The document settings (neutral placeholders in the fixture), as Decree 30 lays them out.
    expect(s.cells.A1).toMatchObject({ v: DOCUMENT.parentBody, bold: false, h: 'center' });
    expect(s.cells.A2).toMatchObject({ v: DOCUMENT.issuingBody, bold: true });
    expect(s.cells.A3).toMatchObject({ v: 'Số: ……/BC-TN', bold: false });
    expect(s.cells.E1).toMatchObject({ v: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true });
    expect(s.cells.E2).toMatchObject({ v: 'Độc lập - Tự do - Hạnh phúc', bold: true });
    expect(s.cells.E3).toMatchObject({
      v: 'Nơi thử nghiệm, ngày 20 tháng 3 năm 2026',
      italic: true,
    });
    expect(s.merges).toEqual(
      expect.arrayContaining(['A1:D1', 'E1:I1', 'A2:D2', 'E2:I2', 'A3:D3', 'E3:I3']),
    );
    const values = Object.values(s.cells).map((c) => c.v);
    expect(values).toContain('BÁO CÁO');
    expect(values).toContain(
      'Kết quả thực hiện Kế hoạch số 58/KH-UBND về giảm nghèo bền vững trên địa bàn huyện Lý Sơn đến năm 2030',
    );
    expect(values).toContain('Quý I năm 2026 (số liệu từ 15/12/2025 đến 14/03/2026)');

    // Completeness: label in B, count in C.
    const row = (label: string) => {
      const ref = Object.entries(s.cells).find(([, c]) => c.v === label)?.[0] ?? '';
      const r = ref.slice(1);
      return [s.cells[`C${r}`]?.v, s.cells[`D${r}`]?.v];
    };
    const input = books.merged.input as MergedInput;
    const expected = input.completeness.length;
    expect(row('Cơ quan, đơn vị phải báo cáo')).toEqual([16, 100]);
    expect(row('Đã nộp báo cáo')[0]).toBe(expected - MISSING.length);
    expect(row('- Trễ hạn')[0]).toBe(1);
    expect(row('Chưa nộp báo cáo')).toEqual([
      MISSING.length,
      Math.round((MISSING.length / 16) * 1000) / 10,
    ]);

    // Counts by status, whole plan: every (task, responsible agency) pair once.
    const totalRef = Object.entries(s.cells).find(([, c]) => c.v === 'Toàn Kế hoạch')?.[0] ?? '';
    const r = totalRef.slice(1);
    const [tasks, pairs, ...rest] = ['C', 'D', 'E', 'F', 'G', 'H', 'I'].map(
      (col) => s.cells[`${col}${r}`]?.v as number,
    );
    expect(tasks).toBe(plan.tasks.length);
    let allPairs = 0;
    const counts = new Map<string, number>();
    const rowsOf = new Map(input.reports.map((x) => [x.agencyCode, x.rows]));
    for (const t of plan.tasks) {
      const resp = plan.responsible(t.id);
      for (const code of [...(resp?.lead ?? []), ...(resp?.coordinating ?? [])]) {
        allPairs++;
        const status = rowsOf.get(code)?.find((x) => x.taskId === t.id)?.status ?? 'missing';
        counts.set(status, (counts.get(status) ?? 0) + 1);
      }
    }
    expect(pairs).toBe(allPairs);
    expect(rest).toEqual([
      ...STATUSES.map((st) => counts.get(st.code) ?? 0),
      counts.get('missing') ?? 0,
    ]);
    expect(rest.reduce((a, b) => a + b, 0)).toBe(allPairs);
  });

  it('Chi tiết: one header row, appendix order, a task then its agencies, lead first, each row numbered', () => {
    const s = pySheet('merged', MERGED_SHEET_NAMES.detail);
    const model = sheetOf('merged', MERGED_SHEET_NAMES.detail);
    expect([...'ABCDEFGH'].map((c) => s.cells[`${c}4`]?.v)).toEqual([...DETAIL_HEADER]);
    expect(s.cells.A5?.v).toBe(plan.def.sections[0]?.id);
    // Column A: every row under the header names its section or task; read
    // without repeats, it is the appendix's order.
    const last = Math.max(...model.rows.map((r) => r.index));
    const colA: string[] = [];
    for (let r = 5; r <= last; r++) {
      const v = s.cells[`A${r}`]?.v;
      expect(typeof v, `A${r}`).toBe('string');
      if (colA.at(-1) !== v) colA.push(v as string);
    }
    expect(colA).toEqual(
      plan.def.sections.flatMap((sec) => [
        sec.id,
        ...plan.tasks.filter((t) => t.section === sec.id).map((t) => t.id),
      ]),
    );
    // Task I.1: its content, then what the plan fixes, then its agencies.
    const rowsOf = (id: string) =>
      Object.entries(s.cells)
        .filter(([ref, c]) => /^A\d+$/.test(ref) && c.v === id)
        .map(([ref]) => Number(ref.slice(1)));
    const i1 = rowsOf('I.1');
    const first = i1[0] as number;
    const task = plan.task('I.1');
    if (!task) throw new Error('no task I.1');
    expect(s.cells[`B${first}`]).toMatchObject({ v: task.content, bold: true });
    expect(s.cells[`B${first + 1}`]?.v).toBe(taskPlanLine(task));
    expect(taskPlanLine(task)).toContain(`Cơ quan chủ trì: ${task.lead.text}`);
    expect(s.merges).toEqual(expect.arrayContaining([`B${first}:H${first}`]));
    const resp = plan.responsible('I.1');
    const names = (books.merged.input as MergedInput).agencyNames ?? {};
    const expected = [
      ...(resp?.lead ?? []).map((c) => `${names[c]} (chủ trì)`),
      ...(resp?.coordinating ?? []).map((c) => `${names[c]} (phối hợp)`),
    ];
    const agencies = i1
      .slice(2)
      .map((r) => s.cells[`B${r}`]?.v)
      .filter((v) => !String(v).endsWith(CONTINUED));
    expect(agencies).toEqual(expected);
    // A missing agency says so in the status column.
    const mttq =
      Object.entries(s.cells).find(([, c]) => c.v === `${names.MTTQ} (phối hợp)`)?.[0] ?? '';
    expect(s.cells[`C${mttq.slice(1)}`]).toMatchObject({ v: NOT_REPORTED, italic: true });
  });

  it('Chi tiết: a 4,000-character result goes on in "(tiếp)" rows, each under 409 points', () => {
    const s = pySheet('merged', MERGED_SHEET_NAMES.detail);
    expect(LONG_RESULT.length).toBeGreaterThan(3_950);
    expect(LONG_RESULT.length).toBeLessThanOrEqual(4_000);
    const label = `${AGENCY_NAMES['THON-02']} (chủ trì)`;
    const model = sheetOf('merged', MERGED_SHEET_NAMES.detail);
    const refs = resultPieces(model, label, LONG_RESULT).map(([ref]) => Number(ref.slice(1)));
    const start = refs[0] as number;
    const pieces = refs.map((r) => s.cells[`E${r}`]?.v as string);
    expect(s.cells[`B${start}`]?.v).toBe(label);
    for (const r of refs.slice(1)) {
      expect(s.cells[`A${r}`]?.v, `A${r}`).toBe(s.cells[`A${start}`]?.v);
      expect(s.cells[`B${r}`]?.v, `B${r}`).toBe(`${label} ${CONTINUED}`);
      expect(s.cells[`C${r}`]?.v ?? null, `C${r}`).toBeNull();
    }
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join(' ')).toBe(LONG_RESULT);
    // Cut after a sentence: every piece but the last ends one.
    for (const p of pieces.slice(0, -1)) expect(p, p.slice(-40)).toMatch(/[.;:]$/);
    for (const k of refs) expect(s.heights[String(k)], `row ${k}`).toBeLessThan(409);
  });

  it('Khó khăn - Kiến nghị: every non-empty difficulty and proposal, with agency and task', () => {
    const s = pySheet('merged', MERGED_SHEET_NAMES.issues);
    const input = books.merged.input as MergedInput;
    const names = input.agencyNames ?? {};
    const expected: string[][] = [];
    for (const t of plan.tasks) {
      const resp = plan.responsible(t.id);
      for (const code of [...(resp?.lead ?? []), ...(resp?.coordinating ?? [])]) {
        const r = input.reports
          .find((x) => x.agencyCode === code)
          ?.rows.find((x) => x.taskId === t.id);
        if (r && (r.difficulties.trim() || r.proposals.trim())) {
          expected.push([t.id, names[code] ?? code, exact(r.difficulties), exact(r.proposals)]);
        }
      }
    }
    expect(expected.length).toBeGreaterThan(10);
    // Each entry: its row (numbered in A), then its "(tiếp)" rows, if any,
    // with the task's number and the rest of its texts.
    const got: (string | number | boolean | null | undefined)[][] = [];
    let r = 5;
    let continued = 0;
    for (let k = 0; k < expected.length; k++) {
      expect(s.cells[`A${r}`]?.v, `A${r}`).toBe(k + 1);
      const entry = [s.cells[`B${r}`]?.v, s.cells[`D${r}`]?.v];
      const d = [s.cells[`E${r}`]?.v ?? ''];
      const p = [s.cells[`F${r}`]?.v ?? ''];
      for (r++; s.cells[`D${r}`]?.v === `${entry[1]} ${CONTINUED}`; r++) {
        continued++;
        expect(s.cells[`B${r}`]?.v, `B${r}`).toBe(entry[0]);
        expect(s.cells[`A${r}`]?.v ?? null, `A${r}`).toBeNull();
        for (const [col, parts] of [
          ['E', d],
          ['F', p],
        ] as const) {
          const v = s.cells[`${col}${r}`]?.v;
          if (v) parts.push(v);
        }
      }
      got.push([...entry, d.filter(Boolean).join(' '), p.filter(Boolean).join(' ')]);
    }
    expect(got).toEqual(expected);
    expect(s.cells[`A${r}`]).toBeUndefined();
    // The 2,000-character difficulty runs over "(tiếp)" rows.
    expect(continued).toBeGreaterThan(0);
    expect(got.some((x) => x[2] === LONG_DIFFICULTY)).toBe(true);
    expect(got.some((r) => r[2] === HOSTILE.minus && r[3] === HOSTILE.at)).toBe(true);
  });

  it('Tình hình nộp báo cáo: version, received time in Vietnam time, timeliness, review', () => {
    const s = pySheet('merged', MERGED_SHEET_NAMES.submissions);
    const input = books.merged.input as MergedInput;
    input.completeness.forEach((c, k) => {
      const r = 5 + k;
      expect(s.cells[`A${r}`]?.v).toBe(k + 1);
      expect(s.cells[`B${r}`]?.v).toBe(input.agencyNames?.[c.agencyCode]);
      expect(s.cells[`F${r}`]?.v).toBe(TIMELINESS_VI[c.status]);
    });
    const row = 5 + input.completeness.findIndex((c) => c.agencyCode === 'P-KTHT');
    // 2026-03-18T16:59Z is 23:59 in Vietnam; version 3 is the latest, version 2 (accepted) is merged.
    expect([
      s.cells[`C${row}`]?.v,
      s.cells[`D${row}`]?.v,
      s.cells[`G${row}`]?.v,
      s.cells[`H${row}`]?.v,
    ]).toEqual([3, '18/03/2026 23:59', 'Chờ xem xét', 2]);
    const late = 5 + input.completeness.findIndex((c) => c.agencyCode === 'P-GDDT');
    expect([s.cells[`E${late}`]?.v, s.cells[`F${late}`]?.v]).toEqual([
      '25/03/2026 09:15',
      'Trễ hạn',
    ]);
    expect(Object.values(s.cells).filter((c) => c.v === 'Chưa nộp')).toHaveLength(MISSING.length);
    expect(Object.values(s.cells).filter((c) => c.v === 'Đã tiếp nhận').length).toBeGreaterThan(0);
  });

  it('an empty period: every agency "Chưa nộp", nothing invented', () => {
    const detail = pySheet('empty', MERGED_SHEET_NAMES.detail);
    const values = Object.values(detail.cells).map((c) => c.v);
    let pairs = 0;
    for (const t of plan.tasks) {
      const r = plan.responsible(t.id);
      pairs += (r?.lead.length ?? 0) + (r?.coordinating.length ?? 0);
    }
    expect(values.filter((v) => v === NOT_REPORTED)).toHaveLength(pairs);
    expect(values.filter((v) => typeof v === 'number')).toEqual([]);
    const subs = Object.values(pySheet('empty', MERGED_SHEET_NAMES.submissions).cells).map(
      (c) => c.v,
    );
    expect(subs.filter((v) => v === 'Chưa nộp')).toHaveLength(16);
    expect(subs).toContain(
      'Tổng cộng: 16 phải báo cáo; đã nộp 0 (đúng hạn 0, trễ hạn 0); chưa nộp 16',
    );
    const issues = Object.values(pySheet('empty', MERGED_SHEET_NAMES.issues).cells).map((c) => c.v);
    expect(issues).toContain(
      'Các báo cáo đã nhận không nêu khó khăn, vướng mắc hay đề xuất, kiến nghị nào.',
    );
    const summary = pySheet('empty', MERGED_SHEET_NAMES.summary).cells;
    expect(Object.values(summary).map((c) => c.v)).toContain(
      '6 tháng đầu năm 2026 (số liệu từ 15/12/2025 đến 14/06/2026)',
    );
    // 2026-07-01T17:30Z is 2 July in Vietnam.
    expect(summary.E3?.v).toBe(`${DOTTED}, ngày 02 tháng 7 năm 2026`);
    // Decree 30: a rule under the issuing body's name (here unset, so dotted), as under the motto.
    const issuer = Object.entries(summary).find(
      ([at, c]) => /^[A-C][1-3]$/.test(at) && c.v === DOTTED && c.bold,
    );
    expect(issuer?.[1].underline).toBe('single');
  });

  it('every merged sheet numbers its pages in the footer; the tables repeat their header rows', () => {
    const titles: Record<string, string | null> = {
      [MERGED_SHEET_NAMES.summary]: null,
      [MERGED_SHEET_NAMES.detail]: '$4:$4',
      [MERGED_SHEET_NAMES.issues]: '$4:$4',
      [MERGED_SHEET_NAMES.submissions]: '$4:$4',
    };
    for (const book of ['merged', 'empty'] as const) {
      for (const [name, rows] of Object.entries(titles)) {
        const p = pySheet(book, name).print;
        expect(p.footer, `${book}/${name}`).toBe('Trang &P/&N');
        expect(p.footer_font, `${book}/${name}`).toBe('Times New Roman,Regular');
        expect(p.footer_size, `${book}/${name}`).toBe(11);
        expect(p.print_title_rows, `${book}/${name}`).toBe(rows);
      }
    }
  });

  it('the template: the shared layout, locked fixed cells, unlocked fillable cells, validations, protection', () => {
    const layout = buildLayout(plan, TEMPLATE_AGENCY, period());
    const s = pySheet('template', `${TEMPLATE_AGENCY} 2026-Q1`);
    expect(s.protection).toBe(true);
    expect(s.freeze_panes).toBe('A7');
    expect(s.print.print_title_rows).toBe('$6:$6');
    // Numbered like the merged sheets: a filled template can run to many pages.
    expect(s.print.footer).toBe('Trang &P/&N');
    layout.titleRows.forEach((t, i) => {
      expect(s.cells[`A${i + 1}`]?.v).toBe(t);
    });
    expect(s.cells.A5).toMatchObject({ v: layout.metadataText, locked: true });
    COLUMNS.forEach((c, i) => {
      const col = String.fromCharCode(65 + i);
      expect(s.cells[`${col}6`]).toMatchObject({ v: c.header.vi, bold: true, locked: true });
      expect(s.widths[col]).toBe(c.width);
      for (const t of layout.tasks) {
        const cell = s.cells[`${col}${t.row}`];
        expect(cell?.locked, `${col}${t.row}`).toBe(c.fixed);
        // Free text keeps what is typed: Excel's Text format (built-in 49, '@').
        expect(cell?.fmt, `${col}${t.row}`).toBe(isTextColumn(c) ? '@' : 'General');
        if (c.fixed) expect(cell?.v).toBe(t.fixed[c.key as keyof typeof t.fixed]);
        else expect(cell?.v ?? null).toBeNull();
      }
    });
    const last = layout.lastRow;
    expect(s.validations).toEqual([
      {
        type: 'list',
        sqref: `F7:F${last}`,
        formula1: `"${STATUSES.map((x) => x.vi).join(',')}"`,
        formula2: null,
        operator: null,
        allow_blank: true,
        showErrorMessage: true,
        errorTitle: 'Tình trạng không hợp lệ',
        error: expect.stringContaining('Hoàn thành'),
      },
      expect.objectContaining({
        type: 'decimal',
        sqref: `G7:G${last}`,
        formula1: '0',
        formula2: '100',
        operator: 'between',
      }),
      expect.objectContaining({
        type: 'textLength',
        sqref: `H7:H${last}`,
        formula1: '0',
        formula2: '4000',
      }),
      expect.objectContaining({
        type: 'textLength',
        sqref: `I7:I${last}`,
        formula1: '0',
        formula2: '2000',
      }),
      expect.objectContaining({
        type: 'textLength',
        sqref: `J7:J${last}`,
        formula1: '0',
        formula2: '2000',
      }),
      expect.objectContaining({
        type: 'textLength',
        sqref: `K7:K${last}`,
        formula1: '0',
        formula2: '2000',
      }),
    ]);
  });
});

// ---- (b) LibreOffice ----

describe('LibreOffice headless opens and converts every workbook', () => {
  it.each(NAMES)('%s: every sheet converts to CSV with every cell’s text exactly', (name) => {
    expect(logs.join('\n')).not.toMatch(/Error:|could not be loaded|failed to load/i);
    for (const sheet of books[name].model.sheets) {
      const grid = csv[`${name}/${sheet.name}`];
      expect(grid, `${name}: no CSV for sheet ${sheet.name}`).toBeDefined();
      if (!grid) continue;
      const want = modelCells(sheet);
      for (const [ref, m] of want) {
        const r = Number(/\d+$/.exec(ref)?.[0]) - 1;
        const c = ref.charCodeAt(0) - 65;
        const got = grid[r]?.[c] ?? '';
        if (typeof m.value === 'string') expect(got, `${sheet.name}!${ref}`).toBe(exact(m.value));
        else if (typeof m.value === 'number')
          expect(Number(got), `${sheet.name}!${ref}`).toBe(m.value);
        else if (m.value === null) expect(got, `${sheet.name}!${ref}`).toBe('');
      }
      // Nothing in the CSV that the model does not have.
      grid.forEach((row, r) => {
        row.forEach((v, c) => {
          const ref = address(r + 1, c + 1);
          if (v !== '') expect(want.get(ref)?.value, `${sheet.name}!${ref}`).toBeDefined();
        });
      });
    }
  });

  it('keeps control characters, "_x0041_" and formulas-to-be as text', () => {
    const grid = csv[`merged/${MERGED_SHEET_NAMES.detail}`] ?? [];
    const all = grid.flat();
    const { long, ...short } = HOSTILE;
    for (const s of Object.values(short)) expect(all).toContain(exact(s));
    // The long text over its "(tiếp)" rows, every piece in its cell.
    for (const [ref, piece] of longPieces(sheetOf('merged', MERGED_SHEET_NAMES.detail))) {
      const { row, col } = parseAddress(ref) ?? { row: 0, col: 0 };
      expect(grid[row - 1]?.[col - 1], ref).toBe(piece);
    }
    expect(all).toContain('Ký tự điều khiển:\u0001\u0007 hết');
  });

  it.each(NAMES)('%s: converts to PDF', (name) => {
    expect(pdfPages[name], `${name}.pdf`).toBeGreaterThan(0);
  });

  it('the merged workbook prints on A4 landscape, the summary on one page; its first page is kept as a PNG', async () => {
    const pdf = join(ARTIFACTS, 'merged-2026-Q1.pdf');
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '1', pdf]);
    const [, w, h] = /Page\s+1 size:\s+([\d.]+) x ([\d.]+)/.exec(stdout) ?? [];
    expect(Math.round(Number(w))).toBe(842);
    expect(Math.round(Number(h))).toBe(595);
    const page = (n: number) =>
      run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']).then((r) =>
        r.stdout.normalize('NFC').replace(/\s+/g, ' '),
      );
    const first = await page(1);
    // Every character of a 4,000-character result is printed: its last sentence too.
    const all = (await run('pdftotext', [pdf, '-'])).stdout.normalize('NFC').replace(/\s+/g, ' ');
    expect(all).toContain(LONG_RESULT_END);
    // And of a 2,000-character difficulty, on Chi tiết and on Khó khăn - Kiến nghị.
    expect(all.split(LONG_DIFFICULTY_END)).toHaveLength(3);
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // The footer's page number, counted over the whole printout by LibreOffice.
    expect(first).toMatch(/Trang 1\/\d+/);
    expect(first).toContain('Toàn Kế hoạch');
    // The summary fits one page: the detail sheet starts on page 2.
    expect(await page(2)).toContain('CHI TIẾT KẾT QUẢ THỰC HIỆN NHIỆM VỤ');
    // Chi tiết breaks where its row breaks say and nowhere else: its pages run
    // up to the page where Khó khăn - Kiến nghị starts.
    const breaks = sheetOf('merged', MERGED_SHEET_NAMES.detail).rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(10);
    const issuesPage = 2 + breaks.length + 1;
    expect(await page(issuesPage)).toContain('TỔNG HỢP KHÓ KHĂN, VƯỚNG MẮC');
    expect(await page(issuesPage - 1)).not.toContain('TỔNG HỢP KHÓ KHĂN, VƯỚNG MẮC');
    const png = readFileSync(join(ARTIFACTS, 'merged-2026-Q1-page1.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // 80 dpi A4 landscape: about 936 × 662 pixels (IHDR width and height).
    expect(Math.abs(png.readUInt32BE(16) - 936)).toBeLessThanOrEqual(2);
    expect(Math.abs(png.readUInt32BE(20) - 662)).toBeLessThanOrEqual(2);
  });
});
