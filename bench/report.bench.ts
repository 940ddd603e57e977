// npm run bench (last part): building the written report (.docx) with the
// `docx` library in Node. Prints figures; asserts nothing. Input: the
// reader tests' realistic period (16 agencies, every task, texts of
// 100–600 characters, hostile strings and a 20,000-character text).
// Measured in Node, not workerd: workerd's clocks only advance on I/O, so a
// build inside one request cannot time itself.
import { EMPTY_DOCUMENT_SETTINGS } from '../shared/documents/index.ts';
import { dataInput } from '../tests/node/readers/fixtures.ts';
import { buildReportDocx } from '../worker/src/reports/report.ts';

const input = dataInput();
const start = performance.now();
let bytes = await buildReportDocx(input, EMPTY_DOCUMENT_SETTINGS);
const first = performance.now() - start;
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  bytes = await buildReportDocx(input, EMPTY_DOCUMENT_SETTINGS);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
console.log(
  `Written report (.docx): first build ${first.toFixed(0)} ms, then median ${median.toFixed(1)} ms of 30; ${(bytes.length / 1024).toFixed(0)} KiB`,
);
