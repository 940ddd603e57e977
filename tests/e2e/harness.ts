// End-to-end harness: the whole local system as `npm start` runs it (task
// pane bundle built, migrations, seed, development keys, `wrangler dev`) on a
// free port with a throwaway D1, and Debian's Chromium driven by playwright-core.
// Screenshots go to test-artifacts/e2e/ (git-ignored): look at them.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { parseDevKeys } from '../../scripts/lib/dev-keys.ts';
import { ROOT } from '../../scripts/lib/wrangler.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');

export interface System {
  baseUrl: string;
  /** The persisted local state (D1 lives under it). */
  dir: string;
  /** The development key of an agency (default role: agency; 'coordinator' for the coordinator's). */
  keyFor(agency: string, role?: 'agency' | 'coordinator'): string;
  coordinatorKey: string;
  /** Output of the start script and wrangler, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

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

/** Starts `node scripts/start.ts` on a free port with its own D1 and keys; waits for /api/health. */
export async function startSystem(): Promise<System> {
  const dir = mkdtempSync(join(tmpdir(), 'lyson-e2e-'));
  const keysFile = join(dir, 'dev-keys.json');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'scripts/start.ts',
      '--port',
      String(port),
      '--persist-to',
      join(dir, 'state'),
      '--dev-keys',
      keysFile,
    ],
    {
      cwd: ROOT,
      detached: true, // its own process group: stop() ends wrangler and workerd too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    },
  );
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const keys = parseDevKeys(readFileSync(keysFile, 'utf8'), keysFile);
  const keyFor = (agency: string, role: 'agency' | 'coordinator' = 'agency') => {
    const k = keys.find((x) => x.agency === agency && x.role === role);
    if (!k) throw new Error(`no development key for ${agency} (${role})`);
    return k.key;
  };
  const coordinator = keys.find((k) => k.role === 'coordinator');
  if (!coordinator) throw new Error('no coordinator key');
  return { baseUrl, dir, keyFor, coordinatorKey: coordinator.key, log: () => output, stop };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot as test-artifacts/e2e/<suite>/<NN-step>.png. */
export async function screenshot(page: Page, suite: string, step: string): Promise<string> {
  const folder = join(ARTIFACTS, suite);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
