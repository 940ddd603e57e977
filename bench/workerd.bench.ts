// npm run bench:workerd (and the last part of npm run bench): the Worker's
// heavy operations measured inside workerd, with the same code in Node in the
// same run as the reference. Prints figures; asserts nothing.
//
// Inside workerd the clocks only advance on I/O, so a request cannot time
// itself. Instead wrangler's unstable_dev starts the bench Worker
// (bench/workerd/worker.ts) in a local workerd, and this script reads that
// process's CPU time from the kernel (/proc/<pid>/stat, utime + stime)
// before and after each request. One request runs a workload n times; its
// CPU, less an empty request's (the request's own cost) and less workerd's
// idle CPU over the same wall time, divided by n, is one operation's CPU.
// Ticks are 10 ms, so each batch runs for about a second. Node's figure is
// process.cpuUsage() (user + system) over the same n runs in this process.
import { unstable_dev } from 'wrangler';
import { ROOT } from '../scripts/lib/wrangler.ts';
import { coldLines, coldUpload } from './workerd/cold.ts';
import { cpuMs, descendantsNamed, TICK_MS } from './workerd/cpu.ts';
import {
  filledTemplate,
  UPLOAD_AGENCY,
  UPLOAD_PERIOD,
  type Workload,
  workloads,
} from './workloads.ts';

/** Workloads, each run `n` times per batch (about a second of CPU), `batches` batches. */
const PLAN = [
  { op: 'report.docx', n: 25 },
  { op: 'workbook', n: 80 },
  { op: 'upload', n: 250 },
] as const;
const BATCHES = 3;
const EMPTY_REQUESTS = 200;
/** Fresh starts of the product Worker for the cold upload (bench/workerd/cold.ts). */
const COLD_STARTS = 5;

const worker = await unstable_dev('bench/workerd/worker.ts', {
  config: 'bench/workerd/wrangler.toml',
  logLevel: 'error',
  experimental: { disableExperimentalWarning: true },
});

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
  // The isolate's first report.docx: V8 has not compiled `docx` yet.
  const cold = await measure(() => run('report.docx', 1));
  // And Node's first, in this process (same inputs, built here).
  const inNode = workloads();
  const docx = inNode['report.docx'] as Workload;
  const c0 = process.cpuUsage();
  await docx.run();
  const coldNode = process.cpuUsage(c0);
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
  const nodeCold = (coldNode.user + coldNode.system) / 1000;
  console.log(
    `report.docx, first in a fresh isolate, in workerd: ${(cold.cpu - perRequest).toFixed(0)} ms CPU ±${TICK_MS} ` +
      `(Node's first: ${nodeCold.toFixed(0)} ms, ×${((cold.cpu - perRequest) / nodeCold).toFixed(2)})`,
  );
  for (const { op, n } of PLAN) {
    await run(op, 3); // warm up workerd's JIT
    const perOp: number[] = [];
    for (let b = 0; b < BATCHES; b++) {
      const m = await measure(() => run(op, n));
      perOp.push((m.cpu - idlePerMs * m.wall - perRequest) / n);
    }
    const workload = inNode[op] as Workload;
    for (let i = 0; i < 3; i++) await workload.run(); // and Node's
    const node: number[] = [];
    for (let b = 0; b < BATCHES; b++) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < n; i++) await workload.run();
      const c = process.cpuUsage(c0);
      node.push((c.user + c.system) / 1000 / n);
    }
    const w = median(perOp);
    const v = median(node);
    console.log(
      `${workload.label} in workerd: ${w.toFixed(1)} ms CPU (Node: ${v.toFixed(1)} ms, ×${(w / v).toFixed(2)}); ` +
        `median of ${BATCHES} batches of ${n}, workerd range ${Math.min(...perOp).toFixed(1)}–${Math.max(...perOp).toFixed(1)} ms`,
    );
  }
} finally {
  await worker.stop();
}

// A cold upload: the product Worker started afresh for each (bench/workerd/cold.ts).
const upload = { bytes: filledTemplate().bytes, agency: UPLOAD_AGENCY, period: UPLOAD_PERIOD };
for (const line of coldLines(await coldUpload(ROOT, upload, COLD_STARTS))) console.log(line);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
