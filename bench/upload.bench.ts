// npm run bench:upload — reading an uploaded .xlsx the way the Worker does:
// the agency template filled in (our writer), through shared/workbook's
// checks and SheetJS, then validate(). Also the Worker's bundle size, which
// SheetJS dominates. Prints figures; asserts nothing.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { getPeriod } from '../shared/periods/index.ts';
import { lySon58 } from '../shared/plan/index.ts';
import { validate } from '../shared/validate/index.ts';
import { chooseProgressSheet, readWorkbook } from '../shared/workbook/index.ts';
import { buildTemplateWorkbook } from '../worker/src/reports/template.ts';
import { writeXlsx } from '../worker/src/xlsx/writer.ts';

const AGENCY = 'P-TP';
const period = getPeriod('2026-Q1');
const book = buildTemplateWorkbook(lySon58, AGENCY, period);
const sheet = book.sheets[0];
if (!sheet) throw new Error('no sheet');
// Fill the task rows' status and percent cells as a clerk would.
for (const row of sheet.rows) {
  if (row.index < 7) continue;
  const f = row.cells[5];
  const g = row.cells[6];
  const h = row.cells[7];
  if (f) f.value = 'Đang triển khai';
  if (g) g.value = 50;
  if (h) h.value = 'Đã triển khai theo kế hoạch; kết quả bước đầu.';
}
const bytes = writeXlsx(book);

const runs = 50;
let checked = 0;
const t0 = performance.now();
for (let i = 0; i < runs; i++) {
  const read = readWorkbook(bytes);
  if (!read.ok) throw new Error('unreadable');
  const choice = chooseProgressSheet(read, { agency: AGENCY, period: period.code });
  if (!choice.ok) throw new Error('no sheet chosen');
  const result = validate(choice.sheet.grid, {
    plan: lySon58,
    agency: AGENCY,
    period: period.code,
  });
  checked += result.errors;
}
const ms = (performance.now() - t0) / runs;
console.log(
  `upload read + validate (${(bytes.length / 1024).toFixed(1)} KiB template, ${sheet.rows.length} rows): ${ms.toFixed(2)} ms (errors found: ${checked / runs})`,
);

const worker = await build({
  entryPoints: ['worker/src/index.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  minify: true,
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  logLevel: 'silent',
});
const js = worker.outputFiles[0]?.contents ?? new Uint8Array();
console.log(
  `Worker bundle: ${(js.length / 1024).toFixed(0)} KiB minified, ${(gzipSync(js).length / 1024).toFixed(0)} KiB gzipped`,
);
