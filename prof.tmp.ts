import { dataInput } from './tests/node/readers/fixtures.ts';
import { buildMergedWorkbook } from './worker/src/reports/merged.ts';
import { xlsxParts } from './worker/src/xlsx/writer.ts';
const input = dataInput();
for (let i = 0; i < 300; i++) buildMergedWorkbook(input);
const t0 = performance.now();
for (let i = 0; i < 300; i++) buildMergedWorkbook(input);
console.log('build', ((performance.now() - t0) / 300).toFixed(2));
