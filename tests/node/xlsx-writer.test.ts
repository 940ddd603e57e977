// The writer's own promises, read back from the zip it makes (the
// independent readers, openpyxl and LibreOffice, are in xlsx-readers.test.ts).
import { crc32 } from 'node:zlib';
import { read as sheetjsRead } from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../shared/workbook/read.ts';
import { buildMergedWorkbook } from '../../worker/src/reports/merged.ts';
import type { Workbook } from '../../worker/src/xlsx/types.ts';
import { writeXlsx, writeXlsxNative } from '../../worker/src/xlsx/writer.ts';
import { cellText } from '../../worker/src/xlsx/xml.ts';
import { dataInput } from './readers/fixtures.ts';

const parts = (wb: Workbook) => {
  const files = unzipSync(writeXlsx(wb, { modified: '2026-01-01T00:00:00Z' }));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
};
const unzipped = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
const one = (cells: Workbook['sheets'][number]['rows'][number]['cells']): Workbook => ({
  sheets: [{ name: 'S', rows: [{ index: 1, cells }] }],
});

describe('cell text', () => {
  it.each([
    ['=SUM(A1)', '=SUM(A1)'],
    ['a & <b> "c"', 'a &amp; &lt;b&gt; &quot;c&quot;'],
    ['_x0041_', '_x005F_x0041_'],
    ['a\u0001b\u001fc', 'a_x0001_b_x001F_c'],
    ['dòng 1\r\ndòng 2\rdòng 3', 'dòng 1\ndòng 2\ndòng 3'],
    ['tab\there', 'tab\there'],
    ['\ud800x', '\ufffdx'],
    ['😀 Cộng hòa', '😀 Cộng hòa'],
  ])('%j is written as %j', (input, xml) => {
    expect(cellText(input)).toBe(xml);
  });
});

/** Each entry's CRC-32 as the ZIP's central directory gives it (APPNOTE 4.3.12), by name. */
function centralCrcs(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const crcs: Record<string, number> = {};
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    crcs[name] = view.getUint32(at + 16, true);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return crcs;
}

describe('writeXlsxNative', () => {
  it('zips the same parts as writeXlsx, deflated by the runtime, with their CRC-32', async () => {
    const book = buildMergedWorkbook(dataInput());
    const modified = '2026-01-01T00:00:00Z';
    const native = await writeXlsxNative(book, { modified });
    expect(unzipped(native)).toEqual(unzipped(writeXlsx(book, { modified })));
    const crcs = centralCrcs(native);
    const files = unzipSync(native);
    expect(Object.keys(crcs).sort()).toEqual(Object.keys(files).sort());
    for (const [name, bytes] of Object.entries(files)) expect(crcs[name]).toBe(crc32(bytes));
    expect(readWorkbook(native).ok).toBe(true);
  });

  it('deflates a fixed part once per text: the same bytes again, another text its own', async () => {
    const modified = '2026-01-01T00:00:00Z';
    const book = (name: string, bold: boolean): Workbook => ({
      sheets: [{ name, rows: [{ index: 1, cells: [{ value: 1, style: { font: { bold } } }] }] }],
    });
    const first = await writeXlsxNative(book('Một', true), { modified });
    expect(await writeXlsxNative(book('Một', true), { modified })).toEqual(first);
    const other = unzipped(await writeXlsxNative(book('Hai', false), { modified }));
    expect(other).toEqual(unzipped(writeXlsx(book('Hai', false), { modified })));
    expect(other['xl/workbook.xml']).toContain('<sheet name="Hai"');
    expect(other['xl/styles.xml']).not.toContain('<b/>');
    expect(unzipped(first)['xl/styles.xml']).toContain('<b/>');
  });
});

describe('writeXlsx', () => {
  it('writes text as shared strings, never as formulas', () => {
    const p = parts(
      one([
        { value: '=1+1' },
        { value: '+84' },
        { value: 2 },
        { value: true },
        null,
        { value: null },
      ]),
    );
    const sheet = p['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('<c r="A1" t="s"><v>0</v></c>');
    expect(sheet).toContain('<c r="C1"><v>2</v></c>');
    expect(sheet).toContain('<c r="D1" t="b"><v>1</v></c>');
    expect(p['xl/sharedStrings.xml']).toContain('<t xml:space="preserve">=1+1</t>');
  });

  it('shares one style entry per distinct style', () => {
    const bold = { font: { bold: true } };
    const p = parts(
      one([
        { value: 'a', style: bold },
        { value: 'b', style: { font: { bold: true } } },
        { value: 'c' },
      ]),
    );
    expect(p['xl/styles.xml']).toMatch(/<cellXfs count="2">/);
  });

  it('print titles, freeze, protection and validations land where Excel looks', () => {
    const p = parts({
      sheets: [
        {
          name: 'Tình hình nộp báo cáo',
          rows: [{ index: 1, cells: [{ value: 'x', style: { locked: false } }] }],
          freeze: { row: 7, col: 1 },
          print: { orientation: 'landscape', fitToWidth: true, repeatRows: [6, 6] },
          protect: true,
          dataValidations: [{ range: 'F7:F9', type: 'list', values: ['Có', 'Không'] }],
        },
      ],
    });
    expect(p['xl/workbook.xml']).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tình hình nộp báo cáo'!$6:$6</definedName>`,
    );
    const sheet = p['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toContain('ySplit="6" topLeftCell="A7"');
    expect(sheet).toContain(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    );
    expect(sheet).toContain('<sheetProtection sheet="1"');
    expect(sheet).toContain('<formula1>"Có,Không"</formula1>');
    expect(p['xl/styles.xml']).toContain('<protection locked="0"/>');
  });

  it('manual page breaks: rowBreaks after the footer, each naming the last row of its page', () => {
    const sheet = (rowBreaks: number[]) => ({
      sheets: [
        {
          name: 'S',
          rows: [{ index: 1, cells: [{ value: 'x' }] }],
          print: { footer: '&CTrang &P' },
          rowBreaks,
        },
      ],
    });
    const xml = parts(sheet([5, 12]))['xl/worksheets/sheet1.xml'] ?? '';
    expect(xml).toContain(
      '</headerFooter><rowBreaks count="2" manualBreakCount="2"><brk id="4" max="16383" man="1"/><brk id="11" max="16383" man="1"/></rowBreaks></worksheet>',
    );
    expect(parts(sheet([]))['xl/worksheets/sheet1.xml']).not.toContain('rowBreaks');
    expect(() => writeXlsx(sheet([1]))).toThrow(/S.*row 1/);
  });

  it.each([[''], ['a'.repeat(32)], ['a/b'], ['x[1]'], ["'q"]])(
    'refuses the sheet name %j',
    (name) => {
      expect(() => writeXlsx({ sheets: [{ name, rows: [] }] })).toThrow(/sheet name/);
    },
  );

  it("cellRefs 'gaps': rows and cells in order go without r, a gap or a later start keeps it", () => {
    const wb: Workbook = {
      cellRefs: 'gaps',
      sheets: [
        {
          name: 'S',
          rows: [
            { index: 1, cells: [{ value: 'a1' }, { value: 'b1' }, null, { value: 'd1' }] },
            { index: 2, cells: [null, null, { value: 'c2' }], height: 30 },
            { index: 4, cells: [{ value: 4 }] },
          ],
        },
      ],
    };
    const sheet = parts(wb)['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toContain(
      '<sheetData><row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>' +
        '<row ht="30" customHeight="1"><c r="C2" t="s"><v>3</v></c></row>' +
        '<row r="4"><c><v>4</v></c></row></sheetData>',
    );
    // SheetJS (the upload path's reader) puts each cell where the model has it.
    const ws = sheetjsRead(writeXlsx(wb), { type: 'array' }).Sheets.S ?? {};
    const at = (ref: string) => (ws[ref] as { v?: unknown } | undefined)?.v;
    expect(['A1', 'B1', 'C1', 'D1', 'C2', 'A3', 'A4'].map(at)).toEqual([
      'a1',
      'b1',
      undefined,
      'd1',
      'c2',
      undefined,
      4,
    ]);
  });

  it('refuses duplicate names (case-insensitive) and list validations Excel cannot hold', () => {
    expect(() =>
      writeXlsx({
        sheets: [
          { name: 'Tổng hợp', rows: [] },
          { name: 'TỔNG HỢP', rows: [] },
        ],
      }),
    ).toThrow(/Duplicate/);
    expect(() =>
      writeXlsx({
        sheets: [
          {
            name: 'S',
            rows: [],
            dataValidations: [{ range: 'A1', type: 'list', values: ['a,b'] }],
          },
        ],
      }),
    ).toThrow(/commas/);
  });
});
