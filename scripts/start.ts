// npm start: the whole system locally, from a fresh clone after npm install.
//   1. build the web page and the task pane into dist/public (the folder
//      wrangler.toml's [assets] serves);
//   2. apply the D1 migrations to the local database;
//   3. seed the plan's agencies and report periods (INSERT OR IGNORE: the
//      coordinator's edits survive) and make sure the development keys of
//      .dev-keys.json are in the database — issued on the first run, reused
//      (and re-inserted if the local database was wiped) afterwards;
//   4. run `wrangler dev` on http://localhost:8787 until Ctrl-C.
// Running it again is safe. Options: see START_USAGE (scripts/lib/start-args.ts).

import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, homedir } from 'node:os';
import { join, relative } from 'node:path';
import { lySon58 } from '../shared/plan/index.ts';
import { seedStatements } from '../worker/src/db/seed.ts';
import { hashKey } from '../worker/src/lib/keys.ts';
import {
  insertKeyStatements,
  type KeyRow,
  type Statement,
  selectKeysStatement,
  toKeyRow,
  toSqlScript,
} from './lib/access-keys.ts';
import { buildPublic, PUBLIC_DIR } from './lib/build-public.ts';
import {
  type DevKey,
  fillSlots,
  keyState,
  prefixOf,
  readDevKeys,
  wantedSlots,
  writeDevKeys,
} from './lib/dev-keys.ts';
import { done, report, ScriptError, step, warn } from './lib/messages.ts';
import { manifestOrigin, startAddresses } from './lib/start-addresses.ts';
import { parseStartArgs, START_USAGE } from './lib/start-args.ts';
import {
  applyMigrations,
  type D1Target,
  d1Execute,
  describeTarget,
  ROOT,
  startDev,
  WranglerError,
} from './lib/wrangler.ts';

const ACTOR = 'npm start';

async function setup(target: D1Target, devKeysFile: string): Promise<DevKey[]> {
  const where = describeTarget(target);
  step(`Áp dụng migration vào ${where.vi}`, `Applying migrations to ${where.en}`);
  const applied = await wrangler(() => applyMigrations(target));
  // wrangler prints a table per migration step: list each file once.
  const names = [
    ...new Set([...applied.stdout.matchAll(/(\d{4}_[\w-]+\.sql)\s*│\s*✅/g)].map((m) => m[1])),
  ];
  if (names.length) done(`Đã áp dụng ${names.join(', ')}`, `Applied ${names.join(', ')}`);
  else done('Không có migration mới', 'No new migrations');

  step(
    'Nạp cơ quan, kỳ báo cáo và khóa dùng thử',
    'Seeding agencies, report periods and development keys',
  );
  const now = new Date().toISOString();
  const fromFile = readDevKeys(devKeysFile);
  const filled = fillSlots(wantedSlots(lySon58), fromFile ?? []);
  let keys = filled.keys;
  const seed = seedStatements(lySon58, now);
  const counts: Statement = {
    sql: 'SELECT (SELECT COUNT(*) FROM agencies) AS agencies, (SELECT COUNT(*) FROM periods) AS periods',
    params: [],
  };
  const first = await insertKeys(target, keys, now, [...seed, counts]);
  const c = first.before.at(-1)?.[0] ?? {};
  done(
    `${c.agencies} cơ quan, ${c.periods} kỳ báo cáo (chỉ thêm dòng còn thiếu)`,
    `${c.agencies} agencies, ${c.periods} periods (only missing rows added)`,
  );
  const fromFileOk = (k: DevKey, i: number) =>
    !filled.fresh.includes(k) && first.states[i] === 'ok';
  const reinserted = keys.filter((k, i) => fromFileOk(k, i) && first.rows[i]?.created_at === now);
  const reused = keys.filter((k, i) => fromFileOk(k, i)).length - reinserted.length;
  let issued = filled.fresh.length;

  // A key of the file that the database holds otherwise (revoked, or its
  // prefix taken by another key) is replaced by a new one.
  const bad = keys.filter((_, i) => first.states[i] !== 'ok');
  if (bad.length) {
    warn(
      `${bad.length} khóa trong tệp đã bị thu hồi hoặc không khớp CSDL: cấp khóa mới thay thế`,
      `${bad.length} keys of the file are revoked or differ in the database: issuing new ones`,
    );
    const replaced = fillSlots(
      wantedSlots(lySon58),
      keys.filter((k) => !bad.includes(k)),
    );
    const second = await insertKeys(target, replaced.fresh, now, []);
    if (second.states.some((s) => s !== 'ok')) {
      throw new ScriptError('Không ghi được khóa mới vào CSDL', 'Could not store the new keys');
    }
    keys = replaced.keys;
    issued += replaced.fresh.length;
  }
  if (JSON.stringify(keys) !== JSON.stringify(fromFile)) writeDevKeys(keys, devKeysFile);
  if (!fromFile) {
    done(`Đã cấp ${keys.length} khóa mới`, `Issued ${keys.length} new keys`);
  } else {
    done(
      `Khóa: dùng lại ${reused}, nạp lại ${reinserted.length}, cấp mới ${issued}`,
      `Keys: ${reused} reused, ${reinserted.length} re-inserted, ${issued} new`,
    );
  }
  return keys;
}

/**
 * Runs `before`, then inserts the keys (INSERT OR IGNORE) and reads their rows
 * back, all in one wrangler call. Returns the results of `before` and the
 * state of every key in the database.
 */
async function insertKeys(
  target: D1Target,
  keys: readonly DevKey[],
  now: string,
  before: Statement[],
) {
  const hashes = await Promise.all(keys.map((k) => hashKey(k.key)));
  const prefixes = keys.map(prefixOf);
  const statements = [
    ...before,
    ...keys.flatMap((k, i) =>
      insertKeyStatements({
        prefix: prefixes[i] ?? '',
        hash: hashes[i] ?? '',
        agency: k.agency,
        role: k.role,
        label: `${lySon58.agency(k.agency)?.shortName ?? k.agency} (${k.role === 'coordinator' ? 'điều phối, ' : ''}dev)`,
        createdAt: now,
        createdBy: ACTOR,
      }),
    ),
    selectKeysStatement(prefixes),
  ];
  const results = await wrangler(() => d1Execute(target, toSqlScript(statements)));
  const byPrefix = new Map<string, KeyRow>(
    (results.at(-1) ?? []).map((r) => {
      const row = toKeyRow(r);
      return [row.prefix, row];
    }),
  );
  const rows = prefixes.map((p) => byPrefix.get(p));
  return {
    before: results.slice(0, before.length),
    rows,
    states: keys.map((k, i) => keyState(k, hashes[i] ?? '', rows[i])),
  };
}

async function wrangler<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof WranglerError)) throw e;
    const out = e.result ? `${e.result.stdout}\n${e.result.stderr}`.trim() : '';
    throw new ScriptError('wrangler báo lỗi', 'wrangler failed', {
      detail: [out, e.message].filter(Boolean).join('\n'),
    });
  }
}

/** Refuses, in both languages, a port another program (often an earlier npm start) listens on. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new ScriptError(
              `Cổng ${port} đang bận (có thể npm start đang chạy ở cửa sổ khác): dừng nó, hoặc chọn cổng khác: npm start -- --port <n>`,
              `Port ${port} is in use (perhaps npm start runs in another window): stop it, or pick another port: npm start -- --port <n>`,
            )
          : e,
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Where `office-addin-dev-certs install` (npm run certs) leaves the trusted localhost certificate. */
const DEV_CERTS = join(homedir(), '.office-addin-dev-certs');

function httpsArgs(): string[] {
  const cert = join(DEV_CERTS, 'localhost.crt');
  const key = join(DEV_CERTS, 'localhost.key');
  if (!existsSync(cert) || !existsSync(key)) {
    throw new ScriptError(
      `Chưa có chứng chỉ https cho localhost (${DEV_CERTS}). Chạy trước: npm run certs`,
      `No https certificate for localhost yet (${DEV_CERTS}). Run first: npm run certs`,
    );
  }
  return ['--local-protocol', 'https', '--https-key-path', key, '--https-cert-path', cert];
}

function runDev(port: number, target: D1Target, tls: string[]): Promise<number> {
  const url = `${tls.length ? 'https' : 'http'}://localhost:${port}`;
  const args = ['--port', String(port), ...tls];
  step(
    `Chạy wrangler dev: ${url} (Ctrl-C để dừng)`,
    `Starting wrangler dev: ${url} (Ctrl-C to stop)`,
  );
  if (target.persistTo) args.push('--persist-to', target.persistTo);
  const child = startDev(args);
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, forward);
  return new Promise((resolve) => {
    child.on('error', (e) => {
      console.error(e);
      resolve(1);
    });
    child.on('exit', (code, signal) =>
      resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)),
    );
  });
}

async function main(argv: string[]): Promise<number> {
  const options = parseStartArgs(argv);
  if (options.help) {
    console.log(START_USAGE);
    return 0;
  }
  const target: D1Target = options.persistTo ? { persistTo: options.persistTo } : {};
  // Checked first: a missing certificate or a busy port should not wait for
  // the build and migrations (and wrangler would say it in English only).
  const tls = options.https ? httpsArgs() : [];
  if (!options.setupOnly) {
    await assertPortFree(options.port);
    // Only a server needs the static files; --setup-only leaves dist/public as
    // it is (a running npm start may be serving it).
    step(
      `Đóng gói trang web và ngăn tác vụ (${PUBLIC_DIR})`,
      `Building the web page and the task pane (${PUBLIC_DIR})`,
    );
    await buildPublic();
  }
  const keys = await setup(target, options.devKeysFile);
  const coordinator = keys.find((k) => k.role === 'coordinator');
  const file = relative(ROOT, options.devKeysFile).startsWith('..')
    ? options.devKeysFile
    : relative(ROOT, options.devKeysFile);
  console.log(`\n🔑 Khóa của mọi cơ quan / Every agency's key: ${file}`);
  console.log(
    `🔑 Khóa điều phối / Coordinator key (${coordinator?.agency}): ${coordinator?.key}\n`,
  );
  if (options.setupOnly) return 0;
  const manifest = join(ROOT, 'manifest.xml');
  const lines = startAddresses({
    port: options.port,
    https: options.https,
    manifest: existsSync(manifest) ? manifestOrigin(readFileSync(manifest, 'utf8')) : null,
  });
  console.log(`${lines.join('\n')}\n`);
  return runDev(options.port, target, tls);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.exitCode = report(e);
}
