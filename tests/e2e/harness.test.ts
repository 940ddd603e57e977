// The harness itself: the system starts, serves the task pane and the API,
// and Chromium loads a page from it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, type System, startSystem } from './harness.ts';

let system: System;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await system?.stop();
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
