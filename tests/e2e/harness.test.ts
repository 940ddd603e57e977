// The harness itself: the system starts, serves the task pane and the API,
// and Chromium loads a page from it.
import { beforeAll, expect, it } from 'vitest';
import { launchBrowser, type System, useSystem } from './harness.ts';

let system: System;
beforeAll(async () => {
  system = await useSystem();
});

it('serves the task pane and answers with a development key', async () => {
  const me = await fetch(`${system.baseUrl}/api/me`, {
    headers: { authorization: `Bearer ${system.coordinatorKey}` },
  });
  expect(me.status).toBe(200);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    const response = await page.goto(`${system.baseUrl}/taskpane.html`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('58/KH-UBND');
  } finally {
    await browser.close();
  }
});

it('serves the web page with a strict CSP, and the task pane frameable by Office only', async () => {
  const page = await fetch(`${system.baseUrl}/`);
  expect(page.status).toBe(200);
  const csp = page.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  const pane = await fetch(`${system.baseUrl}/taskpane.html`);
  // tests/e2e/csp.test.ts loads and frames the pane under its CSP.
  expect(pane.headers.get('content-security-policy')).toContain(
    "frame-ancestors 'self' https://*.officeapps.live.com",
  );
  expect(pane.headers.get('x-frame-options')).toBeNull();
  expect(pane.headers.get('x-content-type-options')).toBe('nosniff');
  const icon = await fetch(`${system.baseUrl}/assets/icon-32.png`);
  expect(icon.status).toBe(200);
  expect(icon.headers.get('cache-control')).toBeNull();
});
