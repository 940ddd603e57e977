// npm run bench (second part): a bounded load run against `wrangler dev` on
// loopback. 20 report streams × 10 submissions, 20 requests in flight, then a
// check in D1 that each submission was stored exactly once with versions
// 1..10 per stream. Then the merged workbook of the full district (2026-Q1,
// 16 agencies × 10 versions) under 20 concurrent GET …/workbook.xlsx: rounds
// just after a change of its inputs (built, X-Cache: miss) and rounds right
// after those (served from D1, X-Cache: hit), interleaved, with p50/p95 of
// each and their ratio. Everything lives in a throwaway --persist-to directory.
//
// The plan has 16 reporting bodies, so the 20 streams are (agency, period)
// pairs: all 16 agencies in 2026-Q1 and the first 4 again in 2026-H1.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLayout, layoutToGrid } from '../shared/layout/index.ts';
import { getPeriod } from '../shared/periods/index.ts';
import { lySon58 } from '../shared/plan/index.ts';
import { validate } from '../shared/validate/index.ts';
import { type Statement, seedStatements, toSqlScript } from '../worker/src/db/seed.ts';
import { generateKey, hashKey } from '../worker/src/lib/keys.ts';

const STREAMS = 20;
const PER_STREAM = 10;
const IN_FLIGHT = 20;
const PORT = 8797;
const WORKBOOK_ROUNDS = 3; // of each kind, 20 requests each
const DEADLINE_MS = 240_000; // the whole run stops by itself after this
// Run wrangler's JS with this Node (22): its bin's shebang may find an older `node` on PATH.
const WRANGLER_JS = 'node_modules/wrangler/bin/wrangler.js';

const dir = mkdtempSync(join(tmpdir(), 'ls-load-'));
const persist = ['--local', '--persist-to', dir];
const env = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' };

function wrangler(args: string[]): string {
  const r = spawnSync(process.execPath, [WRANGLER_JS, ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0)
    throw new Error(`wrangler ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function submission(agency: string, period: string, n: number) {
  const layout = buildLayout(lySon58, agency, getPeriod(period));
  const grid = layoutToGrid(layout, (t) => ({
    status: 'Đang triển khai',
    percent: 10 + n,
    result: `Lần gửi ${n}: đã triển khai nhiệm vụ ${t.taskId}.`,
  }));
  const r = validate({ values: grid }, { plan: lySon58, agency, period });
  if (!r.submission) throw new Error('bench fixture does not validate');
  return r.submission;
}

async function waitForHealth(base: string, child: ChildProcess) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error('wrangler dev exited');
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('wrangler dev did not answer within 60 s');
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

type Answer = { ms: number; cache: string };

/** 20 concurrent GETs of `path` (`fresh`: with Cache-Control: no-cache): each one's latency and X-Cache. */
async function round(base: string, key: string, path: string, fresh = false): Promise<Answer[]> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (fresh) headers['cache-control'] = 'no-cache';
  return Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      const start = performance.now();
      const res = await fetch(`${base}${path}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      return { ms: performance.now() - start, cache: res.headers.get('x-cache') ?? '?' };
    }),
  );
}

/**
 * The workbook part, WORKBOOK_ROUNDS times in turn: 20 concurrent downloads
 * with Cache-Control: no-cache (each builds the workbook: the path every
 * request took before it was kept in D1); a change of one input (the
 * period's grace days, through the API) and 20 concurrent downloads (the
 * first round after a change: one builds, the others mostly find its file);
 * 20 more (served from D1); and, as the floor of any request with a key on
 * this server, 20 concurrent GET /api/me (one D1 read). Prints each kind's
 * p50/p95, how many answered hit or miss, and each as a ratio to the built
 * path.
 */
async function workbookRounds(base: string, key: string) {
  const built: Answer[] = [];
  const first: Answer[] = [];
  const stored: Answer[] = [];
  const floor: Answer[] = [];
  const workbook = '/api/periods/2026-Q1/workbook.xlsx';
  for (let r = 0; r < WORKBOOK_ROUNDS; r++) {
    built.push(...(await round(base, key, workbook, true)));
    const patch = await fetch(`${base}/api/periods/2026-Q1`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ graceDays: r + 1 }),
    });
    if (!patch.ok) throw new Error(`PATCH period answered ${patch.status}`);
    first.push(...(await round(base, key, workbook)));
    stored.push(...(await round(base, key, workbook)));
    floor.push(...(await round(base, key, '/api/me')));
  }
  const summary = (xs: Answer[]) => {
    const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
    const count = (c: string) => xs.filter((x) => x.cache === c).length;
    return { p50: pct(ms, 50), p95: pct(ms, 95), hit: count('hit'), miss: count('miss') };
  };
  const b = summary(built);
  for (const [name, s] of [
    ['built each time (no-cache)', b],
    ['first round after a change', summary(first)],
    ['unchanged (from D1)', summary(stored)],
    ['floor: GET /api/me instead', summary(floor)],
  ] as const) {
    console.log(
      `load: workbook.xlsx, ${name}: ${IN_FLIGHT} in flight × ${WORKBOOK_ROUNDS} rounds, ` +
        `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms` +
        (s.hit + s.miss ? ` (X-Cache miss ${s.miss}, hit ${s.hit}); ` : '; ') +
        `vs built: p50 ×${(s.p50 / b.p50).toFixed(2)}, p95 ×${(s.p95 / b.p95).toFixed(2)}`,
    );
  }
}

async function main() {
  console.log(
    `load: ${STREAMS} streams × ${PER_STREAM} submissions, ${IN_FLIGHT} in flight, wrangler dev on 127.0.0.1:${PORT}`,
  );
  wrangler(['d1', 'migrations', 'apply', 'DB', ...persist]);
  const agencies = lySon58.reportingAgencies().map((a) => a.code);
  const streams = Array.from({ length: STREAMS }, (_, i) => ({
    agency: agencies[i % agencies.length] as string,
    period: i < agencies.length ? '2026-Q1' : '2026-H1',
    key: '',
  }));
  const keyRows: Statement[] = [];
  for (const agency of new Set(streams.map((s) => s.agency))) {
    const { key, prefix } = generateKey();
    for (const s of streams) if (s.agency === agency) s.key = key;
    keyRows.push({
      sql: `INSERT INTO access_keys (id, prefix, hash, agency_code, role, label, created_at, created_by)
            VALUES (?, ?, ?, ?, 'agency', ?, ?, 'bench')`,
      params: [
        crypto.randomUUID(),
        prefix,
        await hashKey(key),
        agency,
        `bench ${agency}`,
        new Date().toISOString(),
      ],
    });
  }
  const coordinator = generateKey();
  keyRows.push({
    sql: `INSERT INTO access_keys (id, prefix, hash, agency_code, role, label, created_at, created_by)
          VALUES (?, ?, ?, ?, 'coordinator', 'bench coordinator', ?, 'bench')`,
    params: [
      crypto.randomUUID(),
      coordinator.prefix,
      await hashKey(coordinator.key),
      lySon58.coordinator.code,
      new Date().toISOString(),
    ],
  });
  const seedFile = join(dir, 'seed.sql');
  writeFileSync(
    seedFile,
    toSqlScript([...seedStatements(lySon58, new Date().toISOString()), ...keyRows]),
  );
  wrangler(['d1', 'execute', 'DB', ...persist, `--file=${seedFile}`]);

  const child = spawn(
    process.execPath,
    [
      WRANGLER_JS,
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(PORT),
      ...persist,
      '--log-level',
      'error',
    ],
    {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const watchdog = setTimeout(() => {
    console.error(`load: stopped after ${DEADLINE_MS / 1000} s`);
    stop();
    process.exit(1);
  }, DEADLINE_MS);

  const base = `http://127.0.0.1:${PORT}`;
  const latencies: number[] = [];
  let failures = 0;
  try {
    await waitForHealth(base, child);
    // Bodies are built before the clock starts: we measure the server.
    const bodies = streams.map((s) =>
      Array.from({ length: PER_STREAM }, (_, n) =>
        JSON.stringify(submission(s.agency, s.period, n + 1)),
      ),
    );
    const t0 = performance.now();
    // Each stream sends its 10 in order; the 20 streams run side by side.
    await Promise.all(
      streams.map(async (s, i) => {
        for (let n = 0; n < PER_STREAM; n++) {
          const start = performance.now();
          const res = await fetch(`${base}/api/periods/${s.period}/submissions`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${s.key}`,
              'content-type': 'application/json',
              'idempotency-key': `bench-${i}-${n}`,
            },
            body: bodies[i]?.[n],
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - start);
          if (res.status !== 201) failures++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `load: ${latencies.length} requests in ${seconds.toFixed(2)} s = ${(latencies.length / seconds).toFixed(1)} req/s; ` +
        `latency p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms; ` +
        `non-201: ${failures}`,
    );
    await workbookRounds(base, coordinator.key);
  } finally {
    stop();
    clearTimeout(watchdog);
  }
  await new Promise((r) => setTimeout(r, 1000));

  // Stored exactly once each, versions 1..10 per stream.
  const out = wrangler([
    'd1',
    'execute',
    'DB',
    ...persist,
    '--json',
    '--command',
    `SELECT agency_code AS agency, period_code AS period, COUNT(*) AS n, COUNT(DISTINCT version) AS distinct_versions,
            MIN(version) AS min_v, MAX(version) AS max_v, COUNT(DISTINCT idempotency_key) AS keys
     FROM submissions GROUP BY agency_code, period_code`,
  ]);
  const rows =
    (JSON.parse(out) as { results: Record<string, number | string>[] }[])[0]?.results ?? [];
  const bad = rows.filter(
    (r) =>
      r.n !== PER_STREAM ||
      r.distinct_versions !== PER_STREAM ||
      r.min_v !== 1 ||
      r.max_v !== PER_STREAM ||
      r.keys !== PER_STREAM,
  );
  const ok = rows.length === STREAMS && bad.length === 0 && failures === 0;
  console.log(
    `load: D1 check ${ok ? 'passed' : 'FAILED'}: ${rows.length} streams stored, ` +
      `${rows.reduce((a, r) => a + Number(r.n), 0)} rows, each versions 1..${PER_STREAM} exactly once` +
      (bad.length ? `; bad: ${JSON.stringify(bad)}` : ''),
  );
  rmSync(dir, { recursive: true, force: true });
  if (!ok) process.exit(1);
}

await main();
