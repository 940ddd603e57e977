// End-to-end harness: the whole local system as `npm start` runs it (web page
// and task pane built, migrations, seed, development keys, `wrangler dev`) on a
// free port with a throwaway D1, and Debian's Chromium driven by playwright-core.
// Screenshots go to test-artifacts/e2e/ (git-ignored): look at them.
//
// One system serves every e2e file of a run: tests/e2e/harness-setup.ts (the
// project's globalSetup) starts it in the background while the unit tests run,
// and each file waits for it with useSystem(). Files run one at a time and
// share its D1, so each keeps to its own data (see SHARED DATA below).
//
// SHARED DATA — what each file writes, and what it may rely on:
// - every file: the seeded plan (agencies, periods) and the development keys;
//   the open period unlocked when the file starts (a file that locks it
//   unlocks it before its test ends); no other file writes its agencies' reports.
// - taskpane.test.ts: P-TP in the open period (submits, is returned, locks/unlocks).
// - web.test.ts: P-VHTT in the open period (submits, uploads, is returned and
//   accepted); the open period's grace days; a reopening for THON-03 (closed
//   again); one key issued to THON-01 and revoked; THON-02 renamed.
// - taskpane-legacy.test.ts: P-KTHT in the open period (submits once).
// - review.test.ts: TTTT-VHTT in the open period (submits, is returned with
//   notes, uploads a fix, is accepted and reopened).
// - upload-roundtrip.test.ts: P-TP and P-GDDT in 2026-Q1 only (never the open period).
// - harness.test.ts, csp.test.ts: read only.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { parseDevKeys } from '../../scripts/lib/dev-keys.ts';
import { ROOT } from '../../scripts/lib/wrangler.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');

/** Where the shared system lives: files in its directory, handed from the globalSetup by provide/inject. */
export interface SystemPlace {
  baseUrl: string;
  /** The throwaway directory: D1 state in state/, keys, start log. */
  dir: string;
  keysFile: string;
  /** Everything `npm start` and wrangler printed. */
  logFile: string;
  /** Written with the exit code when `npm start` ends (it should not, before teardown). */
  exitFile: string;
  /**
   * How long a file waits for the system to answer: the project's hookTimeout
   * less 30 s. It starts while the other projects use both cores; on a quiet
   * machine it answers in about 10 s, so this only bounds a start that is stuck.
   */
  readyTimeoutMs: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eSystem: SystemPlace;
  }
}

export interface System {
  baseUrl: string;
  /** The throwaway directory; the persisted local state (D1) is under state/. */
  dir: string;
  /** The development key of an agency (default role: agency; 'coordinator' for the coordinator's). */
  keyFor(agency: string, role?: 'agency' | 'coordinator'): string;
  coordinatorKey: string;
  /** Output of the start script and wrangler, for failure messages. */
  log(): string;
}

/**
 * The run's shared system, once it answers GET /api/health (polled for up to
 * readyTimeoutMs; fails at once with the start log if `npm start` exits).
 * Call it in beforeAll.
 */
export async function useSystem(): Promise<System> {
  const place = inject('e2eSystem');
  const log = () => (existsSync(place.logFile) ? readFileSync(place.logFile, 'utf8') : '');
  const until = Date.now() + place.readyTimeoutMs;
  for (;;) {
    if (existsSync(place.exitFile)) {
      throw new Error(`npm start exited with ${readFileSync(place.exitFile, 'utf8')}:\n${log()}`);
    }
    try {
      if ((await fetch(`${place.baseUrl}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > until) {
      throw new Error(
        `wrangler dev did not answer within ${place.readyTimeoutMs / 1000} s:\n${log()}`,
      );
    }
    await delay(250); // the interval between two looks at the port, not a wait for it
  }

  const keys = parseDevKeys(readFileSync(place.keysFile, 'utf8'), place.keysFile);
  const keyFor = (agency: string, role: 'agency' | 'coordinator' = 'agency') => {
    const k = keys.find((x) => x.agency === agency && x.role === role);
    if (!k) throw new Error(`no development key for ${agency} (${role})`);
    return k.key;
  };
  const coordinator = keys.find((k) => k.role === 'coordinator');
  if (!coordinator) throw new Error('no coordinator key');
  return { baseUrl: place.baseUrl, dir: place.dir, keyFor, coordinatorKey: coordinator.key, log };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs (and `extraArgs`). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
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
      ...extraArgs,
    ],
  });
}

/** Saves a full-page screenshot as test-artifacts/e2e/<suite>/<NN-step>.png. */
export async function screenshot(
  page: Page,
  suite: string,
  step: string,
  part?: Locator,
): Promise<string> {
  const folder = join(ARTIFACTS, suite);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${step}.png`);
  // `part`: only that element (one form), else the whole page.
  if (part) await part.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
  return file;
}
