// Opening the built task pane in Chromium as Excel would: Microsoft's
// office.js from the npm copy (routed in place of the CDN), nothing else
// leaving the machine, and the stand-in Excel injected before the page loads.
// Used by taskpane.test.ts and taskpane-legacy.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { launchBrowser, type System, useSystem } from './harness.ts';

const OFFICE_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');

/** What a task pane test file needs, made in its beforeAll: the shared system, Chromium, the stand-in Excel. */
export async function startPaneTests(): Promise<{
  system: System;
  browser: Browser;
  fakeExcel: string;
}> {
  const [fakeExcel, system, browser] = await Promise.all([
    bundleFakeExcel(),
    useSystem(),
    launchBrowser(),
  ]);
  return { system, browser, fakeExcel };
}

/** The stand-in Excel (tests/support/fake-excel-browser.ts) as one script to inject. */
async function bundleFakeExcel(): Promise<string> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'tests/support/fake-excel-browser.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    logLevel: 'warning',
  });
  return bundle.outputFiles[0]?.text ?? '';
}

/**
 * A fresh browser profile (360 px wide, downloads accepted) in which
 * https://appsforoffice.microsoft.com/lib/1/hosted/ serves the npm office.js
 * and every other outside request is aborted.
 */
export async function paneContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 900 },
    acceptDownloads: true,
  });
  await context.route('https://appsforoffice.microsoft.com/lib/1/hosted/**', async (route) => {
    const rest = new URL(route.request().url()).pathname.replace('/lib/1/hosted/', '');
    const file = join(OFFICE_DIST, rest);
    if (!rest.includes('..') && existsSync(file)) {
      await route.fulfill({ body: readFileSync(file), contentType: 'application/javascript' });
    } else {
      await route.fulfill({ status: 404, body: '' });
    }
  });
  // Nothing else leaves the machine (Office telemetry and the like).
  await context.route(/^https:\/\/(?!appsforoffice\.microsoft\.com\/lib\/1\/hosted\/)/, (r) =>
    r.abort(),
  );
  return context;
}

/** Opens the pane at `url` in `context` and waits until it asks for a key or shows who is signed in; fails on any page error. */
export async function loadPane(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('#key, #who');
  expect(errors).toEqual([]);
  return page;
}

/** Runs `body` in the page with the stand-in Excel as `excel` and `arg` as `arg`. */
export const excel = <T>(page: Page, body: string, arg?: unknown): Promise<T> =>
  page.evaluate(
    ([b, a]) =>
      new Function('excel', 'arg', b)((window as unknown as { __excel: unknown }).__excel, a),
    [body, arg] as const,
  ) as Promise<T>;

/** Signs in with an access key (the form submits by keyboard) and waits for the signed-in view. */
export async function connect(page: Page, key: string): Promise<void> {
  await page.fill('#key', key);
  await page.press('#key', 'Enter');
  await page.waitForSelector('#who');
}
