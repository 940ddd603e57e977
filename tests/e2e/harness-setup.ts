// The e2e project's globalSetup: one local system (`npm start` on a free
// port, throwaway D1 and keys) for every e2e file of the run. It is started in
// the background and this returns at once, so the unit tests run (and report)
// while it starts; each file waits for it with useSystem() (harness.ts).
// Teardown stops wrangler and workerd and deletes the directory.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import type { SystemPlace } from './harness.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node scripts/start.ts` in the background on a free port, with its
 * own D1 and keys under `dir`, its output in `dir`/start.log. Returns at once
 * (the place, and stop() which ends wrangler and workerd too); useSystem()
 * waits until it answers.
 */
async function launchSystem(
  dir: string,
  readyTimeoutMs: number,
): Promise<{ place: SystemPlace; stop(): Promise<void> }> {
  const port = await freePort();
  const place: SystemPlace = {
    baseUrl: `http://127.0.0.1:${port}`,
    dir,
    keysFile: join(dir, 'dev-keys.json'),
    logFile: join(dir, 'start.log'),
    exitFile: join(dir, 'start.exit'),
    readyTimeoutMs,
  };
  const log = openSync(place.logFile, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'scripts/start.ts',
      '--port',
      String(port),
      '--persist-to',
      join(dir, 'state'),
      '--dev-keys',
      place.keysFile,
    ],
    {
      cwd: ROOT,
      detached: true, // its own process group: stop() ends wrangler and workerd too
      stdio: ['ignore', log, log],
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    },
  );
  closeSync(log);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      writeFileSync(place.exitFile, String(code ?? signal));
      resolve();
    });
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {}
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal('SIGTERM');
    // wrangler stops workerd and exits on SIGTERM; whatever is left after
    // 20 s (a stuck workerd) is killed.
    const stuck = setTimeout(() => signal('SIGKILL'), 20_000);
    await exited;
    clearTimeout(stuck);
    signal('SIGKILL'); // anything of the group that outlived its parent
  };
  return { place, stop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'lyson-e2e-'));
  // A file waits for the system in its beforeAll: the wait ends a little
  // before the hook's own timeout, so the failure names the cause.
  const system = await launchSystem(dir, project.config.hookTimeout - 30_000);
  project.provide('e2eSystem', system.place);
  return async () => {
    await system.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
