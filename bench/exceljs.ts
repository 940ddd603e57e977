// The alternative the workbook benchmarks compare with: exceljs 4.4 writing
// the same workbook model (worker/src/xlsx/types.ts) our writer takes, with
// the same look (fonts, borders, fills, alignment and wrap, number formats,
// column widths, row heights, merges, frozen panes, print setup and titles,
// footer, page breaks, data validations, notes, hidden sheets) at the same
// deflate level (exceljs zips with JSZip, which deflates with pako).
// Not part of the product: a devDependency, run by the benchmarks only.
// ECMAScript only: this file is bundled into the bench Worker (workerd).
import ExcelJS from 'exceljs';
import type { Style, Workbook } from '../worker/src/xlsx/types.ts';

type ExcelStyle = Partial<ExcelJS.Style>;

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };

/** Our cell style as exceljs's, converted once per distinct style object. */
function excelStyle(s: Style): ExcelStyle {
  const out: ExcelStyle = {};
  const f = s.font ?? {};
  out.font = {
    name: f.name ?? 'Times New Roman',
    size: f.size ?? 12,
    family: 1,
    ...(f.bold ? { bold: true } : {}),
    ...(f.italic ? { italic: true } : {}),
    ...(f.underline ? { underline: true } : {}),
    ...(f.color ? { color: { argb: `FF${f.color.toUpperCase()}` } } : {}),
  };
  if (s.fill) {
    out.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: `FF${s.fill.toUpperCase()}` },
    };
  }
  if (s.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.horizontal || s.vertical || s.wrap) {
    out.alignment = {
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.vertical ? { vertical: s.vertical === 'center' ? 'middle' : s.vertical } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    };
  }
  if (s.numberFormat) out.numFmt = s.numberFormat;
  if (s.locked === false) out.protection = { locked: false };
  return out;
}

/**
 * `book` written by exceljs as .xlsx bytes, deflate `level` (6 as our
 * writer's default). Async because exceljs's writeBuffer is.
 */
export async function writeWithExceljs(book: Workbook, level = 6): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (book.title) wb.title = book.title;
  if (book.creator) wb.creator = book.creator;
  const styles = new Map<Style, ExcelStyle>();
  for (const sheet of book.sheets) {
    const p = sheet.print;
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views: sheet.freeze
        ? [{ state: 'frozen', xSplit: sheet.freeze.col - 1, ySplit: sheet.freeze.row - 1 }]
        : [],
      pageSetup: {
        paperSize: 9,
        orientation: p?.orientation ?? 'portrait',
        fitToPage: !!p?.fitToWidth,
        fitToWidth: 1,
        fitToHeight: p?.fitToHeight ? 1 : 0,
        ...(p?.repeatRows ? { printTitlesRow: `${p.repeatRows[0]}:${p.repeatRows[1]}` } : {}),
        margins: {
          ...(p?.margins ?? { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 }),
          header: 0.3,
          footer: 0.3,
        },
      },
      ...(p?.footer ? { headerFooter: { oddFooter: p.footer } } : {}),
    });
    ws.columns = (sheet.columns ?? []).map((c) => ({ width: c.width }));
    const breaks = new Set(sheet.rowBreaks ?? []);
    for (const row of sheet.rows) {
      const r = ws.getRow(row.index);
      if (row.height) r.height = row.height;
      row.cells.forEach((c, i) => {
        if (!c) return;
        const cell = r.getCell(i + 1);
        if (c.value !== null) cell.value = c.value;
        if (c.style) {
          let st = styles.get(c.style);
          if (!st) {
            st = excelStyle(c.style);
            styles.set(c.style, st);
          }
          cell.style = st;
        }
      });
      // exceljs puts a break after the row it is called on.
      if (breaks.has(row.index + 1)) r.addPageBreak();
    }
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    for (const v of sheet.dataValidations ?? []) {
      const rule: ExcelJS.DataValidation =
        v.type === 'list'
          ? {
              type: 'list',
              allowBlank: v.allowBlank !== false,
              formulae: [`"${(v.values ?? []).join(',')}"`],
            }
          : {
              type: v.type,
              allowBlank: v.allowBlank !== false,
              operator: 'between',
              formulae: [v.min ?? 0, v.max ?? 0],
            };
      const [from, to] = v.range.split(':');
      // exceljs keeps validations per cell: every cell of the range.
      const a = ws.getCell(from as string);
      const b = ws.getCell(to ?? (from as string));
      for (let row = Number(a.row); row <= Number(b.row); row++) {
        for (let col = Number(a.col); col <= Number(b.col); col++) {
          ws.getCell(row, col).dataValidation = {
            ...rule,
            showErrorMessage: true,
            showInputMessage: true,
            ...(v.error ? { error: v.error, errorTitle: v.errorTitle ?? '' } : {}),
            ...(v.prompt ? { prompt: v.prompt, promptTitle: v.promptTitle ?? '' } : {}),
          };
        }
      }
    }
    for (const n of sheet.notes ?? []) ws.getCell(n.cell).note = n.text;
    if (sheet.protect) {
      // No password: exceljs then hashes nothing (as our writer).
      await ws.protect('', { formatColumns: true, formatRows: true });
    }
  }
  const buffer = await wb.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level } },
  } as Partial<ExcelJS.XlsxWriteOptions>);
  return new Uint8Array(buffer as ArrayBuffer);
}
