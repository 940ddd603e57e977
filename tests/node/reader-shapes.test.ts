// The reader shapes (tests/fixtures/reader-shapes/, listed in shapes.ts and
// docs/reader-shapes.md): our template for MTTQ 2026-Q4, filled on row 7 and
// rewritten into a shape of .xlsx that office software writes and that some
// public spreadsheet reader once read wrongly. Each is read as an upload is
// (readWorkbook → chooseProgressSheet → validate) and must give row 7 as the
// person saw it in Excel, every other cell as the template holds it, and no
// finding. An independent reader (openpyxl, or LibreOffice where openpyxl
// cannot read the shape) must see the same row 7, so the files are shapes
// other software accepts, not damage.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../shared/layout/columns.ts';
import { validate } from '../../shared/validate/index.ts';
import { chooseProgressSheet, readWorkbook } from '../../shared/workbook/index.ts';
import {
  AGENCY,
  expectedRow7,
  PERIOD,
  type Row7,
  SHAPES,
  type Shape,
} from '../fixtures/reader-shapes/shapes.ts';
import { filledGrid, plan } from '../support/upload-files.ts';
import { parseCsv } from './readers/csv.ts';
import { openpyxlPython } from './readers/python.ts';

const run = promisify(execFile);
const TIMEOUT = 180_000;
const fixture = (s: Shape) =>
  fileURLToPath(new URL(`../fixtures/reader-shapes/${s.name}.xlsx`, import.meta.url));
/** Columns F–K in order: the fillable columns of the layout. */
const FILL_KEYS = COLUMNS.flatMap((c) => (c.fixed ? [] : [c.key]));
const asCells = (row: Row7) => FILL_KEYS.map((k) => row[k]);

/** What the product reads from a shape's file, as an upload is read. */
function readShape(s: Shape) {
  const read = readWorkbook(new Uint8Array(readFileSync(fixture(s))));
  if (!read.ok) throw new Error(`${s.name}: ${read.problem.reason}: ${read.problem.message.en}`);
  const chosen = chooseProgressSheet(read, { agency: AGENCY, period: PERIOD });
  if (!chosen.ok) throw new Error(`${s.name}: ${chosen.problem.message.en}`);
  const result = validate(chosen.sheet.grid, { plan, agency: AGENCY, period: PERIOD });
  return { read, sheet: chosen.sheet, result };
}

describe('reader shapes: what the product reads', () => {
  for (const shape of SHAPES) {
    it(`${shape.name}: row 7 as Excel shows it, the rest as the template holds it, no finding`, () => {
      const want = expectedRow7(shape);
      const { read, sheet, result } = readShape(shape);
      expect(read.progressSheets).toHaveLength(1);
      expect(sheet.identity).toMatchObject({ agency: AGENCY, period: PERIOD, cell: 'A5' });
      expect(sheet.grid.origin).toBe('A1');
      // Every cell, the title rows and the header included, as the layout draws it.
      expect(sheet.grid.values).toEqual(
        filledGrid(AGENCY, PERIOD, (t) => (t.row === 7 ? { ...want } : {})),
      );
      expect(result.findings).toEqual([]);
      expect(result.submission?.rows).toEqual([
        expect.objectContaining({
          taskId: 'I.6',
          status: 'in-progress',
          percent: want.percent,
          result: want.result,
          completedProducts: want.completedProducts,
          difficulties: want.difficulties,
          proposals: want.proposals,
        }),
      ]);
    });
  }
});

describe('reader shapes: the docs', () => {
  it('docs/reader-shapes.md has a row for every shape, naming its file and every source', () => {
    const doc = readFileSync(new URL('../../docs/reader-shapes.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(SHAPES.length);
    for (const shape of SHAPES) {
      const row = rows.find((l) => l.startsWith(`| \`${shape.name}.xlsx\` |`));
      expect(row, shape.name).toBeDefined();
      for (const source of shape.sources) expect(row).toContain(`(${source})`);
    }
  });
});

describe('reader shapes: an independent reader sees the same row 7', () => {
  const viaLibreOffice = SHAPES.filter((s) => s.independent?.reader === 'libreoffice');
  const viaOpenpyxl = SHAPES.filter((s) => !s.independent);
  let dir = '';
  let openpyxl: Record<string, { values?: unknown[]; error?: string }> = {};
  const libreoffice: Record<string, string[] | undefined> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reader-shapes-'));
    const { stdout } = await run(
      await openpyxlPython(),
      [
        fileURLToPath(new URL('./readers/read_row.py', import.meta.url)),
        '7',
        '6',
        '11',
        ...viaOpenpyxl.map(fixture),
      ],
      { timeout: TIMEOUT, maxBuffer: 16 << 20 },
    );
    openpyxl = JSON.parse(stdout);
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        dir,
        ...viaLibreOffice.map(fixture),
      ],
      { timeout: TIMEOUT, maxBuffer: 16 << 20 },
    );
    for (const s of viaLibreOffice) {
      const csv = readFileSync(join(dir, `${s.name}.csv`), 'utf8');
      libreoffice[s.name] = parseCsv(csv)[6]?.slice(5, 11);
    }
  }, TIMEOUT);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every shape is checked by one independent reader or the other', () => {
    expect(viaOpenpyxl.length + viaLibreOffice.length).toBe(SHAPES.length);
    expect(viaLibreOffice.every((s) => s.independent?.why)).toBe(true);
  });

  for (const shape of SHAPES) {
    const reader = shape.independent?.reader ?? 'openpyxl';
    it(`${shape.name}: ${reader} reads row 7 as the product does`, () => {
      const want = asCells(expectedRow7(shape));
      if (reader === 'openpyxl') {
        expect(openpyxl[fixture(shape)]).toEqual({ sheet: expect.any(String), values: want });
      } else {
        // CSV holds text: the percent as LibreOffice shows it, line breaks as LF.
        expect(libreoffice[shape.name]).toEqual(want.map(String));
      }
    });
  }
});
