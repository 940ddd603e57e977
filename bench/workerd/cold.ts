// A cold upload in workerd: the Worker started afresh (wrangler's
// unstable_dev with the product's wrangler.toml, so minified and aliased as
// deployed) for every measurement, as a new isolate meets an agency's first
// upload. Two figures per start:
//   start-up   workerd's CPU once the Worker is ready (script compiled, its
//              modules evaluated), less that of the same workerd started with
//              an empty Worker (bench/workerd/empty.ts) in the same round;
//   first      the first upload's CPU (bench/workerd/upload.ts POST /upload),
//              less a request that only reads the same body (POST /body),
//              both after one warm-up request for the request path itself.
// Start-up is read from /proc/<pid>/stat (10 ms ticks, every thread that has
// run); a request from the threads' /proc/<pid>/task/<tid>/schedstat, whose
// first field is the thread's time on the CPU in nanoseconds, so that a
// single request can be measured.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unstable_dev } from 'wrangler';
import { buildPublic, PUBLIC_DIR } from '../../scripts/lib/build-public.ts';
import { cpuMs, descendantsNamed, TICK_MS } from './cpu.ts';

/** The CPU time (ms, ns resolution) of `pid`'s live threads. */
export function threadsCpuMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return ns / 1e6;
}

/** What the Worker reads: an agency's filled template. */
export interface ColdInput {
  bytes: Uint8Array;
  agency: string;
  period: string;
}

export interface ColdFigures {
  /** Start-up CPU over an empty Worker's, ms, per start. */
  startup: number[];
  /** The first upload's CPU over a body-only request's, ms, per start. */
  first: number[];
  /** The second upload's, likewise: how far one upload warms the isolate. */
  second: number[];
}

/**
 * Starts `entry` with `root`'s wrangler.toml and waits for its first answer
 * (GET /ready: the product app's 404, or the empty Worker's): unstable_dev
 * may start the Worker's workerd only then. It runs more than one workerd (a
 * proxy, and the Worker's, which has compiled and evaluated the script: the
 * one with the most CPU). Its CPU so far, in ms, is the start-up figure.
 */
async function start(root: string, entry: string) {
  const before = new Set(descendantsNamed(process.pid, 'workerd'));
  const worker = await unstable_dev(join(root, entry), {
    config: join(root, 'wrangler.toml'),
    logLevel: 'error',
    experimental: { disableExperimentalWarning: true },
  });
  await (await worker.fetch('/ready')).text();
  const pids = descendantsNamed(process.pid, 'workerd').filter((p) => !before.has(p));
  const startup = pids.map(cpuMs);
  const i = startup.indexOf(Math.max(...startup));
  const pid = pids[i];
  if (pid === undefined) throw new Error('no workerd found under this process');
  return { worker, pid, startup: startup[i] as number };
}

/**
 * Measures `times` cold uploads of `input` by the Worker in `root` (a
 * checkout of this repository: its bench/workerd/upload.ts and wrangler.toml,
 * its dist/public built if missing). To compare two checkouts, call this
 * for each in turn, one start at a time.
 */
export async function coldUpload(
  root: string,
  input: ColdInput,
  times: number,
): Promise<ColdFigures> {
  // The product's wrangler.toml serves dist/public, which must exist.
  if (!existsSync(join(root, PUBLIC_DIR))) await buildPublic({ outDir: join(root, PUBLIC_DIR) });
  const figures: ColdFigures = { startup: [], first: [], second: [] };
  const query = `agency=${encodeURIComponent(input.agency)}&period=${encodeURIComponent(input.period)}`;
  for (let i = 0; i < times; i++) {
    const empty = await start(root, 'bench/workerd/empty.ts');
    await empty.worker.stop();
    const { worker, pid, startup } = await start(root, 'bench/workerd/upload.ts');
    try {
      const post = async (path: string) => {
        const c0 = threadsCpuMs(pid);
        const r = await worker.fetch(path, { method: 'POST', body: input.bytes });
        const text = await r.text();
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status} ${text}`);
        return threadsCpuMs(pid) - c0;
      };
      await post('/body'); // the request path's own first run
      const body = await post('/body');
      const first = await post(`/upload?${query}`);
      const second = await post(`/upload?${query}`);
      figures.startup.push(startup - empty.startup);
      figures.first.push(first - body);
      figures.second.push(second - body);
    } finally {
      await worker.stop();
    }
  }
  return figures;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The figures as the lines bench/workerd.bench.ts prints. */
export function coldLines(f: ColdFigures): string[] {
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
  return [
    `upload, first in a fresh isolate, in workerd: ${median(f.first).toFixed(1)} ms CPU ` +
      `(median of ${f.first.length} starts, range ${range(f.first)}; the second: ${median(f.second).toFixed(1)} ms)`,
    `  the Worker's start-up before it (script compiled, modules evaluated), over an empty Worker's: ` +
      `${median(f.startup).toFixed(0)} ms CPU ±${TICK_MS}`,
  ];
}
