// The task pane under its Content-Security-Policy (worker/_headers), in
// Debian's headless Chromium: it loads, office.js comes from Microsoft's
// origin, signing in reaches the API, and nothing is refused; Office's
// origins may frame it and another site may not. The built folder serves no
// source maps (scripts/lib/build-public.ts). Reads only.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type System, screenshot } from './harness.ts';
import { connect, loadPane, paneContext, startPaneTests } from './pane-page.ts';

let system: System;
let browser: Browser;

beforeAll(async () => {
  ({ system, browser } = await startPaneTests());
});
afterAll(() => browser?.close());

/** Collects the page's CSP violations (securitypolicyviolation events) in window.__csp. */
const RECORD_VIOLATIONS = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
  });
`;

describe('the task pane’s CSP', () => {
  it('names Microsoft’s office.js origin and Office’s frame ancestors, and no X-Frame-Options', async () => {
    const res = await fetch(`${system.baseUrl}/taskpane.html`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).toMatch(/frame-ancestors 'self' [^;]*https:\/\/\*\.officeapps\.live\.com/);
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('the pane loads, loads office.js and signs in with nothing refused', async () => {
    const context = await paneContext(browser);
    try {
      await context.addInitScript(RECORD_VIOLATIONS);
      const messages: string[] = [];
      const page = await loadPane(context, `${system.baseUrl}/taskpane.html`);
      page.on('console', (m) => messages.push(m.text()));
      expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
        'object',
      );
      await connect(page, system.keyFor('P-TP'));
      await screenshot(page, 'csp', '01-signed-in');
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual(
        [],
      );
      expect(messages.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  /**
   * The address the pane's frame shows when a page at `origin` (routed:
   * nothing leaves the machine) frames it: the pane's, or Chromium's error
   * page when frame-ancestors refuses it. Chromium's checks on a public page
   * framing a local address (the test system's) are off, so only the CSP decides.
   */
  async function framedFrom(origin: string): Promise<string> {
    const local = await launchBrowser([
      '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessForNavigations,PrivateNetworkAccessForIframes,BlockInsecurePrivateNetworkRequests',
    ]);
    const context = await local.newContext();
    try {
      await context.route(`${origin}/**`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><iframe id="pane" src="${system.baseUrl}/taskpane.html"></iframe>`,
        }),
      );
      await context.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${origin}/host`);
      const frame = await (await page.waitForSelector('#pane')).contentFrame();
      await frame?.waitForLoadState('domcontentloaded');
      return frame?.url() ?? '';
    } finally {
      await local.close();
    }
  }

  it('Excel on the web may frame the pane; another site may not', async () => {
    expect(await framedFrom('https://excel.officeapps.live.com')).toBe(
      `${system.baseUrl}/taskpane.html`,
    );
    expect(await framedFrom('https://attacker.example')).not.toBe(
      `${system.baseUrl}/taskpane.html`,
    );
  });
});

describe('source maps', () => {
  it('are not served', async () => {
    for (const file of ['taskpane.js', 'taskpane.legacy.js', 'taskpane.css', 'app.js', 'app.css']) {
      expect((await fetch(`${system.baseUrl}/${file}`)).status, file).toBe(200);
      const map = await fetch(`${system.baseUrl}/${file}.map`);
      expect(map.status, `${file}.map`).toBe(404);
      await map.arrayBuffer();
    }
  });
});
