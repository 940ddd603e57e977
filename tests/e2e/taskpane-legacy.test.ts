// The task pane's ES5 build (taskpane.legacy.js) end to end, as Internet
// Explorer 11 would run it: Chromium with the built-ins IE11 lacks removed
// before the page loads, and taskpane.html served without its module script
// and with the nomodule script made an ordinary one (Chromium runs modules,
// so it would otherwise skip it). A clerk connects, creates the sheet, checks
// it with a mistake, fixes it and submits: the receipt carries the server's
// hash, and the Idempotency-Key was computed without crypto.subtle.
// Screenshots: test-artifacts/e2e/taskpane-legacy/.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { d1Execute } from '../../scripts/lib/wrangler.ts';
import { buildLayout, cellOf, type SheetLayout } from '../../shared/layout/index.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import { validFill } from '../shared/fixtures.ts';
import { type System, screenshot } from './harness.ts';
import { connect, excel, loadPane, paneContext, startPaneTests } from './pane-page.ts';

const AGENCY = 'P-KTHT';
const SUITE = 'taskpane-legacy';

/**
 * Run before the page's scripts (after the stand-in Excel has installed
 * itself: Excel's own API is native code, whatever the webview lacks):
 * removes what IE11 does not have and the ES5 build must bring itself.
 * `URL` stays as IE11 has it: createObjectURL only, not a constructor.
 * `Symbol` stays although IE11 lacks it: Playwright's own page utilities
 * need it (without it core-js replaces Map and Set with versions whose
 * iterators the test driver cannot walk), so this run cannot show that the
 * bundle brings its own; core-js's usage analysis of the bundle is the
 * evidence there.
 */
const STRIP_IE11 = `(() => {
  const gone = (owner, names) => { for (const n of names) delete owner[n]; };
  gone(window, ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal',
    'TextEncoder', 'TextDecoder', 'Promise', 'URLSearchParams', 'queueMicrotask', 'structuredClone',
    'Reflect']);
  gone(Object, ['entries', 'values', 'fromEntries', 'assign', 'getOwnPropertyDescriptors']);
  gone(Array, ['from', 'of']);
  gone(Array.prototype, ['includes', 'at', 'flat', 'flatMap', 'find', 'findIndex', 'findLast', 'fill']);
  gone(String.prototype, ['includes', 'startsWith', 'endsWith', 'padStart', 'padEnd', 'repeat',
    'normalize', 'trimStart', 'trimEnd', 'at', 'replaceAll', 'matchAll']);
  gone(Number, ['isInteger', 'isFinite', 'isNaN', 'parseFloat']);
  gone(Math, ['trunc', 'sign']);
  gone(Element.prototype, ['replaceChildren']);
  gone(Document.prototype, ['replaceChildren']);
  gone(DocumentFragment.prototype, ['replaceChildren']);
  delete Crypto.prototype.subtle;
  const { createObjectURL, revokeObjectURL } = URL;
  window.URL = { createObjectURL, revokeObjectURL };
  window.__stripped = typeof fetch === 'undefined' && typeof Promise === 'undefined' &&
    typeof Reflect === 'undefined' &&
    !''.normalize && !crypto.subtle && typeof TextEncoder === 'undefined';
})();`;

let system: System;
let browser: Browser;
let fakeExcel: string;

beforeAll(async () => {
  ({ system, browser, fakeExcel } = await startPaneTests());
});
afterAll(() => browser?.close());

/** The pane as IE11 loads it: only the nomodule script, into a page without IE11's missing built-ins. */
async function openLegacyPane(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await paneContext(browser);
  await context.route(`${system.baseUrl}/taskpane.html`, async (route) => {
    const html = await (await route.fetch()).text();
    const ie = html
      .replace('<script type="module" src="taskpane.js"></script>', '')
      .replace(/<script nomodule /, '<script ');
    expect(ie).not.toBe(html); // the served page has both scripts as the test expects
    await route.fulfill({ body: ie, contentType: 'text/html; charset=utf-8' });
  });
  await context.addInitScript(fakeExcel);
  await context.addInitScript(STRIP_IE11);
  const scripts: string[] = [];
  context.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const page = await loadPane(context, `${system.baseUrl}/taskpane.html`);
  expect(await page.evaluate(() => (window as unknown as { __stripped: boolean }).__stripped)).toBe(
    true,
  );
  expect(scripts).toContain('/taskpane.legacy.js');
  expect(scripts).not.toContain('/taskpane.js');
  return { context, page };
}

describe('agency clerk in Internet Explorer 11 (the ES5 build)', () => {
  let page: Page;
  let context: BrowserContext;
  let layout: SheetLayout;
  let periodCode: string;

  beforeAll(async () => {
    ({ page, context } = await openLegacyPane());
  });
  afterAll(async () => {
    await context?.close();
  });

  it('connects, creates the sheet, and finds a mistake by cell', async () => {
    await connect(page, system.keyFor(AGENCY));
    await expect
      .poll(() => page.textContent('#who'))
      .toContain(lySon58.agency(AGENCY)?.name ?? '?');
    periodCode = await page.inputValue('#period');
    const answer = await fetch(`${system.baseUrl}/api/periods`, {
      headers: { authorization: `Bearer ${system.keyFor(AGENCY)}` },
    });
    const { periods } = (await answer.json()) as {
      periods: { code: string; due: string; label: { vi: string }; cutoff: unknown }[];
    };
    const p = periods.find((x) => x.code === periodCode);
    if (!p) throw new Error(`no period ${periodCode}`);
    layout = buildLayout(lySon58, AGENCY, p as Parameters<typeof buildLayout>[2]);

    await page.click('#create');
    await page.waitForSelector('#notice');
    expect(await page.textContent('#notice')).toContain(layout.sheetName);
    expect(await excel(page, `return excel.value(arg, 'A5')`, layout.sheetName)).toBe(
      layout.metadataText,
    );

    const values: [string, string | number][] = [];
    layout.tasks.forEach((t, i) => {
      for (const [k, v] of Object.entries(validFill(t, i))) {
        if (v !== '') values.push([cellOf(t.row, k as 'status'), v]);
      }
    });
    const row = layout.tasks[0]?.row ?? 7;
    values.push([`G${row}`, 140]);
    await excel(page, 'for (const [c, v] of arg.values) excel.type(arg.sheet, c, v);', {
      sheet: layout.sheetName,
      values,
    });
    await page.click('#check');
    await page.waitForSelector('#errors');
    const cells = await page.$$eval('#errors .finding', (els) =>
      els.map((e) => e.getAttribute('data-cell')),
    );
    expect(cells).toContain(`G${row}`);
    await screenshot(page, SUITE, '01-findings');
  });

  it('checks clean once fixed, submits, and shows the receipt stored in D1', async () => {
    const row = layout.tasks[0]?.row ?? 7;
    // Vietnamese typed in decomposed form (combining marks) is checked as NFC.
    await excel(
      page,
      `excel.type(arg, 'G${row}', 100); excel.type(arg, 'F${row}', 'Hoa\\u0300n tha\\u0300nh');`,
      layout.sheetName,
    );
    await page.click('#check');
    await page.waitForSelector('#clean');
    await page.click('#submit');
    await page.waitForSelector('#receipt');
    expect(await page.textContent('#receipt-version')).toBe('1');
    const hash = (await page.textContent('#receipt-hash')) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const state = { persistTo: join(system.dir, 'state') };
    const where = `agency_code = '${AGENCY}' AND period_code = '${periodCode}'`;
    const rows = await d1Execute(
      state,
      `SELECT version, content_hash FROM submissions WHERE ${where}`,
    );
    expect(rows.at(-1)).toEqual([{ version: 1, content_hash: hash }]);
    // The key the ES5 build hashed (SHA-256 in pure JS) reached the Worker.
    const keys = await d1Execute(
      state,
      `SELECT idempotency_key FROM idempotency_keys WHERE ${where}`,
    );
    expect(keys.at(-1)).toEqual([
      { idempotency_key: expect.stringMatching(/^addin-[0-9a-f]{48}$/) },
    ]);
    await screenshot(page, SUITE, '02-receipt');
  });
});
