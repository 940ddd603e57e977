// npm run bench:addin — the task pane's size on the wire and the cost of one
// "Kiểm tra" outside Excel's own time: the bundle and the ES5 build minified
// and gzipped (what a slow link downloads once), and a check over the
// stand-in Excel (read snapshot, validate, plan highlights, write them) for
// a clean and a mistake-filled sheet. Prints figures; asserts nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyse } from '../addin/src/check.ts';
import { checkActiveSheet, createSheet } from '../addin/src/office/host.ts';
import { sheetSpec } from '../addin/src/sheet/spec.ts';
import { buildPublic } from '../scripts/lib/build-public.ts';
import { buildLayout, cellOf } from '../shared/layout/index.ts';
import { getPeriod } from '../shared/periods/index.ts';
import { lySon58 } from '../shared/plan/index.ts';
import { FakeExcel } from '../tests/support/fake-excel.ts';

// The two scripts as `npm run build` writes them: the module (current
// webviews) and the ES5 build with its polyfills (Office 2016/2019 webviews).
const dir = mkdtempSync(join(tmpdir(), 'lyson-bench-'));
await buildPublic({ outDir: dir });
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const scripts: [label: string, file: string][] = [
  ['task pane bundle', 'taskpane.js'],
  ['task pane ES5 build (IE11, EdgeHTML)', 'taskpane.legacy.js'],
];
for (const [label, file] of scripts) {
  const js = readFileSync(join(dir, file));
  console.log(`${label}: ${kib(js.length)} minified, ${kib(gzipSync(js).length)} gzipped`);
}
rmSync(dir, { recursive: true, force: true });

const AGENCY = 'BTC-NV-LDTBXH'; // one of the agencies with the most tasks (18)
const period = getPeriod('2026-Q1');
const layout = buildLayout(lySon58, AGENCY, period);
const spec = sheetSpec(layout);
const excel = new FakeExcel(['Sheet1']);
excel.install(globalThis as unknown as Record<string, unknown>);
await createSheet(spec, { validation: true });

const time = async (label: string, fill: () => void, runs = 200) => {
  fill();
  await checkActiveSheet(analyse(lySon58, AGENCY, period.code)); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await checkActiveSheet(analyse(lySon58, AGENCY, period.code));
  const ms = (performance.now() - t0) / runs;
  const syncs = Math.max(...excel.syncsPerRun.slice(-runs));
  console.log(
    `check, ${label} (${layout.tasks.length} tasks): ${ms.toFixed(2)} ms, ≤ ${syncs} syncs`,
  );
};

await time('clean sheet', () => {
  for (const t of layout.tasks) {
    excel.type(spec.name, cellOf(t.row, 'status'), 'Đang triển khai');
    excel.type(spec.name, cellOf(t.row, 'percent'), 50);
    excel.type(spec.name, cellOf(t.row, 'result'), 'Đã triển khai theo kế hoạch.');
  }
});
await time('every row wrong', () => {
  for (const t of layout.tasks) excel.type(spec.name, cellOf(t.row, 'percent'), 140);
});
