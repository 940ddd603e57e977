// What the page's e2e files share: calls with a key, the period the page
// preselects, an agency's first version sent as JSON (as the add-in sends
// it), and signing in on the page with the keyboard.

import type { Page } from 'playwright-core';
import { buildLayout, layoutToGrid } from '../../shared/layout/index.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import { pickOpenPeriod } from '../../shared/periods/pick-open.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import { validate } from '../../shared/validate/index.ts';
import type { System } from './harness.ts';

/** A request to the system's API with `key` as the bearer token. */
export function apiAs(system: System, path: string, key: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${key}`);
  return fetch(`${system.baseUrl}${path}`, { ...init, headers });
}

/** The period the page preselects, computed the same way from the API. */
export async function openPeriodCode(system: System): Promise<string> {
  const res = await apiAs(system, '/api/periods', system.coordinatorKey);
  const list = (await res.json()) as { periods: Parameters<typeof pickOpenPeriod>[0][number][] };
  const open = pickOpenPeriod(list.periods);
  if (!open) throw new Error('no open period');
  return open.code;
}

/** `agency`'s report for `period`, every task in progress at `percent`, sent as JSON: the answer. */
export async function submitInProgress(
  system: System,
  agency: string,
  period: string,
  percent: number,
): Promise<Response> {
  const layout = buildLayout(lySon58, agency, getPeriod(period));
  const grid = layoutToGrid(layout, (t) => ({
    status: 'Đang triển khai',
    percent,
    result: `Đang thực hiện ${t.taskId}`,
  }));
  const checked = validate({ values: grid }, { plan: lySon58, agency, period });
  if (!checked.submission) throw new Error(JSON.stringify(checked.findings));
  return apiAs(system, `/api/periods/${period}/submissions`, system.keyFor(agency), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(checked.submission),
  });
}

/** Signs in on the page at `baseUrl` with `key`, pressing Enter in the key field. */
export async function signInOn(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.fill('#key', key);
  // Keyboard: Enter in the key field submits the form.
  await page.press('#key', 'Enter');
  await page.waitForSelector('#who');
}
