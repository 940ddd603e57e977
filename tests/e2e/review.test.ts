// Review on screen (issue 13), end to end in headless Chromium against the
// whole local system: the coordinator reads an agency's report and returns
// it with notes on tasks and fields → the agency sees the notes beside its
// rows, downloads its version, fixes it and uploads it → the coordinator sees
// the corrected cells highlighted → accepts → reopens with a reason. Also a
// refused file sent back marked, and a phone screen.
// Screenshots: test-artifacts/e2e/review/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lySon58 } from '../../shared/plan/index.ts';
import { launchBrowser, type System, screenshot, useSystem } from './harness.ts';
import { openPeriodCode, signInOn, submitInProgress } from './report-setup.ts';

const SUITE = 'review';
const AGENCY = 'TTTT-VHTT'; // no other e2e file writes its reports (harness.ts)
const PYTHON = '/usr/bin/python3';
const NOTE_PERCENT = 'Tỷ lệ 30% chưa khớp với kết quả đã nêu.';
const NOTE_ROW = 'Bổ sung sản phẩm đã hoàn thành.';
const COMMENT = 'Đề nghị sửa theo các ghi chú bên cạnh từng nhiệm vụ.';
const REOPEN = 'Cần đối chiếu lại số liệu với báo cáo quý.';

/** Sets the percent (column G) of every task row to 55 (openpyxl keeps the rest). */
const FIX_PERCENT = `
import sys, openpyxl
src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb.worksheets[0]
header = next(r for r in range(1, 41) if ws.cell(r, 1).value == 'TT')
row = header + 1
while ws.cell(row, 1).value:
    ws.cell(row, 7).value = 55
    row += 1
wb.save(dst)
print(row - header - 1)
`;

let system: System;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let period: string;
let work: string;
const tasks = lySon58.tasksFor(AGENCY).map((a) => a.task.id);

const signIn = (key: string) => signInOn(page, system.baseUrl, key);

async function signOut() {
  await page.click('#sign-out');
  await page.waitForSelector('#key');
}

/** Opens the agency's report from the completeness table. */
async function openReport(p: Page = page) {
  await p.click(`#view-${AGENCY}`);
  await p.waitForSelector('#report-table');
}

beforeAll(async () => {
  [system, browser] = await Promise.all([useSystem(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
  work = mkdtempSync(join(tmpdir(), 'lyson-review-e2e-'));
  period = await openPeriodCode(system);
  const sent = await submitInProgress(system, AGENCY, period, 30);
  expect(sent.status, await sent.clone().text()).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('review on screen', () => {
  it('the coordinator reads the report and returns it with notes on tasks and fields', async () => {
    await signIn(system.coordinatorKey);
    await openReport();
    const table = page.locator('#report-table');
    expect(await table.locator('tbody tr').count()).toBe(tasks.length);
    const first = table.locator(`tr[data-task="${tasks[0]}"]`);
    expect(await first.locator('td[data-field="status"]').textContent()).toBe('Đang triển khai');
    expect(await first.locator('td[data-field="percent"]').textContent()).toBe('30');
    expect(await page.textContent('#report-receipt')).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await page.textContent('#compare-summary')).toContain('Chỉ có một phiên bản');

    // A note needs its text, shown under the field.
    await page.click('#note-add');
    expect(await page.textContent('#note-text-error')).toContain('Hãy ghi nội dung ghi chú');
    await page.selectOption('#note-field', 'percent');
    await page.fill('#note-text', NOTE_PERCENT);
    await page.click('#note-add');
    await page.selectOption('#note-task', tasks.at(-1) ?? '');
    await page.selectOption('#note-field', '');
    await page.fill('#note-text', NOTE_ROW);
    await page.click('#note-add');
    // A note with a very long word (a link, say) and line breaks: shown as typed, wrapped within the page.
    await page.fill('#note-text', `Ghi chú sẽ bị xóa\nhttps://example.org/${'x'.repeat(1000)}`);
    await page.click('#note-add');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(
      await page.$eval(
        '#draft-notes li:last-child .note-text',
        (e) => getComputedStyle(e).whiteSpace,
      ),
    ).toBe('pre-line');
    await page.click('#note-remove-2');
    expect(await page.locator('#draft-notes li').count()).toBe(2);

    // A return needs its comment, shown under the field; nothing is sent.
    await page.click('#review-return');
    expect(await page.textContent('#review-comment-error')).toContain('Hãy ghi lý do trả lại');
    await page.fill('#review-comment', COMMENT);
    await screenshot(page, SUITE, '01-coordinator-notes');
    await page.click('#review-return');
    await expect.poll(() => page.textContent('#report-state')).toContain('Đã trả lại để sửa');
    const history = page.locator('#review-history');
    expect(await history.textContent()).toContain(NOTE_PERCENT);
    expect(await history.textContent()).toContain(COMMENT);
    await screenshot(page, SUITE, '02-coordinator-returned');
    await signOut();
  });

  it('the agency sees the notes beside its rows and uploads a fix', async () => {
    await signIn(system.keyFor(AGENCY));
    const notes = page.locator('#notes-table');
    await notes.waitFor();
    const noted = notes.locator(`tr[data-task="${tasks[0]}"] td.noted`);
    expect(await noted.getAttribute('data-field')).toBe('percent');
    expect(await noted.textContent()).toContain(NOTE_PERCENT);
    expect(await notes.locator('tr.noted-row th').textContent()).toContain(NOTE_ROW);
    expect(await page.textContent('#version-1')).toContain(COMMENT);
    await screenshot(page, SUITE, '03-agency-notes');

    // The template started from the last accepted report: none yet, so it says it is blank.
    const [started] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#download-start-template'),
    ]);
    expect(started.suggestedFilename()).toMatch(/\.xlsx$/);
    await expect
      .poll(() => page.textContent('#upload'))
      .toContain('chưa có báo cáo nào được tiếp nhận');
    const blank = join(work, 'blank.xlsx');
    await started.saveAs(blank);

    // A refused file comes back with its findings marked.
    await page.setInputFiles('#file', blank);
    await page.click('#upload-submit');
    await page.waitForSelector('#download-annotated');
    const [marked] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#download-annotated'),
    ]);
    const markedPath = join(work, 'marked.xlsx');
    await marked.saveAs(markedPath);
    expect(readFileSync(markedPath).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await page.textContent('#failure-upload')).toContain('VALIDATION_FAILED');
    await screenshot(page, SUITE, '04-agency-annotated');

    // Its version 1 as .xlsx, fixed with openpyxl and uploaded: version 2.
    const [v1] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#download-version-1'),
    ]);
    expect(v1.suggestedFilename()).toBe(
      `Báo cáo KH 58-KH-UBND ${AGENCY} ${period} phiên bản 1.xlsx`,
    );
    const v1Path = join(work, 'v1.xlsx');
    const fixed = join(work, 'fixed.xlsx');
    await v1.saveAs(v1Path);
    const rows = execFileSync(PYTHON, ['-c', FIX_PERCENT, v1Path, fixed], { encoding: 'utf8' });
    expect(Number(rows.trim())).toBe(tasks.length);
    await page.setInputFiles('#file', fixed);
    await page.click('#upload-submit');
    await page.waitForSelector('#receipt');
    expect(await page.textContent('#receipt-version')).toBe('2');
    await signOut();
  });

  it('the coordinator sees the corrected cells, accepts, then reopens with a reason', async () => {
    await signIn(system.coordinatorKey);
    await openReport();
    await expect.poll(() => page.textContent('#compare-summary')).toContain('phiên bản 1');
    const changed = page.locator('#report-table td.changed');
    expect(await changed.count()).toBe(tasks.length);
    expect(await changed.first().getAttribute('data-field')).toBe('percent');
    expect(await changed.first().textContent()).toContain('55');
    expect(await changed.first().locator('.before').textContent()).toBe('Trước: 30');
    await screenshot(page, SUITE, '05-coordinator-diff');

    // The previous period: compared, or explained where there is none.
    await page.click('#compare-previous');
    await expect
      .poll(async () => (await page.textContent('#report'))?.match(/kỳ \S+, phiên bản|NOT_FOUND/))
      .toBeTruthy();
    await page.click('#compare-returned');
    await expect.poll(() => page.textContent('#compare-summary')).toContain('phiên bản 1');

    await page.click('#review-accept');
    await expect.poll(() => page.textContent('#report-state')).toContain('Đã tiếp nhận');
    await page.click('#review-reopen');
    expect(await page.textContent('#reopen-review-reason-error')).toContain('Hãy ghi lý do');
    await page.fill('#reopen-review-reason', REOPEN);
    await page.click('#review-reopen');
    await expect.poll(() => page.textContent('#report-state')).toContain('Chờ xem xét');
    expect(await page.textContent('#review-history')).toContain('Đã mở lại để xem xét');
    expect(await page.textContent('#review-history')).toContain(REOPEN);
    await screenshot(page, SUITE, '06-coordinator-reopened');
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      isMobile: true,
    });
    try {
      const p = await phone.newPage();
      await signInOn(p, system.baseUrl, system.coordinatorKey);
      await openReport(p);
      await screenshot(p, SUITE, '07-phone-report');
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
  });
});
