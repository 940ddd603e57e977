// shared/workbook: an .xlsx → the progress sheet as the grids the add-in
// reads from Excel, so validate() gives the same findings. Files come from
// our own template writer (as GET …/template.xlsx makes them), with cells
// rewritten in the sheet XML for the kinds other applications write (inline
// and rich strings, formulas with cached values, errors, booleans, dates),
// and from crafted broken zips.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { CellObject } from '@e965/xlsx';
import { deflateSync, inflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { COLUMNS, TEXT_LIMITS } from '../../shared/layout/columns.ts';
import { buildLayout, layoutToGrid } from '../../shared/layout/sheet.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import { validate } from '../../shared/validate/index.ts';
import { planSheets } from '../../shared/workbook/candidates.ts';
import { inflateAtMost } from '../../shared/workbook/entry-data.ts';
import {
  chooseProgressSheet,
  DEFAULT_LIMITS,
  type ReadResult,
  readWorkbook,
  type WorkbookRead,
} from '../../shared/workbook/index.ts';
import { parseSheets } from '../../shared/workbook/parse-sheets.ts';
import {
  type Bounds,
  cellRows,
  firstOutside,
  usedBounds,
} from '../../shared/workbook/sheet-grid.ts';
import { partsForSheetJs } from '../../shared/workbook/sheetjs-parts.ts';
import { misnestedElement } from '../../shared/workbook/well-formed.ts';
import { isUtf8 } from '../../shared/workbook/xml-encoding.ts';
import { maxDeflatedSize } from '../../shared/workbook/zip-ranges.ts';
import { writeXlsx } from '../../worker/src/xlsx/writer.ts';
import {
  CSV,
  cfb,
  DECOY_CELL,
  duplicatedSharedStrings,
  filledGrid,
  filledModel,
  filledXlsx,
  manyEntries,
  odsLike,
  overlappingZip,
  paddedXlsx,
  paddedXmlXlsx,
  patchEntry,
  patchPart,
  plan,
  taskRows,
  templateXlsx,
  tooMuchUncompressed,
  validFill,
  withEntries,
  withSheets,
  zipBomb,
} from '../support/upload-files.ts';

const SHEET_XML = 'xl/worksheets/sheet1.xml';

/** A file from tests/fixtures/real-world (each the blank template for MTTQ, 2026-Q4). */
const realWorld = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/real-world/${name}`, import.meta.url)));
const MTTQ = { agency: 'MTTQ', period: '2026-Q4' };

function ok(r: ReadResult): WorkbookRead {
  if (!r.ok) throw new Error(`${r.problem.reason}: ${r.problem.message.en}`);
  return r;
}

function only(r: ReadResult) {
  const book = ok(r);
  expect(book.progressSheets).toHaveLength(1);
  const [sheet] = book.progressSheets;
  if (!sheet) throw new Error('no progress sheet');
  return sheet;
}

/** Replaces cell `ref` in the sheet XML with `xml` (a whole <c> element). */
function setCell(bytes: Uint8Array, ref: string, xml: string): Uint8Array {
  return patchPart(bytes, SHEET_XML, (x) => {
    const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`);
    if (!re.test(x)) throw new Error(`no cell ${ref}`);
    return x.replace(re, xml);
  });
}

describe('readWorkbook on our own template', () => {
  it('a blank template reads back as exactly the grid the layout draws', () => {
    const sheet = only(readWorkbook(templateXlsx('P-TP', '2026-Q1')));
    const layout = buildLayout(plan, 'P-TP', getPeriod('2026-Q1'));
    expect(sheet.identity).toEqual({
      sheet: 'P-TP 2026-Q1',
      cell: 'A5',
      plan: plan.id,
      agency: 'P-TP',
      period: '2026-Q1',
      layout: '1',
    });
    expect(sheet.grid.origin).toBe('A1');
    expect(sheet.grid.values).toEqual(layoutToGrid(layout));
    // No formulas: Excel's range.formulas is then the values themselves.
    expect(sheet.grid.formulas).toEqual(sheet.grid.values);
    expect(sheet.grid.numberFormats.flat().every((f) => typeof f === 'string')).toBe(true);
    const direct = validate({ values: layoutToGrid(layout) }, { plan, agency: 'P-TP' });
    const read = validate(sheet.grid, { plan, agency: 'P-TP' });
    expect(read.findings).toEqual(direct.findings);
    expect(read.errors).toBe(layout.tasks.length); // each task: no status yet
  });

  it('a filled template gives the Submission the add-in would send', () => {
    const sheet = only(readWorkbook(filledXlsx('THON-01', '2026-H1')));
    const read = validate(sheet.grid, { plan });
    const direct = validate({ values: filledGrid('THON-01', '2026-H1') }, { plan });
    expect(read.findings).toEqual([]);
    expect(read.submission).not.toBeNull();
    expect(read.submission).toEqual(direct.submission);
    expect(read.submission?.agencyCode).toBe('THON-01');
    expect(read.submission?.periodCode).toBe('2026-H1');
  });

  it('keeps Vietnamese text, line breaks, control characters and formula-like text exactly', () => {
    const texts = [
      'Đã hỗ trợ 38 hộ nghèo: ắ ằ ẳ ẵ ặ ố ồ ổ ỗ ộ ự ỹ Đ đ',
      'Dòng một\nDòng hai',
      'Ký tự điều khiển:\u0001\u0007 hết',
      '=SUM(A1)',
      '_x0041_ literal',
    ];
    const bytes = filledXlsx('P-TP', '2026-Q1', (t, i) => ({
      ...validFill(t),
      result: texts[i % texts.length] ?? '',
    }));
    const sheet = only(readWorkbook(bytes));
    const results = sheet.grid.values.slice(6, 6 + texts.length).map((r) => r[7]);
    expect(results).toEqual(texts);
  });

  it('reads percent formats, dates as serial numbers, and number formats as Excel gives them; dates reach the report as shown', () => {
    const bytes = filledXlsx('P-TP', '2026-Q1', (t, i) => ({
      ...validFill(t),
      ...(i === 0 ? { percent: { value: 0.45, style: { numberFormat: '0%' } } } : {}),
      ...(i === 1
        ? { completedProducts: { value: 46000, style: { numberFormat: 'dd/mm/yyyy' } } }
        : {}),
    }));
    const sheet = only(readWorkbook(bytes));
    expect(sheet.grid.values[6]?.[6]).toBe(0.45);
    expect(sheet.grid.numberFormats[6]?.[6]).toBe('0%');
    expect(sheet.grid.values[7]?.[8]).toBe(46000);
    expect(sheet.grid.numberFormats[7]?.[8]).toBe('dd/mm/yyyy');
    const r = validate(sheet.grid, { plan });
    expect(r.findings).toEqual([]);
    expect(r.submission?.rows[0]?.percent).toBe(45);
    // As the clerk saw it: serial 46000 counted from 30/12/1899 (the 1900 system).
    const day = new Date(Date.UTC(1899, 11, 30) + 46000 * 86_400_000);
    const dmy = [day.getUTCDate(), day.getUTCMonth() + 1]
      .map((n) => String(n).padStart(2, '0'))
      .concat(String(day.getUTCFullYear()))
      .join('/');
    expect(r.submission?.rows[1]?.completedProducts).toBe(dmy);
  });
});

describe('cells as other applications write them', () => {
  const base = () => filledXlsx('P-TP', '2026-Q1');

  it('inline strings and rich text read as plain text', () => {
    let bytes = setCell(
      base(),
      'H7',
      '<c r="H7" t="inlineStr"><is><t>Viết thẳng vào ô</t></is></c>',
    );
    bytes = setCell(
      bytes,
      'H8',
      '<c r="H8" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Đã </t></r><r><t>làm xong</t></r></is></c>',
    );
    const sheet = only(readWorkbook(bytes));
    expect(sheet.grid.values[6]?.[7]).toBe('Viết thẳng vào ô');
    expect(sheet.grid.values[7]?.[7]).toBe('Đã làm xong');
    expect(validate(sheet.grid, { plan }).ok).toBe(true);
  });

  it('formulas carry their cached value and their text; errors and booleans are named at their cells', () => {
    let bytes = setCell(base(), 'G7', '<c r="G7"><f>40+5</f><v>45</v></c>');
    bytes = setCell(bytes, 'H8', '<c r="H8" t="str"><f>"Đã "&amp;"làm"</f><v>Đã làm</v></c>');
    bytes = setCell(bytes, 'G9', '<c r="G9" t="e"><f>1/0</f><v>#DIV/0!</v></c>');
    bytes = setCell(bytes, 'H10', '<c r="H10" t="b"><v>1</v></c>');
    const sheet = only(readWorkbook(bytes));
    expect(sheet.grid.values[6]?.[6]).toBe(45);
    expect(sheet.grid.formulas[6]?.[6]).toBe('=40+5');
    expect(sheet.grid.values[7]?.[7]).toBe('Đã làm');
    expect(sheet.grid.values[8]?.[6]).toBe('#DIV/0!');
    expect(sheet.grid.values[9]?.[7]).toBe(true);
    const r = validate(sheet.grid, { plan });
    expect(r.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ['CELL_FORMULA', 'G7', 'warning'],
      ['CELL_FORMULA', 'H8', 'warning'],
      ['CELL_ERROR_VALUE', 'G9', 'error'],
      ['VALUE_TYPE', 'H10', 'error'],
    ]);
  });

  it('the used range starts at the first cell with a value, as Excel’s does', () => {
    const model = filledModel('P-TP', '2026-Q1');
    const sheet = model.sheets[0];
    if (!sheet) throw new Error('no sheet');
    // Title rows deleted: the table now starts at row 2 (metadata) and the sheet at A2.
    sheet.rows = sheet.rows.filter((r) => r.index >= 5).map((r) => ({ ...r, index: r.index - 3 }));
    sheet.merges = [];
    sheet.dataValidations = [];
    sheet.print = undefined;
    sheet.freeze = undefined;
    const read = only(readWorkbook(writeXlsx(model)));
    expect(read.grid.origin).toBe('A2');
    expect(read.identity.cell).toBe('A2');
    const r = validate(read.grid, { plan });
    expect(r.ok).toBe(true);
  });
});

describe('dates and times exactly as the file holds them', () => {
  // Column I (index 8) of the first task rows (sheet rows 7…, index 6…).
  const DAY = 86_400_000;
  const date1904 = (bytes: Uint8Array) =>
    patchPart(bytes, 'xl/workbook.xml', (x) =>
      /<workbookPr\b/.test(x)
        ? x.replace(/<workbookPr\b/, '<workbookPr date1904="1"')
        : x.replace(/(<workbook\b[^>]*>)/, '$1<workbookPr date1904="1"/>'),
    );
  const column = (sheet: ReturnType<typeof only>, rows: number) =>
    Array.from({ length: rows }, (_, i) => [
      sheet.grid.values[6 + i]?.[8],
      sheet.grid.numberFormats[6 + i]?.[8],
    ]);

  it('serial numbers with a date or time format are the file’s own, in either date system', () => {
    // 08:30 as openpyxl writes it; 08:30 alone; 28/02/1900 and 01/01/1900 (before Excel's 29/02/1900).
    const serials = [46310.35416666666, 0.3541666666666667, 59, 1];
    const formats = ['dd/mm/yyyy hh:mm', 'hh:mm', 'dd/mm/yyyy', 'dd/mm/yyyy'];
    const bytes = filledXlsx('P-TP', '2026-Q1', (t, i) => ({
      ...validFill(t),
      ...(i < serials.length
        ? { completedProducts: { value: serials[i] ?? 0, style: { numberFormat: formats[i] } } }
        : {}),
    }));
    for (const book of [bytes, date1904(bytes)]) {
      const sheet = only(readWorkbook(book));
      expect(column(sheet, 4)).toEqual(serials.map((v, i) => [v, formats[i]]));
    }
  });

  it('ISO 8601 cells (t="d") become exact serials in the workbook’s date system, with a date format', () => {
    const cells: [string, string][] = [
      ['I7', '2026-10-15T08:30:00'],
      ['I8', '08:30'],
      ['I9', '1900-02-28'],
      ['I10', '2026-10-15'],
    ];
    let bytes = filledXlsx('P-TP', '2026-Q1');
    for (const [ref, iso] of cells)
      bytes = setCell(bytes, ref, `<c r="${ref}" t="d"><v>${iso}</v></c>`);
    // The calendar's days, from which each system counts (no clock or zone involved).
    const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
    const oct15 = day(2026, 10, 15);
    const at0830 = (days: number) => (days * DAY + 30_600_000) / DAY;
    const in1900 = oct15 - day(1899, 12, 30);
    expect(column(only(readWorkbook(bytes)), 4)).toEqual([
      [at0830(in1900), 'yyyy-mm-dd hh:mm:ss'],
      [30_600_000 / DAY, 'hh:mm:ss'],
      // Before 1900-03-01 Excel counts from 1900-01-01 = 1, without its fictitious 29 February.
      [day(1900, 2, 28) - day(1899, 12, 31), 'yyyy-mm-dd'],
      [in1900, 'yyyy-mm-dd'],
    ]);
    const in1904 = oct15 - day(1904, 1, 1);
    expect(column(only(readWorkbook(date1904(bytes))), 4)).toEqual([
      [at0830(in1904), 'yyyy-mm-dd hh:mm:ss'],
      [30_600_000 / DAY, 'hh:mm:ss'],
      [day(1900, 2, 28) - day(1904, 1, 1), 'yyyy-mm-dd'],
      [in1904, 'yyyy-mm-dd'],
    ]);
  });

  it('an ISO cell naming no real day stays text; a zone designator is dropped', () => {
    let bytes = setCell(
      filledXlsx('P-TP', '2026-Q1'),
      'I7',
      '<c r="I7" t="d"><v>2026-02-30</v></c>',
    );
    bytes = setCell(bytes, 'I8', '<c r="I8" t="d"><v>2026-10-15T08:30:00+07:00</v></c>');
    const sheet = only(readWorkbook(bytes));
    expect(column(sheet, 2)).toEqual([
      ['2026-02-30', 'General'],
      // The zone is dropped: the wall-clock time written, whatever the machine's zone.
      [(46310 * DAY + 30_600_000) / DAY, 'yyyy-mm-dd hh:mm:ss'],
    ]);
  });
});

describe('choosing the progress sheet', () => {
  const book = (...sheets: [string, string][]) => {
    const model = filledModel(sheets[0]?.[0] ?? 'P-TP', sheets[0]?.[1] ?? '2026-Q1');
    model.sheets = sheets.map(([agency, period], i) => {
      const s = filledModel(agency, period).sheets[0];
      if (!s) throw new Error('no sheet');
      return { ...s, name: `${s.name}${i ? ` (${i})` : ''}` };
    });
    model.sheets.unshift({ name: 'Ghi chú', rows: [{ index: 1, cells: [{ value: 'Ghi chú' }] }] });
    return ok(readWorkbook(writeXlsx(model)));
  };

  it('takes the sheet naming the expected agency and period (period codes normalised)', () => {
    const b = book(['P-GDDT', '2026-Q1'], ['P-TP', '2026-Q1'], ['P-TP', '2026-H1']);
    expect(b.sheetNames[0]).toBe('Ghi chú');
    const c = chooseProgressSheet(b, { agency: 'P-TP', period: ' 2026-q1 ' });
    expect(c.ok && c.sheet.identity.sheet).toBe('P-TP 2026-Q1 (1)');
  });

  it('names what the file holds when it is another agency’s or period’s', () => {
    // Agencies and periods as people say them, the code second (issue 13).
    const agencyNames = { 'P-GDDT': 'Phòng GD', 'P-TP': 'Phòng TP' };
    const c = chooseProgressSheet(book(['P-GDDT', '2026-Q1']), {
      agency: 'P-TP',
      period: '2026-Q1',
      agencyNames,
    });
    expect(c.ok).toBe(false);
    if (c.ok || c.problem.kind !== 'wrong-template') throw new Error('expected wrong-template');
    expect(c.problem.reason).toBe('other-agency');
    expect(c.problem.message.vi).toBe(
      'Tệp là biểu mẫu của Phòng GD (P-GDDT), kỳ Quý I năm 2026 (2026-Q1) (trang “P-GDDT 2026-Q1”, ô A5), không phải của Phòng TP (P-TP), kỳ Quý I năm 2026 (2026-Q1). Hãy tải đúng biểu mẫu của Phòng TP (P-TP), kỳ Quý I năm 2026 (2026-Q1), điền rồi gửi lại.',
    );
    expect(c.problem.message.en).toBe(
      'The file is the template of Phòng GD (P-GDDT), for Q1 2026 (2026-Q1) (sheet “P-GDDT 2026-Q1”, cell A5), not of Phòng TP (P-TP), for Q1 2026 (2026-Q1). Download the template of Phòng TP (P-TP), for Q1 2026 (2026-Q1), fill it in and send it again.',
    );
    // Without names, the codes alone.
    const bare = chooseProgressSheet(book(['P-GDDT', '2026-Q1']), {
      agency: 'P-TP',
      period: '2026-Q1',
    });
    expect(!bare.ok && bare.problem.message.vi).toBe(
      'Tệp là biểu mẫu của P-GDDT, kỳ Quý I năm 2026 (2026-Q1) (trang “P-GDDT 2026-Q1”, ô A5), không phải của P-TP, kỳ Quý I năm 2026 (2026-Q1). Hãy tải đúng biểu mẫu của P-TP, kỳ Quý I năm 2026 (2026-Q1), điền rồi gửi lại.',
    );
    const p = chooseProgressSheet(book(['P-TP', '2026-H1'], ['P-GDDT', '2026-Q1']), {
      agency: 'P-TP',
      period: '2026-Q1',
    });
    expect(!p.ok && p.problem.kind === 'wrong-template' && p.problem.reason).toBe('other-period');
  });

  it('refuses two sheets for the same report; without expectations one sheet is enough', () => {
    const twice = book(['P-TP', '2026-Q1'], ['P-TP', '2026-Q1']);
    const c = chooseProgressSheet(twice, { agency: 'P-TP', period: '2026-Q1' });
    expect(!c.ok && c.problem.kind === 'wrong-template' && c.problem.reason).toBe('several-sheets');
    expect(chooseProgressSheet(twice).ok).toBe(false);
    expect(chooseProgressSheet(book(['THON-02', '2026-Y'])).ok).toBe(true);
  });

  it('a damaged metadata cell is still chosen, so validate() names the field', () => {
    const bytes = patchPart(templateXlsx('P-TP', '2026-Q1'), 'xl/sharedStrings.xml', (x) =>
      x.replace('agency=P-TP; ', ''),
    );
    const b = ok(readWorkbook(bytes));
    const c = chooseProgressSheet(b, { agency: 'P-TP', period: '2026-Q1' });
    if (!c.ok) throw new Error(c.problem.message.en);
    const r = validate(c.sheet.grid, { plan, agency: 'P-TP', period: '2026-Q1' });
    expect(r.findings[0]).toMatchObject({ code: 'META_INVALID', cell: 'A5' });
  });

  it('no metadata cell anywhere: no progress sheet, naming the sheets', () => {
    const model = filledModel('P-TP', '2026-Q1');
    const [s] = model.sheets;
    if (!s) throw new Error('no sheet');
    s.rows = s.rows.filter((r) => r.index !== 5);
    const b = ok(readWorkbook(writeXlsx(model)));
    expect(b.progressSheets).toEqual([]);
    const c = chooseProgressSheet(b, { agency: 'P-TP' });
    expect(!c.ok && c.problem.kind).toBe('no-progress-sheet');
    expect(!c.ok && c.problem.message.en).toContain('“P-TP 2026-Q1”');
    // Many sheets: the message names five and counts the rest.
    const many = chooseProgressSheet(
      { ...b, sheetNames: Array.from({ length: 200 }, (_, i) => `Trang ${i + 1}`) },
      { agency: 'P-TP' },
    );
    const text = !many.ok ? many.problem.message : { vi: '', en: '' };
    expect(text.vi).toContain('“Trang 5”, và 195 trang khác');
    expect(text.en).toContain('“Trang 5”, and 195 more');
    expect(text.en).not.toContain('Trang 6');
    expect(text.vi.length).toBeLessThan(600);
  });
});

describe('files refused before SheetJS sees them', () => {
  /**
   * A copy of a one-entry zip whose entry's deflate data starts with 0xFF
   * bytes (block type 3, which deflate reserves): inflating it fails. The
   * local file header is 30 bytes, then the name and the extra field.
   */
  const withBrokenData = (zip: Uint8Array) => {
    const copy = zip.slice();
    const view = new DataView(copy.buffer);
    const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    copy.fill(0xff, start, start + Math.min(16, view.getUint32(18, true)));
    return copy;
  };

  const reasonOf = (bytes: Uint8Array, limits = {}) => {
    const r = readWorkbook(bytes, limits);
    return r.ok ? 'read' : r.problem.reason;
  };

  it('names what the file is when it is not an .xlsx', () => {
    expect(reasonOf(new Uint8Array(0))).toBe('empty');
    expect(reasonOf(CSV)).toBe('not-xlsx');
    expect(reasonOf(strToU8('%PDF-1.7 …'))).toBe('not-xlsx');
    expect(reasonOf(cfb(true))).toBe('encrypted');
    expect(reasonOf(cfb(false))).toBe('legacy-xls');
    expect(reasonOf(odsLike())).toBe('ods');
    expect(reasonOf(zipSync({ 'readme.txt': strToU8('hello') }))).toBe('not-xlsx');
    expect(reasonOf(zipSync({}))).toBe('not-xlsx');
  });

  it('every message is bilingual and says what to do', () => {
    for (const bytes of [CSV, cfb(true), cfb(false), odsLike(), zipBomb()]) {
      const r = readWorkbook(bytes);
      if (r.ok) throw new Error('read');
      expect(r.problem.message.vi).toMatch(/Hãy/);
      expect(r.problem.message.en).toMatch(/[A-Z]/);
      expect(r.problem.message.vi).not.toBe(r.problem.message.en);
    }
  });

  it('refuses files over the size limit', () => {
    const bytes = filledXlsx('P-TP', '2026-Q1');
    expect(reasonOf(bytes, { maxBytes: bytes.length - 1 })).toBe('too-large');
    expect(reasonOf(bytes, { maxBytes: bytes.length })).toBe('read');
  });

  it('refuses a zip bomb, too many entries and too much declared data without inflating', () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(100_000);
    const r = readWorkbook(bomb);
    expect(!r.ok && r.problem.reason).toBe('compression-ratio');
    expect(!r.ok && r.problem.entry).toBe('xl/worksheets/sheet1.xml');
    // Nothing was inflated: the same bomb with its deflate data broken is
    // still refused for its ratio, while a reader that inflates it fails.
    const broken = withBrokenData(bomb);
    expect(reasonOf(broken)).toBe('compression-ratio');
    expect(reasonOf(broken, { maxCompressionRatio: Number.POSITIVE_INFINITY })).toBe('corrupt');
    expect(reasonOf(manyEntries())).toBe('too-many-entries');
    expect(reasonOf(tooMuchUncompressed())).toBe('too-large-uncompressed');
    // The caps are settings: our own template passes the defaults with room to spare.
    expect(reasonOf(templateXlsx('P-TP', '2026-Q1'), { maxEntries: 8 })).toBe('too-many-entries');
  });

  it('a truncated or damaged file is corrupt, never a partial sheet', () => {
    const bytes = filledXlsx('P-TP', '2026-Q1');
    expect(reasonOf(bytes.slice(0, bytes.length - 100))).toBe('corrupt');
    expect(reasonOf(bytes.slice(0, 40))).toBe('corrupt');
    expect(reasonOf(patchPart(bytes, SHEET_XML, (x) => x.slice(0, Math.floor(x.length / 2))))).toBe(
      'corrupt',
    );
    // Bytes flipped inside the deflate stream of every entry (between each
    // local header and the next: never a header's own fields, such as sizes).
    const files = unzipSync(bytes);
    const zipped = zipSync(files, { level: 6 });
    const broken = zipped.slice();
    const view = new DataView(broken.buffer);
    for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
      const size = view.getUint32(at + 18, true);
      const data = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      for (let i = data + 2; i < data + size; i += 97) broken[i] = (broken[i] ?? 0) ^ 0xff;
      at = data + size;
    }
    expect(broken).not.toEqual(zipped);
    expect(['corrupt', 'not-xlsx']).toContain(reasonOf(broken));
  });

  it('entries that overlap or reach outside the file are corrupt, found before any is copied', () => {
    // Sizes only: the checks read the directory, so a body of zeros is never inflated or copied.
    const body = new Uint8Array(20_000);
    const many = (n: number, method: number, compressedSize: number, size: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `e${i}.xml`, method, compressedSize, size }));
    const message = (bytes: Uint8Array) => {
      const r = readWorkbook(bytes);
      expect(!r.ok && r.problem.reason).toBe('corrupt');
      return r.ok ? '' : `${r.problem.message.en} | ${r.problem.message.vi}`;
    };
    // The tester's file, small: 200 entries each claiming the whole body, 1 byte declared.
    expect(message(overlappingZip(body, many(200, 0, body.length, 1)))).toContain(
      'stored zip entry “e0.xml” is 20000 bytes but declares 1',
    );
    // Stored sizes that agree, deflated ones: their compressed sizes sum past the file.
    for (const method of [0, 8]) {
      expect(message(overlappingZip(body, many(200, method, body.length, body.length)))).toContain(
        'more than the whole file',
      );
    }
    // Two entries sharing one body in a file large enough for both.
    expect(
      message(overlappingZip(body, many(2, 0, body.length, body.length), body.length)),
    ).toContain('zip entries “e0.xml” and “e1.xml” overlap');
    // One reaching past the end.
    expect(message(overlappingZip(body, many(1, 8, 3 * body.length, body.length)))).toContain(
      '“e0.xml” reaches past the end of the file',
    );
    // One body, one entry: in proportion, so read on (and refused only as no .xlsx).
    expect(reasonOf(overlappingZip(body, many(1, 0, body.length, body.length)))).toBe('not-xlsx');
  });

  it('a deflate stream larger than its declared size needs, or inflating past it, is corrupt', () => {
    // 20 MiB of zeros: ~20 KB of deflate, ~1000:1.
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(20 * 2 ** 20), { level: 9 }));
    const entry = (compressedSize: number, size: number) => [
      { name: 'e0.xml', method: 8, compressedSize, size },
    ];
    const message = (bytes: Uint8Array) => {
      const r = readWorkbook(bytes);
      expect(!r.ok && r.problem.reason).toBe('corrupt');
      return r.ok ? '' : r.problem.message.en;
    };
    // (a) Declared as 100 bytes: deflate never needs ~20 KB for that (RFC 1951 §3.2.4).
    expect(maxDeflatedSize(100)).toBeLessThan(bomb.length);
    expect(message(overlappingZip(bomb, entry(bomb.length, 100)))).toContain(
      'more than deflate needs for its declared 100',
    );
    // (b) Declared large enough for its compressed size, yet inflating far past it.
    expect(maxDeflatedSize(20_000)).toBeGreaterThan(bomb.length);
    expect(message(overlappingZip(bomb, entry(bomb.length, 20_000)))).toContain(
      '“e0.xml” inflates to more than its declared 20000 bytes',
    );
    // Stopped within its first chunks: the stream cut after 8 KB is never read to its
    // (missing) end, where fflate would fail with "unexpected EOF".
    const cut = bomb.slice(0, 8192);
    expect(() => inflateSync(cut)).toThrow();
    expect(inflateAtMost(cut, 20_000)).toBeNull();
    expect(message(overlappingZip(cut, entry(cut.length, 20_000)))).toContain(
      'inflates to more than its declared',
    );
    // Within its size: the bytes, as inflateSync gives them.
    const text = strToU8('<a>'.padEnd(70_000, 'xy'));
    expect(inflateAtMost(deflateSync(text), text.length)).toEqual(text);
    expect(inflateAtMost(deflateSync(text), text.length + 5)).toEqual(text);
  });

  it('an entry that lies about its size is cut at the declared size: corrupt, not a bomb', () => {
    const bytes = zipSync(unzipSync(filledXlsx('P-TP', '2026-Q1')), { level: 6 });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Central directory entries (PK\x01\x02): declare the sheet 1,000 bytes long.
    const name = strToU8(SHEET_XML);
    for (let i = 0; i < bytes.length - 46; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const entry = bytes.subarray(i + 46, i + 46 + nameLength);
      if (entry.every((b, k) => b === name[k]) && nameLength === name.length) {
        view.setUint32(i + 24, 1000, true);
      }
    }
    const r = readWorkbook(bytes);
    expect(!r.ok && r.problem.reason).toBe('corrupt');
    expect(!r.ok && r.problem.message.en).toContain(SHEET_XML);
  });

  it('a progress sheet with content far outside the table names the cell to clear', () => {
    const model = filledModel('P-TP', '2026-Q1');
    model.sheets[0]?.rows.push({ index: 3_000, cells: [null, null, { value: 'lạc' }] });
    const r = readWorkbook(writeXlsx(model));
    expect(!r.ok && r.problem.reason).toBe('sheet-too-large');
    expect(!r.ok && r.problem.cell).toBe('C3000');
    expect(!r.ok && r.problem.message.vi).toContain('C3000');
    // Far to the right is as far: the grid would be as large.
    const wide = filledModel('P-TP', '2026-Q1');
    const cells = Array.from({ length: 60 }, (_, i) => (i === 59 ? { value: 'lạc' } : null));
    wide.sheets[0]?.rows.push({ index: 30, cells });
    const w = readWorkbook(writeXlsx(wide));
    expect(!w.ok && w.problem.cell).toBe('BH30');
    // Within the limits, it is read and validate() warns about it.
    const near = filledModel('P-TP', '2026-Q1');
    near.sheets[0]?.rows.push({ index: 40, cells: [null, null, { value: 'ghi chú' }] });
    const sheet = only(readWorkbook(writeXlsx(near)));
    const v = validate(sheet.grid, { plan });
    expect(v.findings).toEqual([
      expect.objectContaining({ code: 'TRAILING_CONTENT', cell: 'C40' }),
    ]);
    expect(v.ok).toBe(true);
  });

  it('reads the header columns the layout declares', () => {
    const sheet = only(readWorkbook(templateXlsx('P-TP', '2026-Q1')));
    expect(sheet.grid.values[5]).toEqual(COLUMNS.map((c) => c.header.vi));
  });
});

describe('zip entry names are names, never an object’s members', () => {
  const names = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'xl/__proto__'];

  it('entries named after Object.prototype members are read as entries: the sheet reads as without them', () => {
    const base = filledXlsx('P-TP', '2026-Q1');
    // "constructor" declares 1 byte and "toString" 0, as Object and toString's `length`s.
    const bytes = withEntries(
      base,
      names.map((name, i) => [name, i === 1 ? new Uint8Array(0) : strToU8('A')]),
    );
    expect(ok(readWorkbook(bytes)).progressSheets).toEqual(ok(readWorkbook(base)).progressSheets);
  });

  it('an entry fflate cannot store ("__proto__") or inflate (method 12) is a damaged file, not an exception', () => {
    const base = filledXlsx('P-TP', '2026-Q1');
    const proto = readWorkbook(
      patchEntry(withEntries(base, [['__proto_x', strToU8('A')]]), '__proto_x', {
        rename: '__proto__',
      }),
    );
    expect(!proto.ok && proto.problem.reason).toBe('corrupt');
    expect(!proto.ok && proto.problem.message.en).toContain('“__proto__”');
    const bzip2 = readWorkbook(
      patchEntry(withEntries(base, [['toString', new Uint8Array(0)]]), 'toString', { method: 12 }),
    );
    expect(!bzip2.ok && bzip2.problem.reason).toBe('corrupt');
  });
});

describe('two entries for one part are a damaged package (ECMA-376 Part 2 §9.1.3)', () => {
  it('one name twice (deflated, then stored with another text) is refused naming it', () => {
    const r = readWorkbook(duplicatedSharedStrings());
    expect(!r.ok && r.problem.reason).toBe('corrupt');
    expect(!r.ok && r.problem.message.en).toContain(
      'two entries for one part: “xl/sharedStrings.xml”',
    );
    expect(!r.ok && r.problem.message.vi).toContain('hai mục cho cùng một phần');
  });

  it('names differing only in case are one part, in either order', () => {
    const files = unzipSync(filledXlsx('P-TP', '2026-Q1'));
    const upper = 'xl/worksheets/Sheet1.xml';
    const changed = strToU8(
      strFromU8(files[SHEET_XML] as Uint8Array).replace(/<v>50<\/v>/g, '<v>0</v>'),
    );
    for (const zip of [
      zipSync({ [upper]: changed, ...files }),
      zipSync({ ...files, [upper]: changed }),
    ]) {
      const r = readWorkbook(zip);
      expect(!r.ok && r.problem.reason).toBe('corrupt');
      expect(!r.ok && r.problem.message.en).toMatch(
        /“xl\/worksheets\/[Ss]heet1\.xml”, “xl\/worksheets\/[Ss]heet1\.xml”/,
      );
    }
  });

  it('names differing only in slashes (\\ for /) or case are one part, in either order', () => {
    // SheetJS takes "xl\\worksheets\\sheet1.xml" for the sheet, whichever comes first in the zip.
    const files = unzipSync(filledXlsx('P-TP', '2026-Q1'));
    const fake = strToU8(
      strFromU8(files[SHEET_XML] as Uint8Array).replace(/<v>50<\/v>/g, '<v>99</v>'),
    );
    for (const name of [
      'xl\\worksheets\\sheet1.xml',
      'xl/worksheets\\sheet1.xml',
      'XL\\Worksheets\\Sheet1.xml',
    ]) {
      for (const zip of [
        zipSync({ [name]: fake, ...files }),
        zipSync({ ...files, [name]: fake }),
      ]) {
        const r = readWorkbook(zip);
        expect(!r.ok && r.problem.reason).toBe('corrupt');
        expect(!r.ok && r.problem.message.en).toContain('two entries for one part');
        expect(!r.ok && r.problem.message.en).toContain(`“${name}”`);
        expect(!r.ok && r.problem.message.en).toContain(`“${SHEET_XML}”`);
      }
    }
  });
});

describe('damaged is damaged, well-formed is not', () => {
  const problemOf = (bytes: Uint8Array) => {
    const r = readWorkbook(bytes);
    if (r.ok) throw new Error('read');
    return r.problem;
  };
  const without = (bytes: Uint8Array, part: string) => {
    const files = unzipSync(bytes);
    if (!files[part]) throw new Error(`no part ${part}`);
    delete files[part];
    return zipSync(files);
  };

  it('elements not closed in order are damage, as Excel refuses them; nesting ones are read', () => {
    const bytes = filledXlsx('P-TP', '2026-Q1');
    const ST = 'xl/styles.xml';
    const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const damaged: [string, (x: string) => string, string][] = [
      // SheetJS takes the first <(\w+:)?cellXfs> … </(\w+:)?cellXfs>: a prefixed one before the real
      // one is well-formed and nests, so the check passes it (the plain path leaves it to SheetJS).
      [
        ST,
        (x) => x.replace(/(<cellXfs[^>]*>)(<xf [^>]*\/>)/, '$1$2</x:cellXfs>'),
        '<cellXfs> … </x:cellXfs>',
      ],
      [
        ST,
        (x) => x.replace('<cellXfs', `<x:cellXfs ${NS}><x:xf numFmtId="14"/></cellXfs><cellXfs`),
        '<x:cellXfs> … </cellXfs>',
      ],
      [SHEET_XML, (x) => x.replace('<sheetData>', '<sheetData><foo>'), '<foo> … </sheetData>'],
      [SHEET_XML, (x) => x.replace('</sheetData>', '</sheetData></row>'), '<worksheet> … </row>'],
    ];
    for (const [part, edit, tags] of damaged) {
      const r = readWorkbook(patchPart(bytes, part, edit));
      expect(!r.ok && r.problem.reason).toBe('corrupt');
      expect(!r.ok && r.problem.message.en).toContain(
        `part “${part}” has an XML element not closed in order: “${tags}”`,
      );
    }
    expect(misnestedElement('<a><b/></a>')).toBeNull();
    expect(
      misnestedElement('<a t="x>y" u=\'/>\'><!-- <b> --><![CDATA[</a>]]><?p </a>?></a>'),
    ).toBeNull();
    expect(misnestedElement('<a><b></a>')).toBe('<b> … </a>');
    expect(misnestedElement('<a><b/>')).toBe('<a>');
    expect(misnestedElement('<a/></a>')).toBe('</a>');
    // Nesting, with a prefixed element inside: read as before.
    const nested = readWorkbook(
      patchPart(bytes, ST, (x) => x.replace('<cellXfs', `<x:extra ${NS}><x:y/></x:extra><cellXfs`)),
    );
    expect(nested.ok).toBe(true);
  });

  it('a part the package names but lacks is a damaged file, naming the part', () => {
    const real = problemOf(realWorld('shared-strings-missing.xlsx'));
    expect(real.reason).toBe('corrupt');
    expect(real.message.en).toContain('xl/sharedStrings.xml');
    // The same kind, built: styles and a worksheet named in the relationships but absent.
    const template = templateXlsx('P-TP', '2026-Q1');
    for (const part of ['xl/styles.xml', SHEET_XML, 'xl/sharedStrings.xml']) {
      const p = problemOf(without(template, part));
      expect(p.reason).toBe('corrupt');
      expect(p.message.en).toContain(part);
      expect(p.message.vi).not.toBe(p.message.en);
    }
  });

  it('a missing part is found when the package parts carry a namespace prefix', () => {
    const prefixed = (bytes: Uint8Array) => {
      let out = bytes;
      for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels']) {
        out = patchPart(out, part, (x) =>
          x
            .replace(/ xmlns="([^"]+)"/, ' xmlns:ns0="$1"')
            .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, '<$1ns0:$2'),
        );
      }
      return out;
    };
    const template = templateXlsx('P-TP', '2026-Q1');
    expect(only(readWorkbook(prefixed(template))).identity.agency).toBe('P-TP');
    const p = problemOf(prefixed(without(template, 'xl/sharedStrings.xml')));
    expect(p.reason).toBe('corrupt');
    expect(p.message.en).toContain('xl/sharedStrings.xml');
  });

  it('an external relationship target is not a part and is not looked for', () => {
    const bytes = patchPart(templateXlsx('P-TP', '2026-Q1'), 'xl/_rels/workbook.xml.rels', (x) =>
      x.replace(
        '</Relationships>',
        '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/BaoCao/nguon.xlsx" TargetMode="External"/></Relationships>',
      ),
    );
    expect(only(readWorkbook(bytes)).identity.agency).toBe('P-TP');
  });

  it('comments, processing instructions and whitespace after the root element are accepted', () => {
    const real = only(readWorkbook(realWorld('comment-after-root.xlsx')));
    expect(real.identity).toMatchObject({ sheet: 'MTTQ 2026-Q4', ...MTTQ });
    const bytes = filledXlsx('P-TP', '2026-Q1');
    const before = only(readWorkbook(bytes));
    const trailers = [
      '<?mso-application progid="Excel.Sheet"?>',
      '\r\n<!-- saved by a tool -->\n<?pi ?>\n\t',
      `<!--${' long comment '.repeat(100)}-->`,
    ];
    for (const trailer of trailers) {
      const after = only(readWorkbook(patchPart(bytes, SHEET_XML, (x) => x + trailer)));
      expect(after.grid).toEqual(before.grid);
    }
    // A cut made inside what follows the root is still a cut part only when the root is unclosed.
    const cut = patchPart(bytes, SHEET_XML, (x) => `${x.slice(0, -20)}<!-- c -->`);
    expect(problemOf(cut).reason).toBe('corrupt');
  });

  it('a character XML does not allow, raw or as a reference, is damage, never a NUL stored', () => {
    const bytes = filledXlsx('P-TP', '2026-Q1');
    const strings = 'xl/sharedStrings.xml';
    for (const bad of ['&#0;', '&#x1100000;', '&#9999999999;', '&#xFFFE;', '\u0001', '\u001b']) {
      const file = patchPart(bytes, strings, (x) => x.replace('</t>', `${bad}</t>`));
      const p = problemOf(file);
      expect(p.reason, bad).toBe('corrupt');
      expect(p.message.en).toContain('xl/sharedStrings.xml');
      expect(p.message.vi).toContain('ký tự XML không cho phép');
    }
    // Tab, line breaks and Excel's own _x0001_ escape are text.
    for (const fine of ['&#9;', '&#10;', '_x0001_', '&#x1F600;']) {
      expect(
        readWorkbook(patchPart(bytes, strings, (x) => x.replace('</t>', `${fine}</t>`))).ok,
      ).toBe(true);
    }
  });

  it('parts in UTF-16 with a byte order mark are read in either order; cut short or without the mark, damaged', () => {
    const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
      const units = [
        ...(bom ? [0xfeff] : []),
        ...[...text].flatMap((ch) => {
          const code = ch.codePointAt(0) ?? 0;
          return code > 0xffff
            ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)]
            : [code];
        }),
      ];
      return new Uint8Array(
        units.flatMap((u) => (order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])),
      );
    };
    const bytes = filledXlsx('P-TP', '2026-Q1');
    const before = only(readWorkbook(bytes));
    const recoded = (order: 'le' | 'be', bom: boolean, cut = 0) => {
      const files = unzipSync(bytes);
      for (const part of [SHEET_XML, 'xl/sharedStrings.xml']) {
        const text = strFromU8(files[part] ?? new Uint8Array()).replace(
          'encoding="UTF-8"',
          'encoding="UTF-16"',
        );
        files[part] = utf16(text.slice(0, text.length - cut), order, bom);
      }
      return zipSync(files);
    };
    for (const order of ['le', 'be'] as const) {
      expect(only(readWorkbook(recoded(order, true))).grid).toEqual(before.grid);
      const cut = readWorkbook(recoded(order, true, 40));
      expect(!cut.ok && cut.problem.reason).toBe('corrupt');
      // XML 1.0 §4.3.3: an entity in UTF-16 must begin with the byte order mark.
      const unmarked = readWorkbook(recoded(order, false));
      expect(!unmarked.ok && unmarked.problem.reason).toBe('corrupt');
    }
  });

  it('characters above U+FFFF written as character references read as themselves', () => {
    const refs = '&#128512; &#x1D400; &#x20000; &#x1f600;';
    const chars = '😀 𝐀 𠀀 😀';
    let bytes = setCell(
      filledXlsx('P-TP', '2026-Q1'),
      'H7',
      `<c r="H7" t="inlineStr"><is><t>Kết quả ${refs}</t></is></c>`,
    );
    bytes = patchPart(bytes, 'xl/sharedStrings.xml', (x) =>
      x.replaceAll('Đã triển khai nhiệm vụ', `Đã triển khai ${refs} nhiệm vụ`),
    );
    const sheet = only(readWorkbook(bytes));
    expect(sheet.grid.values[6]?.[7]).toBe(`Kết quả ${chars}`);
    // The shared strings of the other rows' results.
    const shared = sheet.grid.values
      .flat()
      .filter((v) => String(v).startsWith(`Đã triển khai ${chars}`));
    expect(shared.length).toBeGreaterThan(1);
  });

  it('bytes that are not UTF-8 in an XML part are a damaged file naming the part', () => {
    const withBytes = (bad: number[]) => {
      const files = unzipSync(filledXlsx('P-TP', '2026-Q1'));
      const xml = strFromU8(files[SHEET_XML] ?? new Uint8Array());
      const at = xml.indexOf('<c r="H7"');
      const cell = strToU8('<c r="H7" t="inlineStr"><is><t>Kết quả ');
      const rest = strToU8(` xong</t></is></c>${xml.slice(xml.indexOf('</c>', at) + 4)}`);
      files[SHEET_XML] = new Uint8Array([...strToU8(xml.slice(0, at)), ...cell, ...bad, ...rest]);
      return zipSync(files);
    };
    // A broken sequence, a UTF-16 surrogate in UTF-8, a byte UTF-8 never uses.
    for (const bad of [[0xc3, 0x28], [0xed, 0xa0, 0x80], [0xff]]) {
      const p = problemOf(withBytes(bad));
      expect(p.reason).toBe('corrupt');
      expect(p.message.en).toContain(`“${SHEET_XML}” holds bytes that are not UTF-8`);
      expect(p.message.vi).toContain('không phải UTF-8');
    }
    // The same place with a real four-byte character reads.
    expect(only(readWorkbook(withBytes([0xf0, 0x9f, 0x98, 0x80]))).grid.values[6]?.[7]).toBe(
      'Kết quả 😀 xong',
    );
    // U+FFFD written as such (EF BF BD) is UTF-8 and reads; next to a bad byte it does not
    // hide it (the reader decodes first and checks the bytes only when it sees U+FFFD).
    expect(only(readWorkbook(withBytes([0xef, 0xbf, 0xbd]))).grid.values[6]?.[7]).toBe(
      'Kết quả \uFFFD xong',
    );
    expect(problemOf(withBytes([0xef, 0xbf, 0xbd, 0xff])).reason).toBe('corrupt');
  });

  it('the UTF-8 check on bytes agrees with a strict decoder', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const decodes = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const samples = [
      [0xc0, 0x80], // overlong
      [0xe0, 0x80, 0x80], // overlong
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xe2, 0x82], // cut at the end
      [0xe2, 0x82, 0xac], // €
      [0xf0, 0xa0, 0x80, 0x80], // 𠀀
    ].map((b) => new Uint8Array(b));
    // And pseudo-random bytes, mostly high ones, from a fixed seed.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      samples.push(Uint8Array.from({ length: 1 + (next() % 6) }, () => 0x60 + (next() % 0xa0)));
    }
    for (const b of samples) expect([b, isUtf8(b)]).toEqual([b, decodes(b)]);
  });

  it('a part cut inside a tag and then closed is damaged, not a sheet with rows missing', () => {
    const bytes = filledXlsx('P-TP', '2026-Q1');
    const cutInTag = patchPart(bytes, SHEET_XML, (x) => {
      const at = x.indexOf('<c r="H9"');
      return `${x.slice(0, at + 12)}</sheetData></worksheet>`;
    });
    const p = problemOf(cutInTag);
    expect(p.reason).toBe('corrupt');
    expect(p.message.en).toContain(`“${SHEET_XML}” has an XML tag cut off: “<c r="H9" s`);
    expect(p.message.vi).toContain('thẻ XML bị cắt dở');
    // `<` in comments and CDATA is no damage.
    const commented = patchPart(bytes, SHEET_XML, (x) =>
      x.replace('<sheetData>', '<!-- <c r="A1" --><sheetData>'),
    );
    expect(only(readWorkbook(commented)).identity.agency).toBe('P-TP');
  });

  it('what follows the root element is named; a package without _rels/.rels is damaged', () => {
    const bytes = filledXlsx('P-TP', '2026-Q1');
    const text = problemOf(patchPart(bytes, SHEET_XML, (x) => `${x}garbage`));
    expect(text.message.en).toContain(`“${SHEET_XML}” has text after its root element`);
    const element = problemOf(patchPart(bytes, SHEET_XML, (x) => `${x}<worksheet/>`));
    expect(element.message.en).toContain('has another element after its root element');
    const cut = problemOf(patchPart(bytes, SHEET_XML, (x) => x.slice(0, -30)));
    expect(cut.message.en).toContain(`“${SHEET_XML}” is cut short`);
    expect(cut.message.vi).toContain('bị cắt cụt');
    const noRels = problemOf(without(bytes, '_rels/.rels'));
    expect(noRels.reason).toBe('corrupt');
    expect(noRels.message.en).toContain('“_rels/.rels” is missing');
  });

  it('a sheet that repeats the code without the report table is not a second progress sheet', () => {
    const real = ok(readWorkbook(realWorld('cover-sheet-echoes-code.xlsx')));
    expect(real.progressSheets.map((s) => [s.identity.sheet, s.hasTable])).toEqual([
      ['Bìa', false],
      ['MTTQ 2026-Q4', true],
    ]);
    const c = chooseProgressSheet(real, MTTQ);
    expect(c.ok && c.sheet.identity.sheet).toBe('MTTQ 2026-Q4');
    // Built: a cover sheet after the report holding the metadata text as a plain string.
    const model = filledModel('P-TP', '2026-Q1');
    const [report] = model.sheets;
    const metadata = report?.rows.find((r) => r.index === 5)?.cells[0]?.value;
    if (!report || typeof metadata !== 'string') throw new Error('no metadata cell');
    model.sheets.push({
      name: 'Trang bìa',
      rows: [
        { index: 1, cells: [{ value: 'BÁO CÁO' }] },
        { index: 3, cells: [null, { value: metadata }] },
      ],
    });
    const b = ok(readWorkbook(writeXlsx(model)));
    expect(b.progressSheets).toHaveLength(2);
    const built = chooseProgressSheet(b, { agency: 'P-TP', period: '2026-Q1' });
    expect(built.ok && built.sheet.identity.sheet).toBe(report.name);
    // Two sheets that both hold the table are still two reports.
    model.sheets.push({ ...report, name: 'Bản sao' });
    const twice = chooseProgressSheet(ok(readWorkbook(writeXlsx(model))), {
      agency: 'P-TP',
      period: '2026-Q1',
    });
    expect(!twice.ok && twice.problem.kind === 'wrong-template' && twice.problem.reason).toBe(
      'several-sheets',
    );
  });
});

describe('bounded cost: only the sheets that can be the progress sheet are parsed', () => {
  it('a cell tag repeating t="s" 160,000 times is scanned in one pass, not backtracked over', () => {
    // The shared-string scan once took quadratic time on this (86 s in Node
    // for 170,000 repeats, issue 16's third test round).
    const tag = `<c r="A1"${' t="s"'.repeat(160_000)}><v>x</v></c>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${tag}</row></sheetData></worksheet>`;
    const book = ok(readWorkbook(withSheets(filledXlsx('P-TP', '2026-Q1'), [{ name: 'x', xml }])));
    const c = chooseProgressSheet(book, { agency: 'P-TP', period: '2026-Q1' });
    expect(c.ok).toBe(true);
  });

  it('31 sheets of padding (~2 million cells) are scanned, not parsed: the report reads as usual', () => {
    const bytes = paddedXlsx('P-TP', '2026-Q1');
    expect(bytes.length).toBeLessThan(200_000);
    const book = ok(readWorkbook(bytes));
    expect(book.sheetNames).toHaveLength(32);
    expect(book.sheetNames[31]).toBe('Dữ liệu 31');
    // SheetJS was handed one sheet and the few hundred cells of the template.
    expect(book.parsed.parts).toEqual([SHEET_XML]);
    expect(book.parsed.cells).toBeLessThan(1000);
    expect(book.parsed.cells).toBe(ok(readWorkbook(filledXlsx('P-TP', '2026-Q1'))).parsed.cells);
    const c = chooseProgressSheet(book, { agency: 'P-TP', period: '2026-Q1' });
    if (!c.ok) throw new Error(c.problem.message.en);
    expect(validate(c.sheet.grid, { plan, agency: 'P-TP', period: '2026-Q1' }).ok).toBe(true);
  });

  it('padding that could be a progress sheet trips the cap on cells, naming the sheet', () => {
    const r = readWorkbook(paddedXlsx('P-TP', '2026-Q1', true));
    if (r.ok) throw new Error('read');
    expect(r.problem.reason).toBe('too-many-cells');
    // The template's cells and the first padding sheet's 64,001 fit in 100,000; the second does not.
    expect(r.problem.sheet).toBe('Dữ liệu 2');
    expect(r.problem.message.vi).toContain('“Dữ liệu 2”');
    expect(r.problem.message.vi).toMatch(/Hãy/);
    expect(r.problem.message.en).toContain('at most 100,000');
  });

  it('the progress sheet itself counts: over the cap it is refused before SheetJS parses it', () => {
    const bytes = filledXlsx('P-TP', '2026-Q1');
    const cells = ok(readWorkbook(bytes)).parsed.cells;
    expect(reasonOf(bytes, { maxCells: cells })).toBe('read');
    const r = readWorkbook(bytes, { maxCells: cells - 1 });
    expect(!r.ok && [r.problem.reason, r.problem.sheet]).toEqual([
      'too-many-cells',
      'P-TP 2026-Q1',
    ]);
  });

  it('a shared-strings part with more items than the cap is refused', () => {
    const r = readWorkbook(templateXlsx('P-TP', '2026-Q1'), { maxSharedStrings: 10 });
    expect(!r.ok && [r.problem.reason, r.problem.entry]).toEqual([
      'too-many-strings',
      'xl/sharedStrings.xml',
    ]);
    expect(!r.ok && r.problem.message.vi).toMatch(/Hãy/);
  });

  it('XML padding outside cells is refused by its size, naming the part, before SheetJS parses it', () => {
    const bytes = templateXlsx('P-TP', '2026-Q1');
    // ~6 MB of varied shared strings (fewer items than their cap, and not a zip bomb);
    // ~1.5 MB of defined names.
    const sst = paddedXmlXlsx('sharedStrings', 20_000);
    const workbook = paddedXmlXlsx('workbook', 30_000);
    for (const [file, part] of [
      [sst, 'xl/sharedStrings.xml'],
      [workbook, 'xl/workbook.xml'],
    ] as const) {
      const r = readWorkbook(file);
      expect(!r.ok && [r.problem.reason, r.problem.entry]).toEqual(['part-too-large', part]);
      expect(!r.ok && r.problem.message.en).toContain(`Part “${part}” of the file is too large`);
      expect(!r.ok && r.problem.message.vi).toContain(`Phần “${part}” của tệp quá lớn`);
    }
    expect(reasonOf(bytes, { maxSheetBytes: 5000 })).toBe('part-too-large');
    expect(reasonOf(bytes, { maxParsedBytes: 10_000 })).toBe('parsed-too-large');
  });

  it('a filled template with every text at its length limit is far under the caps on bytes', () => {
    const agency = plan.agencies
      .map((a) => a.code)
      .reduce((a, b) => (taskRows(b).length > taskRows(a).length ? b : a));
    const full = (n: number, i: number) =>
      `Kết quả thực hiện ở thôn ${i}, xã đảo `.repeat(Math.ceil(n / 30)).slice(0, n);
    const bytes = filledXlsx(agency, '2026-Q1', (t, i) => ({
      ...validFill(t),
      ...Object.fromEntries(Object.entries(TEXT_LIMITS).map(([k, n]) => [k, full(n, i)])),
    }));
    const parts = unzipSync(bytes);
    const sst = parts['xl/sharedStrings.xml']?.length ?? 0;
    expect(sst * 4).toBeLessThan(DEFAULT_LIMITS.maxSharedStringsBytes);
    expect(only(readWorkbook(bytes)).identity.agency).toBe(agency);
  });

  it('a cell at row 1,048,576 on each of 40 candidate sheets: their rows are read as they lie, never copied', () => {
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${DECOY_CELL.replace('<c ', '<c r="A1" ')}</row><row r="1048576"><c r="XFD1048576"/></row></sheetData></worksheet>`;
    const sheets = Array.from({ length: 40 }, (_, i) => ({ name: `S${i}`, xml }));
    const bytes = withSheets(filledXlsx('P-TP', '2026-Q1'), sheets);
    expect(ok(readWorkbook(bytes)).progressSheets).toHaveLength(41);
    const files = unzipSync(bytes);
    const parsed = parseSheets(files, ['xl/worksheets/extra1.xml'], { plain: false });
    const ws = parsed.ok ? parsed.wb.Sheets.S0 : undefined;
    if (!ws) throw new Error('not parsed');
    const data = (ws as { '!data'?: unknown[] })['!data'];
    expect(data).toHaveLength(1_048_576);
    // The array SheetJS made (sparse), not a copy of a million rows.
    expect(cellRows(ws)).toBe(data);
    expect(usedBounds(cellRows(ws))).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
  });

  it('rows holding one empty cell at column XFD are walked by the cells they hold, not their 16,384 indices', () => {
    // 2,000 sparse rows (as SheetJS makes them), each read through a proxy counting index lookups.
    let lookups = 0;
    const counted = (row: CellObject[]) =>
      new Proxy(row, {
        get: (t, k, r) => {
          if (typeof k === 'string' && /^[0-9]+$/.test(k)) lookups++;
          return Reflect.get(t, k, r);
        },
        has: (t, k) => {
          if (typeof k === 'string' && /^[0-9]+$/.test(k)) lookups++;
          return Reflect.has(t, k);
        },
      });
    const rows: CellObject[][] = [[{ t: 's', v: 'plan=x' }]];
    for (let r = 1; r < 2_000; r++) {
      const row: CellObject[] = [];
      row[16_383] = { t: 'z' };
      rows[r] = counted(row);
    }
    rows[2_500] = [{ t: 'n', v: 1 }];
    const bounds = usedBounds(rows);
    expect(bounds).toEqual({ top: 0, left: 0, bottom: 2_500, right: 0 });
    expect(firstOutside(rows, bounds as Bounds, 2_000, 50)).toBe('A2501');
    // Before: 16,384 per row and pass (some 65 million).
    expect(lookups).toBeLessThan(10 * 2_000);
  });

  it('a sheet pointing at the metadata shared string, or holding it in rich-text runs, is a candidate', () => {
    const bytes = patchPart(filledXlsx('P-TP', '2026-Q1'), 'xl/sharedStrings.xml', (x) =>
      x
        .replace(/(<si>)<t([^>]*)>(Mã mẫu biểu[^<]*?)plan=/, '$1<r><t$2>$3pl</t></r><r><t>an=')
        .replace(/(an=[^<]*)<\/t><\/si>/, '$1</t></r></si>'),
    );
    const sheet = only(readWorkbook(bytes));
    expect(sheet.identity).toMatchObject({ agency: 'P-TP', period: '2026-Q1', cell: 'A5' });
  });
});

describe('what SheetJS is handed (sheetjs-parts.ts)', () => {
  it('no document properties, and styles without fonts, fills and borders but with every format', () => {
    const files = unzipSync(filledXlsx('P-TP', '2026-Q1'));
    const styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
    expect(styles).toContain('<fonts');
    expect(Object.keys(files)).toContain('docProps/core.xml');
    const handed = partsForSheetJs(files, []);
    expect(Object.keys(handed).filter((n) => n.startsWith('docProps/'))).toEqual([]);
    const kept = strFromU8(handed['xl/styles.xml'] ?? new Uint8Array());
    for (const gone of ['<fonts', '<fills', '<borders']) expect(kept).not.toContain(gone);
    const cut = (xml: string, tag: string) =>
      xml.slice(xml.indexOf(`<${tag}`), xml.indexOf(`</${tag}>`));
    for (const tag of ['numFmts', 'cellXfs']) expect(cut(kept, tag)).toBe(cut(styles, tag));
    // The parts as they came are not changed.
    expect(strFromU8(files['xl/styles.xml'] ?? new Uint8Array())).toBe(styles);
  });

  it('a styles part with a comment is handed over whole', () => {
    const files = unzipSync(filledXlsx('P-TP', '2026-Q1'));
    const styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
    files['xl/styles.xml'] = strToU8(styles.replace('<fonts', '<!-- x --><fonts'));
    const handed = partsForSheetJs(files, []);
    expect(handed['xl/styles.xml']).toBe(files['xl/styles.xml']);
  });
});

function reasonOf(bytes: Uint8Array, limits = {}) {
  const r = readWorkbook(bytes, limits);
  return r.ok ? 'read' : r.problem.reason;
}

describe('hyperlinks: no stub cell for every cell of their ranges (hyperlinks.ts)', () => {
  const LINK = '<hyperlink ref="A1:Z200000" location="A1"/>';
  /** The filled template made not plain by one formula (so SheetJS reads it), `extra` before <pageMargins>. */
  const linked = (extra: string) =>
    patchPart(filledXlsx('P-TP', '2026-Q1'), SHEET_XML, (x) =>
      x
        .replace('<c r="G7" s="8"><v>50</v></c>', '<c r="G7" s="8"><f>25*2</f><v>50</v></c>')
        .replace('<pageMargins', `${extra}<pageMargins`),
    );
  /** How many rows SheetJS's dense sheet holds for the progress sheet: a stub per linked cell would make 200,000. */
  const sheetJsRows = (bytes: Uint8Array) => {
    const parsed = parseSheets(unzipSync(bytes), [SHEET_XML], { plain: false });
    if (!parsed.ok) throw new Error(parsed.error);
    const [name] = parsed.wb.SheetNames;
    const ws = parsed.wb.Sheets[name ?? ''] as { '!data'?: unknown[] };
    return ws['!data']?.length;
  };

  it('a hyperlink over 5.2 million cells, wherever SheetJS would find it, is not handed over', () => {
    const without = ok(readWorkbook(linked(''))).progressSheets;
    for (const extra of [
      `<hyperlinks>${LINK}</hyperlinks>`,
      `<!-- a comment --><hyperlinks>${LINK}</hyperlinks>`,
      `<!-- ${LINK} -->`,
      `<extLst><x:hyperlink xmlns:x="urn:x" ref="A1:Z200000"/></extLst>`,
    ]) {
      const bytes = linked(extra);
      expect(sheetJsRows(bytes)).toBe(24);
      expect(ok(readWorkbook(bytes)).progressSheets).toEqual(without);
    }
  });

  it('a hyperlink SheetJS would still read after that is counted into the cap on cells, naming the sheet', () => {
    // Removing the inner tag joins the outer one's halves (in a comment, so well-formed).
    for (const ref of ['A1:Z200000', 'A99999999999999999999']) {
      const r = readWorkbook(linked(`<!-- <hyper<hyperlink ref="A1">link ref="${ref}"/> -->`));
      expect(!r.ok && r.problem.reason).toBe('too-many-cells');
      expect(!r.ok && r.problem.sheet).toBe(ok(readWorkbook(linked(''))).sheetNames[0]);
      expect(!r.ok && r.problem.message.en).toContain('hyperlinks over too many cells');
    }
    // Inside the sheet data, where text is the cells' own, nothing is removed: it is counted.
    const inCells = patchPart(linked(''), SHEET_XML, (x) =>
      x.replace('</sheetData>', `${LINK}</sheetData>`),
    );
    const r = readWorkbook(inCells);
    expect(!r.ok && r.problem.reason).toBe('too-many-cells');
    const few = patchPart(linked(''), SHEET_XML, (x) =>
      x.replace('</sheetData>', '<hyperlink ref="A1:B2"/></sheetData>'),
    );
    expect(ok(readWorkbook(few)).progressSheets).toEqual(
      ok(readWorkbook(linked(''))).progressSheets,
    );
  });

  it('a sheet that cannot be the progress sheet is emptied so that even its root tag is no hyperlink', () => {
    const root = `<hyperlink ref="A1:Z200000" xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></hyperlink>`;
    const bytes = withSheets(linked(''), [{ name: 'Links', xml: root }]);
    const planned = planSheets(unzipSync(bytes), DEFAULT_LIMITS);
    if (!planned.ok) throw new Error(planned.problem.message.en);
    const parsed = parseSheets(planned.plan.files, planned.plan.candidates, { plain: false });
    expect(parsed.ok && (parsed.wb.Sheets.Links as { '!data'?: unknown[] })['!data']?.length).toBe(
      0,
    );
    expect(ok(readWorkbook(bytes)).sheetNames).toContain('Links');
  });
});
