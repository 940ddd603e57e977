// Cell notes as independent readers see them: the annotated refused upload
// (worker/src/reports/annotated.ts) written by the project's writer, then
// read by openpyxl (each note's text and the marked cells' fills) and
// converted by LibreOffice headless to flat ODS (each note an annotation).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLayout, layoutToGrid } from '../../shared/layout/index.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import { lySon58 as plan } from '../../shared/plan/index.ts';
import { validate } from '../../shared/validate/index.ts';
import { buildAnnotatedWorkbook, MARK_FILL } from '../../worker/src/reports/annotated.ts';
import { writeXlsx } from '../../worker/src/xlsx/writer.ts';
import { openpyxlPython } from './readers/python.ts';

const run = promisify(execFile);
const TIMEOUT = 180_000;
const dir = mkdtempSync(join(tmpdir(), 'xlsx-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AGENCY = 'P-TP';
const PERIOD = getPeriod('2026-Q1');
const layout = buildLayout(plan, AGENCY, PERIOD);
// Task 1: a status not on the list (error); task 2: in progress with a lower
// percent than the previous report (warning); the rest valid.
const values = layoutToGrid(layout, (t) => ({
  status: t === layout.tasks[0] ? 'Xong & <đủ>' : 'Đang triển khai',
  percent: 40,
  result: `Kết quả ${t.taskId}`,
}));
const checked = validate(
  { values },
  {
    plan,
    agency: AGENCY,
    period: PERIOD.code,
    previous: {
      period: '2025-Y',
      rows: [{ taskId: layout.tasks[1]?.taskId ?? '', status: 'in-progress', percent: 90 }],
    },
  },
);
const grid = {
  values,
  formulas: values,
  numberFormats: values.map((r) => r.map(() => 'General')),
  origin: 'A1',
  date1904: false,
};
const file = join(dir, 'annotated.xlsx');
writeFileSync(
  file,
  writeXlsx(buildAnnotatedWorkbook(plan, AGENCY, PERIOD, grid, checked.findings)),
);
const row = (i: number) => layout.tasks[i]?.row ?? 0;

describe('annotated workbook: notes and marks in other readers', () => {
  it('the validator found what the test expects', () => {
    expect(checked.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      `STATUS_INVALID@F${row(0)}`,
      `REGRESSION@G${row(1)}`,
    ]);
  });

  it(
    'openpyxl reads each note’s text and the red and amber fills',
    async () => {
      const py = await openpyxlPython();
      const script = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
out = {}
for row in ws.iter_rows():
    for c in row:
        if c.comment:
            out[c.coordinate] = {"note": c.comment.text, "fill": c.fill.fgColor.rgb, "value": c.value}
print(json.dumps(out, ensure_ascii=False))
`;
      const { stdout } = await run(py, ['-c', script, file], { timeout: TIMEOUT });
      const notes = JSON.parse(stdout) as Record<
        string,
        { note: string; fill: string; value: unknown }
      >;
      expect(Object.keys(notes).sort()).toEqual([`F${row(0)}`, `G${row(1)}`].sort());
      const bad = notes[`F${row(0)}`];
      expect(bad?.value).toBe('Xong & <đủ>');
      expect(bad?.fill).toMatch(new RegExp(`${MARK_FILL.error}$`));
      expect(bad?.note).toBe(
        `Lỗi: ${checked.findings[0]?.message.vi}\nError: ${checked.findings[0]?.message.en}`,
      );
      const warn = notes[`G${row(1)}`];
      expect(warn?.fill).toMatch(new RegExp(`${MARK_FILL.warning}$`));
      expect(warn?.note).toContain(
        'Cảnh báo: Tỷ lệ hoàn thành 40% thấp hơn báo cáo kỳ Năm 2025 (2025-Y)',
      );
    },
    TIMEOUT,
  );

  it(
    'LibreOffice opens it with both notes as annotations',
    async () => {
      await run(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'lo')}`,
          '--headless',
          '--convert-to',
          'fods',
          '--outdir',
          dir,
          file,
        ],
        { timeout: TIMEOUT },
      );
      const fods = readFileSync(join(dir, 'annotated.fods'), 'utf8');
      const annotations = fods.match(/<office:annotation[ >]/g) ?? [];
      expect(annotations).toHaveLength(2);
      expect(fods).toContain('Error: ');
      expect(fods).toContain('Lỗi: ');
    },
    TIMEOUT,
  );
});
