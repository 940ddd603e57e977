// The agency template on paper (issue 14): A4 landscape, the body legible
// once fitted to the page width (≥ 9 pt), rows tall enough for their text
// and free to grow, the metadata line small and grey. The blank template and
// one filled with realistic texts are read back with openpyxl and printed to
// PDF with LibreOffice; page 1 of each is kept in test-artifacts/ to look at.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildLayout,
  COLUMNS,
  FIRST_TASK_ROW,
  HEADER_ROW,
  META_LOOK,
  META_ROW,
} from '../../shared/layout/index.ts';
import { submissionFill } from '../../shared/submission/to-grid.ts';
import { buildMergedWorkbook, MERGED_SHEET_NAMES } from '../../worker/src/reports/merged.ts';
import { buildTemplateWorkbook } from '../../worker/src/reports/template.ts';
import type { Workbook } from '../../worker/src/xlsx/types.ts';
import { writeXlsx } from '../../worker/src/xlsx/writer.ts';
import { dataInput, period, plan, rowsFor } from './readers/fixtures.ts';
import { openpyxlPython } from './readers/python.ts';
import { toPdf } from './readers/soffice.ts';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = join(resolve(here, '../..'), 'test-artifacts');
const TIMEOUT = 180_000;

/** An agency with many tasks (18 in the plan of 2022). */
const AGENCY = 'BTC-NV-LDTBXH';
const templates = {
  blank: buildTemplateWorkbook(plan, AGENCY, period()),
  filled: buildTemplateWorkbook(plan, AGENCY, period(), {
    fill: submissionFill({ rows: rowsFor(AGENCY, 1) }),
  }),
} satisfies Record<string, Workbook>;
type Name = keyof typeof templates;
const NAMES = Object.keys(templates) as Name[];
/** The merged workbook's tables: Chi tiết and the plain tables (every row fitted by CLOSE_FIT). */
const merged = buildMergedWorkbook(dataInput());
const TABLES: string[] = [
  MERGED_SHEET_NAMES.detail,
  MERGED_SHEET_NAMES.issues,
  MERGED_SHEET_NAMES.submissions,
];
const books: Record<Name | 'tables', Workbook> = {
  ...templates,
  tables: { ...merged, sheets: merged.sheets.filter((s) => TABLES.includes(s.name)) },
};
const FILES = Object.keys(books) as (keyof typeof books)[];

/** Printable width of A4 landscape (11.69") between the template's side margins, in px at 96 dpi. */
function printablePx(book: Workbook): number {
  const m = book.sheets[0]?.print?.margins ?? { left: 0, right: 0 };
  return (11.69 - m.left - m.right) * 96;
}
/** Excel's pixels per width unit with the workbook's default font (Times New Roman 12 pt: digits 8 px). */
const EXCEL_PX_PER_WIDTH = 8;

/** The font sizes a PDF's text is set in (Tf operators of its content streams, in pt), counted. */
function textSizes(pdf: Buffer): Map<number, number> {
  const sizes = new Map<number, number>();
  const latin1 = pdf.toString('latin1');
  for (const m of latin1.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = latin1.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a Flate stream (or not content)
    }
    for (const t of content.matchAll(/\/F\d+ ([\d.]+) Tf/g)) {
      const size = Number(t[1]);
      sizes.set(size, (sizes.get(size) ?? 0) + 1);
    }
  }
  return sizes;
}

interface PyPrint {
  orientation: string;
  paperSize: number;
  fitToWidth: number;
  fitToHeight: number;
  fitToPage: boolean;
  margins: { left: number; right: number; top: number; bottom: number };
  titles: string;
  rows: Record<string, { height: number | null; custom: boolean }>;
  meta: { size: number; italic: boolean; color: string };
}
// openpyxl reports customHeight for every row with a height, so the rows'
// attributes are read from the sheet's XML.
const READ = `
import json, re, sys, zipfile, openpyxl
out = {}
for path in sys.argv[1:]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    rows = {m.group(1): {"height": float(re.search(r'ht="([\\d.]+)"', m.group(0)).group(1)) if "ht=" in m.group(0) else None,
                         "custom": 'customHeight="1"' in m.group(0)}
            for m in re.finditer(r'<row r="(\\d+)"[^>]*>', xml)}
    ps, pm = ws.page_setup, ws.page_margins
    meta = ws["A${META_ROW}"].font
    out[path] = {
        "orientation": ps.orientation, "paperSize": int(ps.paperSize),
        "fitToWidth": int(ps.fitToWidth), "fitToHeight": int(ps.fitToHeight),
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage),
        "margins": {"left": pm.left, "right": pm.right, "top": pm.top, "bottom": pm.bottom},
        "titles": ws.print_title_rows,
        "rows": rows,
        "meta": {"size": meta.sz, "italic": bool(meta.i), "color": meta.color.rgb},
    }
print(json.dumps(out))
`;

let dir = '';
const py: Record<string, PyPrint> = {};
const pdf: Record<
  string,
  { pages: number; size: [number, number]; text: string; sizes: Map<number, number> }
> = {};
const file = (name: keyof typeof books, ext: string) => join(dir, `${name}.${ext}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'template-print-'));
  for (const name of FILES) writeFileSync(file(name, 'xlsx'), writeXlsx(books[name]));
  const files = FILES.map((n) => file(n, 'xlsx'));
  const reading = (async () => {
    const { stdout } = await run(
      await openpyxlPython(),
      ['-c', READ, ...NAMES.map((n) => file(n, 'xlsx'))],
      {
        timeout: TIMEOUT,
        env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
      },
    );
    const all = JSON.parse(stdout) as Record<string, PyPrint>;
    for (const name of NAMES) py[name] = all[file(name, 'xlsx')] as PyPrint;
  })();
  const printing = (async () => {
    await toPdf(dir, dir, files, TIMEOUT);
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const name of FILES) {
      const path = file(name, 'pdf');
      const info = (await run('pdfinfo', [path])).stdout;
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
      const text = (await run('pdftotext', ['-layout', path, '-'])).stdout.normalize('NFC');
      pdf[name] = {
        pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
        size: [Number(w), Number(h)],
        text,
        sizes: textSizes(readFileSync(path)),
      };
      copyFileSync(path, join(ARTIFACTS, `template-${name}.pdf`));
      await run('pdftoppm', [
        ...['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path],
        join(ARTIFACTS, `template-${name}-page1`),
      ]);
    }
  })();
  await Promise.all([reading, printing]);
}, TIMEOUT);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the template on paper', () => {
  it.each(NAMES)(
    '%s: A4 landscape, fitted to one page width, the header row on every page',
    (name) => {
      const p = py[name] as PyPrint;
      expect(p).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToWidth: 1,
        fitToHeight: 0,
        fitToPage: true,
        titles: `$${HEADER_ROW}:$${HEADER_ROW}`,
      });
      const [w, h] = pdf[name]?.size ?? [0, 0];
      expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);
    },
  );

  it('fitted to the page width by Excel, the smallest body text prints at 9 pt or more', () => {
    const book = books.blank;
    const sheet = book.sheets[0];
    const widthPx = (sheet?.columns ?? []).reduce((s, c) => s + c.width, 0) * EXCEL_PX_PER_WIDTH;
    const scale = Math.min(1, printablePx(book) / widthPx);
    const bodySizes = (sheet?.rows ?? [])
      .filter((r) => r.index >= HEADER_ROW)
      .flatMap((r) => r.cells.map((c) => c?.style?.font?.size ?? 12));
    expect(Math.min(...bodySizes) * scale).toBeGreaterThanOrEqual(9);
  });

  it.each(NAMES)(
    '%s: printed by LibreOffice, all text but the metadata line is 9 pt or more',
    (name) => {
      const sizes = [...(pdf[name]?.sizes ?? new Map<number, number>())];
      // The body: the size most text runs are set in (11 pt, scaled to fit the width).
      const [body] = sizes.reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
      expect(body).toBeGreaterThanOrEqual(9);
      const scale = body / 11;
      for (const [size] of sizes) {
        const isMeta = Math.abs(size - META_LOOK.size * scale) < 0.05;
        expect(isMeta || size >= 9, `${size} pt`).toBe(true);
      }
    },
  );

  it.each(FILES)('%s: every word of every cell is printed (no row hides its text)', (name) => {
    const count = (words: string[]) => {
      const m = new Map<string, number>();
      for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
      return m;
    };
    // Words of letters, digits and punctuation: the hostile strings of the
    // merged fixtures (control characters, "_x0041_") print otherwise.
    // LibreOffice also breaks a line after a hyphen ("160/NQ-" / "CP"), and
    // -layout puts the next column's text between the two: each part counts.
    const wordsOf = (s: string) =>
      s
        .normalize('NFC')
        .split(/\s+|(?<=-)(?=[\p{L}\p{N}])/u)
        .filter((w) => /^[\p{L}\p{N},.;:()/%“”"-]+$/u.test(w));
    // pdftotext sometimes splits a word at a wide glyph ("đ ồng"): words are
    // counted in the printed text with its spaces taken out.
    const printedText = (pdf[name]?.text ?? '').replace(/\s+/g, '');
    const printedCount = (w: string) => printedText.split(w).length - 1;
    const written = count(
      books[name].sheets.flatMap((sheet) =>
        sheet.rows
          // Below the title rows; a row at Excel's 409 pt limit is cut by design.
          .filter(
            (r) => r.index >= (name === 'tables' ? 5 : FIRST_TASK_ROW) && (r.height ?? 0) < 409,
          )
          .flatMap((r) => r.cells.flatMap((c) => wordsOf(String(c?.value ?? '')))),
      ),
    );
    expect(written.size).toBeGreaterThan(50);
    for (const [word, n] of written) {
      expect(printedCount(word), `“${word}”`).toBeGreaterThanOrEqual(n);
    }
  });

  it.each(NAMES)('%s: task rows start fitted to their text and grow as text is typed', (name) => {
    const layout = buildLayout(plan, AGENCY, period());
    const rows = py[name]?.rows ?? {};
    for (const t of layout.tasks) {
      const r = rows[String(t.row)];
      // A height to open with (LibreOffice does not fit rows on opening), not a fixed one.
      expect(r?.height, `row ${t.row}`).toBeGreaterThan(15);
      expect(r?.custom, `row ${t.row}`).toBe(false);
    }
    // The title and metadata rows keep their fixed heights.
    expect(rows[String(META_ROW)]).toMatchObject({ custom: true });
    expect(rows[String(META_ROW)]?.height).toBeLessThan(15);
  });

  it('the metadata line stays in the sheet, small and grey, and is printed', () => {
    const p = py.blank as PyPrint;
    expect(p.meta).toEqual({
      size: META_LOOK.size,
      italic: META_LOOK.italic,
      color: `FF${META_LOOK.color}`,
    });
    expect(pdf.blank?.text.replace(/\s+/g, ' ')).toContain(`agency=${AGENCY}`);
  });

  it('the title does not repeat the plan number', () => {
    const text = pdf.blank?.text ?? '';
    const n = text.split(plan.def.number).length - 1;
    expect(n).toBe(1);
  });

  it('keeps the columns of the shared layout', () => {
    expect(books.blank.sheets[0]?.columns?.map((c) => c.width)).toEqual(
      COLUMNS.map((c) => c.width),
    );
  });
});
