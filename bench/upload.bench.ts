// npm run bench:upload — reading an uploaded .xlsx the way the Worker does:
// the agency template filled in (our writer), through shared/workbook's
// checks and SheetJS, then validate(). Then the worst cases next to it (the
// padded file of issue 12: 31 extra sheets, ~2 million cells; XML padding
// outside cells: shared strings, defined names), each read once
// in a fresh Node child process for its time and peak memory. Also the
// Worker's bundle size, which SheetJS dominates. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { getPeriod } from '../shared/periods/index.ts';
import { readWorkbook } from '../shared/workbook/index.ts';
import { paddedXlsx, paddedXmlXlsx } from '../tests/support/upload-files.ts';
import { filledTemplate, readAndValidate, UPLOAD_AGENCY, UPLOAD_PERIOD } from './workloads.ts';

// Child mode: read one file once, print {ms, rssMiB, baseMiB} as JSON.
if (process.argv[2] === '--child') {
  const file = readFileSync(process.argv[3] ?? '');
  const base = process.resourceUsage().maxRSS;
  const t = performance.now();
  const read = readWorkbook(new Uint8Array(file));
  const ms = performance.now() - t;
  const outcome = read.ok
    ? `read, ${read.parsed.parts.length} sheet(s) parsed`
    : read.problem.reason;
  const mib = (kib: number) => kib / 1024;
  console.log(
    JSON.stringify({ ms, peak: mib(process.resourceUsage().maxRSS), base: mib(base), outcome }),
  );
  process.exit(0);
}

const AGENCY = UPLOAD_AGENCY;
const period = getPeriod(UPLOAD_PERIOD);
const { bytes, rows } = filledTemplate();

const runs = 50;
let checked = 0;
const t0 = performance.now();
for (let i = 0; i < runs; i++) checked += readAndValidate(bytes);
const ms = (performance.now() - t0) / runs;
console.log(
  `upload read + validate (${(bytes.length / 1024).toFixed(1)} KiB template, ${rows} rows): ${ms.toFixed(2)} ms (errors found: ${checked / runs})`,
);

/** One read of `bytes` in a fresh Node process: time, peak RSS and the RSS before reading. */
function measure(bytes: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'upload-bench-'));
  try {
    const file = join(dir, 'file.xlsx');
    writeFileSync(file, bytes);
    const run = spawnSync(process.execPath, [process.argv[1] ?? '', '--child', file], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout) as { ms: number; peak: number; base: number; outcome: string };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const cases = [
  ['filled template', bytes],
  ['padded (issue 12: +31 sheets, ~2M cells)', paddedXlsx(AGENCY, period.code)],
  ['padded, each sheet a possible progress sheet', paddedXlsx(AGENCY, period.code, true)],
  [
    'padded shared strings (99,000 varied, 29.6 MB of XML)',
    paddedXmlXlsx('sharedStrings', 99_000, AGENCY, period.code),
  ],
  [
    'padded workbook.xml (300,000 defined names)',
    paddedXmlXlsx('workbook', 300_000, AGENCY, period.code),
  ],
] as const;
console.log(
  'One readWorkbook() per fresh Node process (not workerd): time, peak RSS (maxRSS) and its growth',
);
const [normal, ...worst] = cases.map(([name, b]) => ({ name, size: b.length, ...measure(b) }));
if (!normal) throw new Error('no normal case');
for (const c of [normal, ...worst]) {
  const grow = c.peak - c.base;
  console.log(
    `  ${c.name} (${(c.size / 1024).toFixed(0)} KiB): ${c.ms.toFixed(0)} ms (×${(c.ms / normal.ms).toFixed(1)}), peak RSS ${c.peak.toFixed(0)} MiB (×${(c.peak / normal.peak).toFixed(2)}), +${grow.toFixed(0)} MiB while reading; ${c.outcome}`,
  );
}

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
