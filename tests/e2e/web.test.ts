// The web page at `/`, end to end in headless Chromium against the whole
// local system: the coordinator follows the open period and returns a
// report, the agency sees the comment and uploads a corrected .xlsx (filled
// by openpyxl from the template the page downloads), the coordinator accepts
// it and downloads the merged workbook; keys; English; a phone screen.
// Screenshots: test-artifacts/e2e/web/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lySon58 } from '../../shared/plan/index.ts';
import { launchBrowser, type System, screenshot, useSystem } from './harness.ts';
import { apiAs, openPeriodCode, signInOn, submitInProgress } from './report-setup.ts';

const SUITE = 'web';
const AGENCY = 'P-VHTT'; // no other e2e file writes its reports (harness.ts)
const COMMENT = 'Mục III.4 thiếu kết quả cụ thể; đề nghị bổ sung số liệu.';
const PYTHON = '/usr/bin/python3';

/** The text `code` (Python, the file as sys.argv[1]) prints for `file`: openpyxl and python-docx read what the page saved. */
const pythonText = (code: string, file: string) =>
  execFileSync(PYTHON, ['-c', code, file], { encoding: 'utf8' });

let system: System;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let period: string;
let work: string;

/** Fills every task row of a template: status, percent, result (openpyxl keeps the rest). */
const FILL_TEMPLATE = `
import sys, openpyxl
src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb.worksheets[0]
header = next(r for r in range(1, 41) if ws.cell(r, 1).value == 'TT')
row = header + 1
while ws.cell(row, 1).value:
    tt = ws.cell(row, 1).value
    ws.cell(row, 6).value = 'Đang triển khai'
    ws.cell(row, 7).value = 60
    ws.cell(row, 8).value = f'Đã bổ sung số liệu cho nhiệm vụ {tt} (tải lên từ trang web)'
    row += 1
wb.save(dst)
print(row - header - 1)
`;

const api = (path: string, key: string, init: RequestInit = {}) => apiAs(system, path, key, init);

const signIn = (key: string) => signInOn(page, system.baseUrl, key);

async function signOut() {
  await page.click('#sign-out');
  await page.waitForSelector('#key');
  expect(await page.evaluate(() => localStorage.getItem('ls58.web.key'))).toBeNull();
}

const cspViolations: string[] = [];

beforeAll(async () => {
  [system, browser] = await Promise.all([useSystem(), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: system.baseUrl,
  });
  page = await context.newPage();
  // The page runs under a strict CSP (worker/_headers): nothing it does may break it.
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  work = mkdtempSync(join(tmpdir(), 'lyson-web-e2e-'));

  // The period the page preselects; the agency has submitted once (as the add-in does).
  period = await openPeriodCode(system);
  const sent = await submitInProgress(system, AGENCY, period, 30);
  expect(sent.status, await sent.clone().text()).toBe(201);
});

afterAll(async () => {
  expect(cspViolations).toEqual([]);
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('web page', () => {
  it('explains a wrong key in both languages', async () => {
    await page.goto(`${system.baseUrl}/`);
    expect(await page.title()).toBe('Báo cáo giảm nghèo bền vững — Kế hoạch 58/KH-UBND');
    await page.click('#sign-in');
    await expect.poll(() => page.textContent('#failure-signin')).toContain('Hãy nhập khóa');
    await page.fill('#key', 'lsk_notakey_0000');
    await page.click('#sign-in');
    const bar = page.locator('#failure-signin');
    await bar.waitFor();
    const text = await bar.textContent();
    expect(text).toContain('Thiếu khóa truy cập, hoặc khóa không đúng hay đã bị thu hồi.');
    expect(text).toContain('The access key is missing, unknown or revoked.');
    expect(text).toContain('UNAUTHENTICATED');
    await screenshot(page, SUITE, '01-sign-in-error');
  });

  it('coordinator: the open period’s completeness with the agency’s first version', async () => {
    await signIn(system.coordinatorKey);
    await page.waitForSelector('#completeness-table');
    expect(await page.inputValue('#period')).toBe(period);
    const row = page.locator(`#row-${AGENCY}`);
    await expect.poll(() => row.textContent()).toContain('Chờ xem xét');
    expect(await row.locator('td[data-label="Phiên bản"]').textContent()).toBe('1');
    // The totals count every agency that reported in the period; other e2e
    // files share the system, so the count is the API's, at least this one.
    const totals = (await (
      await api(`/api/periods/${period}/submissions`, system.coordinatorKey)
    ).json()) as { totals: { received: number } };
    expect(totals.totals.received).toBeGreaterThanOrEqual(1);
    expect(await page.textContent('#total-received')).toContain(String(totals.totals.received));
    expect(await page.textContent('#total-expected')).toContain('16');
    // The chart draws one bar per count, with its value.
    expect(await page.locator('#chart svg g.bar').count()).toBe(4);
    expect(await page.locator('#chart svg').getAttribute('role')).toBe('img');
    // Every reporting agency has a row.
    expect(await page.locator('#completeness-table tbody tr').count()).toBe(16);
    await screenshot(page, SUITE, '02-coordinator-completeness');
  });

  it('coordinator: returns the report for correction with a comment', async () => {
    await page.click(`#return-${AGENCY}`);
    // Returning without a comment is refused on the page, in words, beside the comment box.
    await page.click(`#return-confirm-${AGENCY}`);
    await expect
      .poll(() => page.textContent(`#return-comment-${AGENCY}-error`))
      .toContain('Hãy ghi lý do trả lại');
    expect(await page.getAttribute(`#return-comment-${AGENCY}`, 'aria-invalid')).toBe('true');
    expect(await page.locator('#failure-completeness').count()).toBe(0);
    await page.fill(`#return-comment-${AGENCY}`, COMMENT);
    await screenshot(page, SUITE, '03-coordinator-return-form');
    await page.click(`#return-confirm-${AGENCY}`);
    const row = page.locator(`#row-${AGENCY}`);
    await expect.poll(() => row.textContent()).toContain('Đã trả lại để sửa');
    expect(await row.textContent()).toContain(COMMENT);
    await screenshot(page, SUITE, '04-coordinator-returned');
    await signOut();
  });

  it('agency: sees the comment, gets findings for a blank template, uploads a corrected file', async () => {
    await signIn(system.keyFor(AGENCY));
    await page.waitForSelector('#returned-comment');
    expect(await page.textContent('#returned-comment')).toContain(COMMENT);
    expect(await page.getAttribute(`#choose-${period}`, 'aria-pressed')).toBe('true');
    await page.waitForSelector('#version-1');
    await screenshot(page, SUITE, '05-agency-returned');

    // The blank template, downloaded through the page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#download-own-template'),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`${AGENCY} ${period}\\.xlsx$`));
    const blank = join(work, 'blank.xlsx');
    await download.saveAs(blank);
    expect(readFileSync(blank).subarray(0, 2).toString('latin1')).toBe('PK');

    // Uploaded as it is, it is not a report: findings grouped by severity, with cells.
    await page.setInputFiles('#file', blank);
    await page.click('#upload-submit');
    const failure = page.locator('#failure-upload');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('VALIDATION_FAILED');
    const errors = failure.locator('.findings-error li');
    expect(await errors.count()).toBeGreaterThan(0);
    expect(await failure.locator('.findings-error h3').textContent()).toMatch(/^Lỗi \(\d+\)$/);
    // Each finding names its cell (e.g. F7) and says what is wrong, in Vietnamese.
    expect(await errors.first().locator('.cell').textContent()).toMatch(/^[A-Z]+\d+$/);
    expect(await failure.textContent()).toContain('Chưa chọn tình trạng cho nhiệm vụ');
    await screenshot(page, SUITE, '06-agency-findings');

    // Filled by openpyxl, it passes: the receipt shows version 2.
    const filled = join(work, 'filled.xlsx');
    const rows = execFileSync(PYTHON, ['-c', FILL_TEMPLATE, blank, filled], { encoding: 'utf8' });
    expect(Number(rows.trim())).toBe(lySon58.tasksFor(AGENCY).length);
    await page.setInputFiles('#file', filled);
    await page.click('#upload-submit');
    await page.waitForSelector('#receipt');
    expect(await page.textContent('#receipt-version')).toBe('2');
    expect(await page.textContent('#receipt')).toMatch(/[0-9a-f]{64}/);
    await page.waitForSelector('#version-2');
    await expect.poll(() => page.textContent(`#choose-${period}`)).toContain('phiên bản 2');
    await screenshot(page, SUITE, '07-agency-receipt');
  });

  it('agency: English is remembered across a reload, and so is the key', async () => {
    await page.click('#lang');
    await expect
      .poll(() => page.textContent('#upload-title'))
      .toBe('Submit a filled Excel template');
    await page.reload();
    await page.waitForSelector('#upload-form');
    expect(await page.textContent('#history-title')).toBe('Version history');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, SUITE, '08-agency-english');
    await page.click('#lang');
    await page.waitForSelector('text=Lịch sử các phiên bản');
    await signOut();
  });

  it('coordinator: accepts the corrected version and downloads the merged workbook and the report', async () => {
    await signIn(system.coordinatorKey);
    const row = page.locator(`#row-${AGENCY}`);
    await expect.poll(() => row.textContent()).toContain('Chờ xem xét');
    expect(await row.locator('td[data-label="Phiên bản"]').textContent()).toBe('2');
    await page.click(`#accept-${AGENCY}`);
    await expect.poll(() => row.textContent()).toContain('Đã tiếp nhận');
    await screenshot(page, SUITE, '09-coordinator-accepted');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#download-merged'),
    ]);
    const merged = join(work, 'merged.xlsx');
    await download.saveAs(merged);
    const bytes = readFileSync(merged);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toBe(`Tổng hợp KH 58-KH-UBND ${period}.xlsx`);
    // The accepted upload is in it (openpyxl reads the merged workbook).
    const text = pythonText(
      'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint("\\n".join(str(c.value) for ws in wb for r in ws.iter_rows() for c in r if c.value))',
      merged,
    );
    expect(text).toContain('(tải lên từ trang web)');
    await page.waitForSelector('.saved-link');
    await screenshot(page, SUITE, '10-coordinator-merged');

    // The written report (.docx) names the accepted upload's result too (python-docx reads it).
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#download-report'),
    ]);
    const report = join(work, 'report.docx');
    await docx.saveAs(report);
    expect(docx.suggestedFilename()).toBe(`Báo cáo KH 58-KH-UBND ${period}.docx`);
    const reportText = pythonText(
      'import sys, docx\nprint("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))',
      report,
    );
    expect(reportText).toContain('(tải lên từ trang web)');
  });

  it('coordinator: sets the deadline, locks with a reason, reopens for one agency', async () => {
    // The due date is typed and shown day first, whatever the browser's language.
    const due = await page.inputValue('#due');
    expect(due).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await page.fill('#due', '31/02/2026');
    await page.click('#save-deadline');
    await expect.poll(() => page.textContent('#due-error')).toContain('ngày/tháng/năm');
    await page.fill('#due', due);
    await page.fill('#grace', '5');
    await page.click('#save-deadline');
    await expect.poll(() => page.textContent('#period-facts')).toContain('5 ngày');
    await page.click('#lock');
    await expect.poll(() => page.textContent('#lock-reason-error')).toContain('Hãy ghi lý do khóa');
    await page.fill('#lock-reason', 'Đã tổng hợp báo cáo gửi tỉnh');
    await page.click('#lock');
    await expect
      .poll(() => page.textContent('#period-facts'))
      .toContain('Đã tổng hợp báo cáo gửi tỉnh');
    await page.selectOption('#reopen-agency', 'THON-03');
    await page.fill('#reopen-reason', 'Thôn 03 nộp bổ sung');
    await page.click('#reopen');
    await page.waitForSelector('#close-reopening-THON-03');
    expect(await page.textContent('#row-THON-03')).toContain('Thôn 03 nộp bổ sung');
    await screenshot(page, SUITE, '11-coordinator-locked-reopened');
    // The API agrees.
    const res = await api('/api/periods', system.coordinatorKey);
    const p = (
      (await res.json()) as {
        periods: {
          code: string;
          graceDays: number;
          locked: boolean;
          reopenings: { agency: string }[];
        }[];
      }
    ).periods.find((x) => x.code === period);
    expect(p).toMatchObject({ graceDays: 5, locked: true, reopenings: [{ agency: 'THON-03' }] });
    await page.click('#close-reopening-THON-03');
    await expect
      .poll(() => page.textContent('#settings'))
      .toContain('Chưa mở lại cho cơ quan nào.');
    await page.click('#unlock');
    await page.waitForSelector('#lock-reason');
  });

  it('coordinator: issues a key (shown once, copied) that works, then revokes it', async () => {
    await page.selectOption('#key-agency', 'THON-01');
    await page.fill('#key-label', 'Trưởng thôn 01');
    await page.click('#issue-key');
    await page.waitForSelector('#new-key');
    const key = (await page.textContent('#new-key-value')) ?? '';
    expect(key).toMatch(/^lsk_[a-z2-9]{8}_[a-z2-9]{32}$/);
    await page.click('#copy-key');
    await expect.poll(() => page.textContent('#copy-key')).toBe('Đã sao chép');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    expect((await api('/api/me', key)).status).toBe(200);
    await screenshot(page, SUITE, '12-coordinator-new-key');

    const prefix = key.slice(0, 12);
    await page.click('#dismiss-key');
    expect(await page.locator('#new-key').count()).toBe(0);
    await page.click(`#revoke-${prefix}`);
    await page.click(`#revoke-confirm-${prefix}`);
    await expect.poll(async () => (await api('/api/me', key)).status).toBe(401);
    await expect.poll(() => page.textContent('#keys')).toContain('Đã thu hồi');
  });

  it('coordinator: the key in use is marked; revoking it warns first, then signs out', async () => {
    // Issue 16: a coordinator could revoke the key it was using without a word.
    const res = await api('/api/keys', system.coordinatorKey, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        agency: lySon58.coordinator.code,
        role: 'coordinator',
        label: 'Phiên thử thu hồi',
      }),
    });
    expect(res.status).toBe(201);
    const { key, prefix } = (await res.json()) as { key: string; prefix: string };
    await signOut();
    await signIn(key);
    await page.click('#load-keys');
    await page.waitForSelector(`#key-${prefix}`);
    expect(await page.textContent(`#key-${prefix} th`)).toContain('Đang dùng');
    expect(await page.textContent(`#key-${system.coordinatorKey.slice(0, 12)} th`)).not.toContain(
      'Đang dùng',
    );
    await page.click(`#revoke-${prefix}`);
    expect(await page.textContent(`#revoke-text-${prefix}`)).toContain('khóa bạn đang dùng');
    // Cancelling changes nothing.
    await page.click(`#revoke-cancel-${prefix}`);
    expect((await api('/api/me', key)).status).toBe(200);
    await page.click(`#revoke-${prefix}`);
    await page.click(`#revoke-confirm-${prefix}`);
    await page.waitForSelector('#key');
    expect(await page.evaluate(() => localStorage.getItem('ls58.web.key'))).toBeNull();
    expect((await api('/api/me', key)).status).toBe(401);
    await signIn(system.coordinatorKey);
  });

  it('coordinator: renames a placeholder village; the new name is on the page and in the API', async () => {
    await page.click('#show-agencies');
    await page.waitForSelector('#agencies-table');
    // Placeholder villages are listed first, marked as such.
    const first = await page.locator('#agencies-table tbody tr').first().textContent();
    expect(first).toContain('Tên tạm');
    await page.fill('#agency-name-THON-02', 'Thôn thử nghiệm Hai');
    await page.fill('#agency-short-THON-02', 'Thử nghiệm Hai');
    await page.click('#rename-THON-02');
    await expect.poll(() => page.textContent('#agencies')).toContain('Đã đổi tên THON-02');
    await expect.poll(() => page.textContent('#completeness')).toContain('Thôn thử nghiệm Hai');
    const listed = (await (await api('/api/agencies', system.coordinatorKey)).json()) as {
      agencies: { code: string; name: string; placeholder: boolean }[];
    };
    expect(listed.agencies.find((a) => a.code === 'THON-02')).toMatchObject({
      name: 'Thôn thử nghiệm Hai',
      placeholder: false,
    });
    await screenshot(page, SUITE, '13-coordinator-renamed-village');
  });

  it('coordinator: sets the document details; a line too long is refused beside its field', async () => {
    await page.click('#show-document');
    await page.waitForSelector('#document-form');
    await page.fill('#doc-issuingBody', 'CƠ QUAN THỬ NGHIỆM');
    await page.fill('#doc-numberSymbol', 'BC-TN');
    await page.fill('#doc-recipients', 'Cơ quan nhận thử nghiệm 1\nCơ quan nhận thử nghiệm 2');
    await page.fill('#doc-signerLines', 'TM. CƠ QUAN THỬ NGHIỆM\nNGƯỜI KÝ');
    await page.fill('#doc-copyTo', `Cơ quan A (thử nghiệm)\n${'x'.repeat(201)}`);
    await page.click('#save-document');
    await expect
      .poll(() => page.textContent('#doc-copyTo-error'))
      .toContain('Dòng 2 quá dài: tối đa 200 ký tự.');
    expect(await page.getAttribute('#doc-copyTo', 'aria-invalid')).toBe('true');
    await screenshot(page, SUITE, '15-coordinator-document-refused', page.locator('#document'));
    await page.fill('#doc-copyTo', 'Cơ quan A (thử nghiệm)');
    await page.click('#save-document');
    await expect.poll(() => page.textContent('#document')).toContain('Đã lưu thông tin văn bản.');
    const saved = await (await api('/api/settings/document', system.coordinatorKey)).json();
    expect(saved).toMatchObject({
      issuingBody: 'CƠ QUAN THỬ NGHIỆM',
      numberSymbol: 'BC-TN',
      parentBody: null,
      recipients: ['Cơ quan nhận thử nghiệm 1', 'Cơ quan nhận thử nghiệm 2'],
      signerLines: ['TM. CƠ QUAN THỬ NGHIỆM', 'NGƯỜI KÝ'],
      copyTo: ['Cơ quan A (thử nghiệm)'],
    });
    await screenshot(page, SUITE, '16-coordinator-document-saved', page.locator('#document'));
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const p = await phone.newPage();
      await p.goto(`${system.baseUrl}/`);
      await p.fill('#key', system.coordinatorKey);
      await p.click('#sign-in');
      await p.waitForSelector('#completeness-table');
      // Nothing wider than the screen: no sideways scrolling.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // The table reads as cards: header row hidden, each row a block with labelled cells.
      expect(
        await p.$eval('#completeness-table thead', (el) => el.getBoundingClientRect().height),
      ).toBeLessThanOrEqual(1);
      const display = await p.evaluate((id) => {
        const row = document.getElementById(id);
        return row ? getComputedStyle(row).display : 'missing';
      }, `row-${AGENCY}`);
      expect(display).toBe('block');
      await p.screenshot({
        path: join(
          (await screenshot(p, SUITE, '13-phone-coordinator')).replace(/[^/]+$/, ''),
          '13-phone-coordinator-top.png',
        ),
        clip: { x: 0, y: 0, width: 390, height: 1400 },
      });
      await p.click('#sign-out');
      await p.fill('#key', system.keyFor(AGENCY));
      await p.click('#sign-in');
      await p.waitForSelector('#upload-form');
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(p, SUITE, '14-phone-agency');
    } finally {
      await phone.close();
    }
  });
});
