// npm run bench:workerd (and the last part of npm run bench): the Worker's
// heavy operations measured inside workerd, each against an alternative
// measured in the same run, in the same workerd, batches taken in turn.
// Prints figures; asserts nothing.
//
//   node bench/workerd.bench.ts                    every comparison
//   node bench/workerd.bench.ts --only workbook,template
//                                                  those comparisons (bench:xlsx)
//   node bench/workerd.bench.ts --write-docs       and writes the table of
//                                                  docs/benchmarks.md (bench:docs)
//
// Inside workerd the clocks only advance on I/O, so a request cannot time
// itself. Instead wrangler's unstable_dev starts the bench Worker
// (bench/workerd/worker.ts) in a local workerd, and this script reads that
// process's CPU time from the kernel (/proc/<pid>/stat, utime + stime)
// before and after each request. One request runs a workload n times; its
// CPU, less an empty request's (the request's own cost) and less workerd's
// idle CPU over the same wall time, divided by n, is one operation's CPU.
// Ticks are 10 ms, so each batch runs for about a second.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { unstable_dev } from 'wrangler';
import { ROOT } from '../scripts/lib/wrangler.ts';
import { coldLines, coldUpload } from './workerd/cold.ts';
import { cpuMs, descendantsNamed, TICK_MS } from './workerd/cpu.ts';
import { type Comparison, docsTable, median, range, replaceMarked } from './workerd/table.ts';
import { filledTemplate, UPLOAD_AGENCY, UPLOAD_PERIOD } from './workloads.ts';

/**
 * The comparisons: our workload and its alternative (bench/workloads.ts),
 * each run `n` times per batch (about a second of CPU). The ratio printed
 * is the alternative's CPU over ours: above 1, ours is that much faster.
 */
const PLAN = [
  {
    name: 'workbook',
    line: 'merged workbook vs exceljs',
    ours: 'workbook',
    alt: 'workbook.exceljs',
    n: 240,
    nAlt: 60,
  },
  {
    // The fixed parts deflated on every build too, as in a fresh isolate's first download.
    name: 'workbook',
    line: 'merged workbook, every part deflated, vs exceljs',
    ours: 'workbook.first',
    alt: 'workbook.exceljs',
    n: 240,
    nAlt: 60,
  },
  {
    name: 'workbook',
    line: 'merged workbook writer vs exceljs writing the same model',
    ours: 'write',
    alt: 'write.exceljs',
    n: 400,
    nAlt: 70,
  },
  {
    name: 'deflate',
    line: 'merged workbook writer, native deflate vs fflate',
    ours: 'write',
    alt: 'write.fflate',
    n: 400,
    nAlt: 200,
  },
  {
    name: 'template',
    line: 'template vs exceljs',
    ours: 'template',
    alt: 'template.exceljs',
    n: 800,
    nAlt: 250,
  },
  {
    name: 'report.docx',
    line: 'report.docx vs docx packing the same text as plain paragraphs',
    ours: 'report.docx',
    alt: 'report.docx.floor',
    n: 40,
    nAlt: 60,
  },
  {
    name: 'upload',
    line: "upload read + validate vs SheetJS's XLSX.read of the same bytes",
    ours: 'upload',
    alt: 'upload.floor',
    n: 250,
    nAlt: 400,
  },
] as const;
// Seven batches a side, each about 0.8 s of CPU: exceljs's own batches
// vary by ±20 % on this shared machine, and five of 0.3 s let one slow
// batch move a median.
const BATCHES = 7;
const EMPTY_REQUESTS = 200;
/** Fresh starts of the product Worker for the cold upload (bench/workerd/cold.ts). */
const COLD_STARTS = 5;

const { values: args } = parseArgs({
  options: { only: { type: 'string' }, 'write-docs': { type: 'boolean' } },
});
const only = args.only?.split(',');
const plan = PLAN.filter((p) => !only || only.includes(p.name));

const worker = await unstable_dev('bench/workerd/worker.ts', {
  config: 'bench/workerd/wrangler.toml',
  logLevel: 'error',
  experimental: { disableExperimentalWarning: true },
});

const results: Comparison[] = [];
try {
  const run = async (op: string, n: number) => {
    const r = await worker.fetch(`/run?op=${encodeURIComponent(op)}&n=${n}`);
    if (!r.ok) throw new Error(`${op}: HTTP ${r.status} ${await r.text()}`);
    return (await r.json()) as { bytes: number };
  };
  // unstable_dev may run more than one workerd (a proxy, and the Worker's,
  // which can be restarted once it has settled): after a first request that
  // builds nothing, the Worker's is the one that spends the most CPU on the
  // next, which builds the isolate's inputs (the fixture and filled template).
  await (await worker.fetch('/ping')).text();
  const pids = descendantsNamed(process.pid, 'workerd');
  const before = pids.map(cpuMs);
  await run('empty', 1);
  const spent = pids.map((p, i) => cpuMs(p) - (before[i] as number));
  const busiest = spent.indexOf(Math.max(...spent));
  const pid = pids[busiest];
  if (pid === undefined) throw new Error('no workerd found under this process');
  /** workerd's CPU (ms) and the wall time (ms) while `fn` runs. */
  const measure = async (fn: () => Promise<unknown>) => {
    const c0 = cpuMs(pid);
    const t0 = performance.now();
    await fn();
    return { cpu: cpuMs(pid) - c0, wall: performance.now() - t0 };
  };
  // The isolate's first report.docx (V8 has not compiled `docx` yet): one
  // request, so ±one tick; no alternative.
  const cold = plan.some((p) => p.name === 'report.docx')
    ? await measure(() => run('report.docx', 1))
    : undefined;
  // workerd at rest, then the cost of a request that does nothing.
  const idle = await measure(() => new Promise((r) => setTimeout(r, 1000)));
  const idlePerMs = idle.cpu / idle.wall;
  const empty = await measure(async () => {
    for (let i = 0; i < EMPTY_REQUESTS; i++) await run('empty', 1);
  });
  const perRequest = (empty.cpu - idlePerMs * empty.wall) / EMPTY_REQUESTS;
  console.log(
    `workerd (pid ${pid} of ${pids.length}), CPU from /proc in ${TICK_MS} ms ticks: ` +
      `idle ${(idlePerMs * 1000).toFixed(0)} ms/s, an empty request ${perRequest.toFixed(2)} ms`,
  );
  if (cold) {
    console.log(
      `report.docx, first in a fresh isolate, in workerd: ${(cold.cpu - perRequest).toFixed(0)} ms CPU ±${TICK_MS}`,
    );
  }
  /** One batch: CPU per operation, in ms. */
  const batch = async (op: string, n: number) => {
    const m = await measure(() => run(op, n));
    return (m.cpu - idlePerMs * m.wall - perRequest) / n;
  };
  for (const p of plan) {
    // Warm up workerd's JIT on both.
    const { bytes } = await run(p.ours, 3);
    const { bytes: altBytes } = await run(p.alt, 3);
    const ours: number[] = [];
    const alt: number[] = [];
    for (let b = 0; b < BATCHES; b++) {
      ours.push(await batch(p.ours, p.n));
      alt.push(await batch(p.alt, p.nAlt));
    }
    const c: Comparison = { line: p.line, ours, alt, bytes, altBytes };
    results.push(c);
    const o = median(ours);
    const a = median(alt);
    console.log(`${p.line} in workerd: ${(a / o).toFixed(1)}×`);
    console.log(
      `  ours ${o.toFixed(1)} ms CPU (batches ${range(ours)}), ${kib(bytes)}; ` +
        `alternative ${a.toFixed(1)} ms (batches ${range(alt)}), ${kib(altBytes)}; ` +
        `medians of ${BATCHES} batches of ${p.n} and ${p.nAlt}`,
    );
  }
} finally {
  await worker.stop();
}

// A cold upload: the product Worker started afresh for each (bench/workerd/cold.ts).
if (!only || only.includes('upload')) {
  const upload = { bytes: filledTemplate().bytes, agency: UPLOAD_AGENCY, period: UPLOAD_PERIOD };
  for (const line of coldLines(await coldUpload(ROOT, upload, COLD_STARTS))) console.log(line);
}

if (args['write-docs']) {
  const path = 'docs/benchmarks.md';
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(path, replaceMarked(readFileSync(path, 'utf8'), docsTable(results, date)));
  console.log(`${path}: table written`);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
