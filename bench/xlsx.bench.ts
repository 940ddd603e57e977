// npm run bench (third part): building and writing the merged district
// workbook and an agency template. Prints figures; asserts nothing.
// Input: the reader tests' realistic period (16 agencies, every task, texts
// of 100–600 characters, plus hostile strings and a 20,000-character text).
import { getPeriod } from '../shared/periods/index.ts';
import { lySon58 } from '../shared/plan/index.ts';
import { dataInput } from '../tests/node/readers/fixtures.ts';
import { buildMergedWorkbook } from '../worker/src/reports/merged.ts';
import { buildTemplateWorkbook } from '../worker/src/reports/template.ts';
import { writeXlsx } from '../worker/src/xlsx/writer.ts';

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time<T>(runs: number, fn: () => T): { ms: number; last: T } {
  let last = fn();
  for (let i = 0; i < 5; i++) last = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), last };
}

const input = dataInput();
const build = time(50, () => buildMergedWorkbook(input));
const rows = build.last.sheets.reduce((n, s) => n + s.rows.length, 0);
for (const level of [1, 6] as const) {
  const write = time(30, () => writeXlsx(build.last, { level }));
  console.log(
    `merged workbook (${build.last.sheets.length} sheets, ${rows} rows): build ${build.ms.toFixed(1)} ms + ` +
      `write (deflate ${level}) ${write.ms.toFixed(1)} ms, ${(write.last.length / 1024).toFixed(0)} KiB`,
  );
}
const period = getPeriod('2026-Q1');
const template = time(100, () => writeXlsx(buildTemplateWorkbook(lySon58, 'P-TP', period)));
console.log(
  `template (P-TP): build + write ${template.ms.toFixed(2)} ms, ${(template.last.length / 1024).toFixed(1)} KiB`,
);
