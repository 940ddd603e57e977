// Running wrangler from the project's scripts: always wrangler's own JS on
// this Node (22) — the bin's shebang could find an older `node` on PATH —
// from the project root, with no standard input, so nothing ever prompts.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bilingual } from '../../shared/text/bilingual.ts';

/** The project root (where wrangler.toml is). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The D1 binding in wrangler.toml. */
export const DB_BINDING = 'DB';

export const WRANGLER_JS = join(
  dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
  'bin',
  'wrangler.js',
);

/** Which D1 database a command works on. */
export interface D1Target {
  /** The deployed database (`--remote`); otherwise the local one. */
  remote?: boolean;
  /** Local state directory (`--persist-to`); wrangler's default is .wrangler/state. */
  persistTo?: string;
}

export function targetFlags(target: D1Target): string[] {
  if (target.remote) {
    if (target.persistTo) throw new Error('--persist-to works with the local database only');
    return ['--remote'];
  }
  return target.persistTo ? ['--local', '--persist-to', target.persistTo] : ['--local'];
}

export function describeTarget(target: D1Target): Bilingual {
  if (target.remote) return { vi: 'CSDL D1 trên Cloudflare', en: 'the deployed D1 database' };
  const where = target.persistTo ?? '.wrangler/state';
  return { vi: `CSDL D1 cục bộ (${where})`, en: `the local D1 database (${where})` };
}

/**
 * The environment wrangler runs in: non-interactive, no metrics unless asked
 * for, and no download of the `Request.cf` object. Local runs (miniflare)
 * fetch that object from Cloudflare at each start; offline the fetch fails
 * after up to 3 s with a stack trace that looks like a failure, and the
 * Worker never reads `request.cf`. CLOUDFLARE_CF_FETCH_ENABLED is wrangler's
 * documented switch (system environment variables); a value already set wins.
 */
export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false',
    ...extra,
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class WranglerError extends Error {
  readonly result: RunResult | undefined;
  constructor(message: string, result?: RunResult) {
    super(message);
    this.name = 'WranglerError';
    this.result = result;
  }
}

/** Runs `wrangler <args>` to completion, capturing its output. */
export function runWrangler(
  args: string[],
  options: { env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER_JS, ...args], {
      cwd: ROOT,
      env: wranglerEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }),
    );
  });
}

/** Applies worker/migrations to the database. CI=true skips wrangler's confirmation prompt. */
export async function applyMigrations(target: D1Target): Promise<RunResult> {
  const args = ['d1', 'migrations', 'apply', DB_BINDING, ...targetFlags(target)];
  const r = await runWrangler(args, { env: { CI: 'true' } });
  if (r.code !== 0) {
    throw new WranglerError(`wrangler ${args.join(' ')} failed (exit ${r.code})`, r);
  }
  return r;
}

export type Row = Record<string, unknown>;

/**
 * Reads `wrangler d1 execute --json` output: one `{ results, success }` per
 * statement, or `{ error: { text } }` when it failed. Returns each
 * statement's rows; throws with wrangler's message otherwise.
 */
export function parseD1Json(stdout: string): Row[][] {
  const start = stdout.search(/^\s*[[{]/m);
  let parsed: unknown;
  try {
    if (start < 0) throw new Error('no JSON');
    parsed = JSON.parse(stdout.slice(start));
  } catch {
    throw new WranglerError(`wrangler printed no JSON: ${stdout.trim().slice(0, 500)}`);
  }
  if (parsed && typeof parsed === 'object' && 'error' in parsed) {
    const e = (parsed as { error: unknown }).error;
    const text =
      e && typeof e === 'object' && 'text' in e ? String((e as { text: unknown }).text) : String(e);
    throw new WranglerError(text);
  }
  if (!Array.isArray(parsed)) throw new WranglerError('unexpected wrangler JSON output');
  return parsed.map((s: unknown) => {
    if (!s || typeof s !== 'object' || !Array.isArray((s as { results?: unknown }).results)) {
      throw new WranglerError('unexpected wrangler JSON output');
    }
    if ((s as { success?: unknown }).success === false) throw new WranglerError('statement failed');
    return (s as { results: Row[] }).results;
  });
}

/** Longest SQL passed as one `--command` argument (Linux caps one argument at 128 KiB). */
export const MAX_COMMAND_BYTES = 100_000;

/**
 * Runs SQL (statements separated by `;`, values already written as literals)
 * and returns each statement's rows. Locally the SQL goes through a temporary
 * `--file` (any length). Remotely it must be `--command`: wrangler sends a
 * remote `--file` through D1's bulk import, which returns only totals, not rows.
 */
export async function d1Execute(target: D1Target, sql: string): Promise<Row[][]> {
  const args = ['d1', 'execute', DB_BINDING, ...targetFlags(target), '--yes', '--json'];
  let dir: string | undefined;
  try {
    let input: string;
    if (target.remote) {
      if (Buffer.byteLength(sql) > MAX_COMMAND_BYTES) {
        throw new WranglerError('SQL too long for one remote --command');
      }
      input = `--command=${sql}`;
    } else {
      dir = mkdtempSync(join(tmpdir(), 'ls-d1-'));
      const file = join(dir, 'script.sql');
      writeFileSync(file, sql);
      input = `--file=${file}`;
    }
    const r = await runWrangler([...args, input]);
    try {
      const out = parseD1Json(r.stdout);
      if (r.code !== 0) throw new WranglerError(`exit ${r.code}`);
      return out;
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      const stderr = r.code !== 0 && r.stderr.trim() ? `\n${r.stderr.trim()}` : '';
      throw new WranglerError(`wrangler ${args.join(' ')} failed: ${detail}${stderr}`, r);
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts `wrangler dev` with the terminal (stdio inherited). */
export function startDev(args: string[]): ChildProcess {
  return spawn(process.execPath, [WRANGLER_JS, 'dev', ...args], {
    cwd: ROOT,
    env: wranglerEnv(),
    stdio: 'inherit',
  });
}
