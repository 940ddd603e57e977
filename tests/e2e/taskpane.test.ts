// The task pane end to end, in Debian's headless Chromium: the built pane
// served by `wrangler dev` with a local D1, Microsoft's office.js (the npm
// copy, routed in place of the CDN), and the stand-in Excel injected before
// the page loads. An agency clerk connects, creates the sheet, fills it with
// mistakes, checks, fixes, submits through a network failure and a lost
// answer, and gets one receipt; the coordinator sees it and opens the merged
// workbook. Screenshots: test-artifacts/e2e/taskpane/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { d1Execute } from '../../scripts/lib/wrangler.ts';
import { buildLayout, cellOf, type SheetLayout } from '../../shared/layout/index.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import { validFill } from '../shared/fixtures.ts';
import { type System, screenshot } from './harness.ts';
import { connect, excel, loadPane, paneContext, startPaneTests } from './pane-page.ts';

const AGENCY = 'P-TP';
const SUITE = 'taskpane';

let system: System;
let browser: Browser;
let fakeExcel: string;

beforeAll(async () => {
  ({ system, browser, fakeExcel } = await startPaneTests());
});
afterAll(() => browser?.close());

/** A fresh browser profile with office.js served from the npm copy and, optionally, the stand-in Excel. */
async function openPane(options: {
  excel: boolean;
  createWorkbook?: boolean;
  /** localStorage throws on every use, as where the host blocks storage. */
  storageBlocked?: boolean;
}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await paneContext(browser);
  if (options.storageBlocked) {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
  }
  if (options.excel) {
    if (options.createWorkbook === false)
      await context.addInitScript('window.__noCreateWorkbook = true;');
    await context.addInitScript(fakeExcel);
  }
  const page = await loadPane(context, `${system.baseUrl}/taskpane.html`);
  return { context, page };
}

describe('agency clerk', () => {
  let page: Page;
  let context: BrowserContext;
  let layout: SheetLayout;
  let periodCode: string;

  beforeAll(async () => {
    ({ page, context } = await openPane({ excel: true }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('connects with a local key and preselects the open period', async () => {
    await connect(page, system.keyFor(AGENCY));
    await expect
      .poll(() => page.textContent('#who'))
      .toContain(lySon58.agency(AGENCY)?.name ?? '?');
    expect(await page.isVisible('#outside')).toBe(false);
    periodCode = await page.inputValue('#period');
    const periods = (await (
      await fetch(`${system.baseUrl}/api/periods`, {
        headers: { authorization: `Bearer ${system.keyFor(AGENCY)}` },
      })
    ).json()) as {
      periods: {
        code: string;
        due: string;
        daysLeft: number;
        graceDays: number;
        label: { vi: string };
        cutoff: { from: string; to: string };
      }[];
    };
    // The scheduled kinds (Q1, H1, Q3, Y) only, as openPeriod() in shared/periods.
    const open = periods.periods
      .filter((p) => ['Q1', 'H1', 'Q3', 'Y'].includes(p.code.slice(5)))
      .sort((a, b) => a.due.localeCompare(b.due))
      .find((p) => p.daysLeft + p.graceDays >= 0);
    expect(periodCode).toBe(open?.code);
    const p = periods.periods.find((x) => x.code === periodCode);
    if (!p) throw new Error('no period');
    layout = buildLayout(lySon58, AGENCY, p);
    expect(await page.textContent('#due')).toMatch(
      /Hạn nộp: \d\d\/\d\d\/\d{4} — (còn \d+ ngày|hạn nộp là hôm nay|quá hạn \d+ ngày)/,
    );
    await screenshot(page, SUITE, '01-connected');
  });

  it('creates the sheet from the shared layout, and only activates it the second time', async () => {
    await page.click('#create');
    await page.waitForSelector('#notice');
    expect(await page.textContent('#notice')).toContain(layout.sheetName);
    const sheet = await excel<{
      protected: boolean;
      validations: number;
      a5: unknown;
      b7: unknown;
    }>(
      page,
      `const s = excel.sheet(arg); return { protected: s.protected, validations: s.validations.length, a5: excel.value(arg, 'A5'), b7: excel.value(arg, 'B7') };`,
      layout.sheetName,
    );
    expect(sheet.protected).toBe(true);
    expect(sheet.validations).toBe(6);
    expect(sheet.a5).toBe(layout.metadataText);
    expect(sheet.b7).toBe(layout.tasks[0]?.fixed.content);
    expect(await excel<number[]>(page, 'return excel.syncsPerRun')).toEqual([2]);
    await screenshot(page, SUITE, '02-sheet-created');

    await excel(page, `excel.type(arg, 'H7', 'đã gõ'); excel.active = 'Sheet1';`, layout.sheetName);
    await page.click('#create');
    await expect.poll(() => page.textContent('#notice')).toContain('không ghi đè');
    expect(await excel(page, `return excel.value(arg, 'H7')`, layout.sheetName)).toBe('đã gõ');
    expect(await excel(page, 'return excel.active')).toBe(layout.sheetName);
  });

  it('checks a sheet with mistakes: findings by cell, cells highlighted, two syncs', async () => {
    const values: [string, string | number][] = [];
    layout.tasks.forEach((t, i) => {
      for (const [k, v] of Object.entries(validFill(t, i))) {
        if (v !== '') values.push([cellOf(t.row, k as 'status'), v]);
      }
    });
    const row = layout.tasks[0]?.row ?? 7;
    values.push([`F${row}`, 'Xong rồi'], [`G${row}`, 140]);
    await excel(page, 'for (const [c, v] of arg.values) excel.type(arg.sheet, c, v);', {
      sheet: layout.sheetName,
      values,
    });
    await page.click('#check');
    await page.waitForSelector('#errors');
    const cells = await page.$$eval('#errors .finding', (els) =>
      els.map((e) => e.getAttribute('data-cell')),
    );
    expect(cells).toEqual(expect.arrayContaining([`F${row}`, `G${row}`]));
    expect(await page.textContent('#errors')).toContain('Tình trạng');
    expect(await excel(page, `return excel.shownFill(arg, 'F${row}')`, layout.sheetName)).toBe(
      '#FDE7E9',
    );
    expect(await excel<number[]>(page, 'return excel.syncsPerRun.at(-1)')).toBeLessThanOrEqual(2);
    await screenshot(page, SUITE, '03-findings');

    // A finding takes the clerk to its cell.
    await page.click(`#errors .finding[data-cell="G${row}"]`);
    await expect
      .poll(() => excel(page, 'return excel.selected'))
      .toBe(`${layout.sheetName}!G${row}`);

    // English on the switch.
    await page.click('#lang');
    await expect.poll(() => page.textContent('h1')).toContain('reporting');
    await screenshot(page, SUITE, '04-findings-english');
    await page.click('#lang');
  });

  it('checks clean once fixed, and the highlights are gone', async () => {
    const row = layout.tasks[0]?.row ?? 7;
    await excel(
      page,
      `excel.type(arg, 'F${row}', 'Hoàn thành'); excel.type(arg, 'G${row}', 100);`,
      layout.sheetName,
    );
    await page.click('#check');
    await page.waitForSelector('#clean');
    expect(
      await excel(page, `return excel.shownFill(arg, 'F${row}')`, layout.sheetName),
    ).toBeUndefined();
    await screenshot(page, SUITE, '05-clean');
  });

  it('survives a network failure and a lost answer without a duplicate, then shows the receipt', async () => {
    const writesBefore = await excel<number>(page, 'return excel.writes.length');
    const submissions = /\/api\/periods\/[^/]+\/submissions$/;

    // 1. The request never reaches the server.
    await page.route(submissions, (r) => r.abort('internetdisconnected'));
    await page.click('#submit');
    await page.waitForSelector('#failure #retry');
    expect(await page.textContent('#failure')).toContain('Không kết nối được máy chủ');
    expect(await excel<number>(page, 'return excel.writes.length')).toBe(writesBefore);
    await screenshot(page, SUITE, '06-network-failure');
    await page.unroute(submissions);

    // 2. The server stores it, but the answer is lost on the way back. A slow
    // link: the answer is held until the pane's waiting state has been
    // checked, then dropped.
    let stored = 0;
    let release = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    await page.route(submissions, async (r) => {
      const answer = await r.fetch();
      if (answer.status() === 201) stored++;
      await held;
      await r.abort('connectionreset');
    });
    await page.click('#retry');
    // Progress is visible while the pane waits on the network, and the buttons are off.
    await page.waitForSelector('#progress .spinner');
    expect(await page.textContent('#progress')).toContain('Đang gửi báo cáo');
    expect(await page.isDisabled('#submit')).toBe(true);
    await screenshot(page, SUITE, '06b-sending');
    release();
    await page.waitForSelector('#failure #retry');
    expect(stored).toBe(1);
    expect(await excel<number>(page, 'return excel.writes.length')).toBe(writesBefore);
    await page.unroute(submissions);

    // 3. The retry gets the first receipt: still version 1.
    await page.click('#retry');
    await page.waitForSelector('#receipt');
    expect(await page.textContent('#receipt-version')).toBe('1');
    const hash = (await page.textContent('#receipt-hash')) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.isVisible('#replayed')).toBe(true);
    await screenshot(page, SUITE, '07-receipt');

    // The receipt is in the workbook…
    const receipt = await excel<unknown[]>(
      page,
      `return [excel.value('Biên nhận', 'C2'), excel.value('Biên nhận', 'E2'), excel.value('Biên nhận', 'A3')]`,
    );
    expect(receipt).toEqual([1, hash, '']);
    // …and exactly one version is in D1.
    const rows = await d1Execute(
      { persistTo: join(system.dir, 'state') },
      `SELECT version, content_hash, source FROM submissions WHERE agency_code = '${AGENCY}' AND period_code = '${periodCode}'`,
    );
    expect(rows.at(-1)).toEqual([{ version: 1, content_hash: hash, source: 'api' }]);
    // The period now says what was sent.
    await expect.poll(() => page.textContent('#last-sent')).toContain('Đã gửi phiên bản 1');
  });

  it('refuses to send a sheet with errors', async () => {
    const row = layout.tasks[0]?.row ?? 7;
    await excel(page, `excel.type(arg, 'G${row}', 'nhiều');`, layout.sheetName);
    await page.click('#submit');
    await page.waitForSelector('#not-sent');
    expect(await page.isVisible('#receipt')).toBe(false);
    await screenshot(page, SUITE, '08-refused');
  });

  it('shows the coordinator’s comment and the lock reason, after a reload with the stored key', async () => {
    const coordinator = (path: string, method: string, body: unknown) =>
      fetch(`${system.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${system.coordinatorKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    const comment = 'Mục I.1 thiếu số liệu; đề nghị bổ sung.';
    const reason = 'Đang tổng hợp báo cáo gửi tỉnh';
    expect(
      (
        await coordinator(`/api/periods/${periodCode}/submissions/${AGENCY}/review`, 'POST', {
          action: 'return',
          comment,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await coordinator(`/api/periods/${periodCode}`, 'PATCH', {
          locked: true,
          lockReason: reason,
        })
      ).status,
    ).toBe(200);
    await page.reload();
    await page.waitForSelector('#who'); // the key stayed on this computer
    await page.waitForSelector('#returned');
    expect(await page.textContent('#returned')).toContain(comment);
    expect(await page.textContent('#lock')).toContain(reason);
    expect(await page.isDisabled('#submit')).toBe(true);
    expect(await page.isDisabled('#check')).toBe(false);
    await screenshot(page, SUITE, '09-returned-locked');
    expect(
      (await coordinator(`/api/periods/${periodCode}`, 'PATCH', { locked: false })).status,
    ).toBe(200);
  });

  it('signs out and forgets the key', async () => {
    await page.click('#sign-out');
    await page.waitForSelector('#key');
    expect(await page.evaluate(() => localStorage.getItem('lyson.key'))).toBeNull();
  });
});

describe('coordinator', () => {
  it('sees the agency as received and opens the merged workbook in Excel', async () => {
    const { page, context } = await openPane({ excel: true });
    await connect(page, system.coordinatorKey);
    await page.waitForSelector(`#completeness tr[data-agency="${AGENCY}"]`);
    const row = page.locator(`#completeness tr[data-agency="${AGENCY}"]`);
    expect(await row.getAttribute('class')).toBe('status-on-time');
    expect(await row.locator('td').nth(1).textContent()).toBe('1');
    // Other e2e files share the system: the count is the API's, P-TP's among them.
    const shown = await page.inputValue('#period');
    const { totals } = (await (
      await fetch(`${system.baseUrl}/api/periods/${shown}/submissions`, {
        headers: { authorization: `Bearer ${system.coordinatorKey}` },
      })
    ).json()) as { totals: { received: number; expected: number } };
    expect(totals.received).toBeGreaterThanOrEqual(1);
    expect(await page.textContent('#totals')).toContain(
      `Đã nhận ${totals.received}/${totals.expected}`,
    );
    // The coordinating office's own report goes with the same key and buttons.
    expect(await page.isVisible('#create')).toBe(true);
    expect(await page.textContent('#actions-title')).toContain('Ban TC, NV-LĐTBXH');
    await screenshot(page, SUITE, '10-completeness');
    await page.click('#open-merged');
    await page.waitForSelector('#notice');
    const opened = await excel<string[]>(page, 'return excel.createdWorkbooks');
    expect(opened).toHaveLength(1);
    const bytes = Buffer.from(opened[0] ?? '', 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
    await screenshot(page, SUITE, '11-merged-opened');
    await context.close();
  });

  it('offers a download where Excel.createWorkbook is missing, and the written report', async () => {
    const { page, context } = await openPane({ excel: true, createWorkbook: false });
    await connect(page, system.coordinatorKey);
    await page.waitForSelector('#completeness');
    await page.click('#open-merged');
    await page.waitForSelector('#merged-link');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#merged-link'),
    ]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    await screenshot(page, SUITE, '12-merged-download');
    // The written report: fetched, then offered as a link (Excel opens no Word document).
    await page.click('#download-report');
    await page.waitForSelector('#report-docx-link');
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#report-docx-link'),
    ]);
    const docx = readFileSync(await report.path());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
    await context.close();
  });
});

describe('a report returned with notes (after the coordinator has seen version 1)', () => {
  let page: Page;
  let context: BrowserContext;
  let layout: SheetLayout;
  let periodCode: string;
  const asCoordinator = (path: string, method: string, body?: unknown) =>
    fetch(`${system.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${system.coordinatorKey}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    ({ page, context } = await openPane({ excel: true }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('lists the notes, marks their cells once the sheet is there, and a note selects its cell', async () => {
    // Version 1 of P-TP was returned above; the coordinator returns it again, with notes.
    const own = lySon58.tasksFor(AGENCY).map((a) => a.task.id);
    const periods = (await (
      await fetch(`${system.baseUrl}/api/periods`, {
        headers: { authorization: `Bearer ${system.keyFor(AGENCY)}` },
      })
    ).json()) as {
      current: string;
      periods: {
        code: string;
        due: string;
        label: { vi: string };
        cutoff: { from: string; to: string };
      }[];
    };
    periodCode = periods.current;
    const p = periods.periods.find((x) => x.code === periodCode);
    if (!p) throw new Error('no open period');
    layout = buildLayout(lySon58, AGENCY, p, {
      agencyName: lySon58.agency(AGENCY)?.name,
    });
    const returned = await asCoordinator(
      `/api/periods/${periodCode}/submissions/${AGENCY}/review`,
      'POST',
      {
        action: 'return',
        comment: 'Xem các ghi chú trên từng ô.',
        notes: [
          { taskId: own[0], field: 'percent', text: 'Tỷ lệ chưa khớp với kết quả.' },
          { taskId: own[1], text: 'Bổ sung kết quả cho cả mục này.' },
        ],
      },
    );
    expect(returned.status).toBe(201);

    await connect(page, system.keyFor(AGENCY));
    await page.waitForSelector('#notes .note');
    expect(await page.textContent('#notes')).toContain('Tỷ lệ chưa khớp với kết quả.');
    expect(await page.textContent('#notes')).toContain('Tỷ lệ hoàn thành');
    // No sheet in this workbook yet: the pane says how to get the cells marked.
    expect(await page.textContent('#notes')).toContain('chưa có trang tính');
    await page.click('#create');
    await page.waitForSelector('#notice');
    const row = layout.tasks[0]?.row ?? 7;
    const second = layout.tasks[1]?.row ?? 8;
    await expect
      .poll(() => excel(page, `return excel.shownFill(arg, 'G${row}')`, layout.sheetName))
      .toBe('#DEECF9');
    expect(await excel(page, `return excel.shownFill(arg, 'K${second}')`, layout.sheetName)).toBe(
      '#DEECF9',
    );
    expect(
      await excel(page, `return excel.shownFill(arg, 'F${row}')`, layout.sheetName),
    ).toBeUndefined();
    expect(await excel(page, 'return excel.sheet(arg).protected', layout.sheetName)).toBe(true);
    await screenshot(page, SUITE, '16-notes-marked');

    await excel(page, `excel.active = 'Sheet1';`);
    await page.click(`#notes .note[data-cell="G${row}"]`);
    await expect
      .poll(() => excel(page, 'return excel.selected'))
      .toBe(`${layout.sheetName}!G${row}`);
  });

  it('loads the version sent, asking before it overwrites what was typed', async () => {
    const row = layout.tasks[0]?.row ?? 7;
    await excel(page, `excel.type(arg, 'H${row}', 'đã gõ');`, layout.sheetName);
    await page.click('#load-last');
    await page.waitForSelector('#confirm');
    expect(await page.textContent('#confirm')).toContain('phiên bản 1');
    // Nothing written while the pane asks.
    expect(await excel(page, `return excel.value(arg, 'H${row}')`, layout.sheetName)).toBe('đã gõ');
    await screenshot(page, SUITE, '17-load-confirm');
    await page.click('#confirm-no');
    expect(await page.isVisible('#confirm')).toBe(false);
    await page.click('#load-last');
    await page.click('#confirm-yes');
    await expect.poll(() => page.textContent('#notice')).toContain('Đã nạp phiên bản 1');
    const v1 = validFill(layout.tasks[0] as SheetLayout['tasks'][number], 0);
    expect(await excel(page, `return excel.value(arg, 'H${row}')`, layout.sheetName)).toBe(
      v1.result,
    );
    expect(await excel(page, `return excel.value(arg, 'G${row}')`, layout.sheetName)).toBe(100);
    // Only the fillable cells were written, the protection stands, the marks stay.
    const writes = await excel<{ op: string; range?: string }[]>(
      page,
      'return excel.writes.filter((w) => w.op === "values" && w.sheet === arg)',
      layout.sheetName,
    );
    expect(writes.at(-1)?.range).toBe(layout.ranges.fill);
    expect(await excel(page, 'return excel.sheet(arg).protected', layout.sheetName)).toBe(true);
    expect(await excel(page, `return excel.shownFill(arg, 'G${row}')`, layout.sheetName)).toBe(
      '#DEECF9',
    );
    await screenshot(page, SUITE, '18-loaded');
  });

  it('sends the fix as version 2, and the notes’ marks are cleared', async () => {
    const row = layout.tasks[0]?.row ?? 7;
    await excel(
      page,
      `excel.type(arg, 'H${row}', 'Đã bổ sung số liệu theo ghi chú.');`,
      layout.sheetName,
    );
    await page.click('#submit');
    await page.waitForSelector('#receipt');
    expect(await page.textContent('#receipt-version')).toBe('2');
    await expect.poll(() => page.isVisible('#notes')).toBe(false);
    expect(
      await excel(page, `return excel.shownFill(arg, 'G${row}')`, layout.sheetName),
    ).toBeUndefined();
    expect(
      await excel<{ formula: string }[]>(page, 'return excel.sheet(arg).rules', layout.sheetName),
    ).toEqual([]);
    await screenshot(page, SUITE, '19-fix-sent');
  });

  it('the coordinator reads the report and what changed since the return', async () => {
    const coord = await openPane({ excel: true });
    const cp = coord.page;
    await connect(cp, system.coordinatorKey);
    await cp.waitForSelector(`#completeness tr[data-agency="${AGENCY}"] .open-report`);
    await cp.click(`#completeness tr[data-agency="${AGENCY}"] .open-report`);
    await cp.waitForSelector('#report');
    expect(await cp.$$eval('#versions > li', (els) => els.length)).toBe(2);
    expect(await cp.textContent('#versions')).toContain('Tỷ lệ chưa khớp với kết quả.');
    const first = layout.tasks[0]?.taskId ?? '';
    expect(
      await cp.textContent(`#changes .change[data-task="${first}"][data-field="result"] ins`),
    ).toBe('Đã bổ sung số liệu theo ghi chú.');
    expect(
      await cp.getAttribute(
        `#report-tasks .task[data-task="${first}"] dd[data-field="result"]`,
        'class',
      ),
    ).toBe('changed');
    expect(await cp.$$eval('#report-tasks .task', (els) => els.length)).toBe(layout.tasks.length);
    await screenshot(cp, SUITE, '20-coordinator-report');
    // Against the previous period: P-TP sent nothing for it here, which the pane says in words.
    expect(await cp.getAttribute('#compare-returned', 'aria-pressed')).toBe('true');
    await cp.click('#compare-previous-period');
    await expect.poll(() => cp.textContent('#failure')).toContain('kỳ trước');
    await cp.click('#compare-returned');
    await expect
      .poll(() => cp.textContent(`#changes .change[data-task="${first}"][data-field="result"] ins`))
      .toBe('Đã bổ sung số liệu theo ghi chú.');
    await cp.click('#close-report');
    await cp.waitForSelector('#completeness');
    await coord.context.close();
  });
});

describe('where Excel or the computer refuses', () => {
  it('offers the download when Excel.createWorkbook fails, with Excel’s message', async () => {
    const { page, context } = await openPane({ excel: true });
    // Replaced after detection: the host claims ExcelApi 1.8, the call fails (office-js #3646).
    await page.evaluate(() => {
      const w = window as unknown as { Excel: { createWorkbook: () => Promise<void> } };
      w.Excel.createWorkbook = () => Promise.reject(new Error('GeneralException'));
    });
    await connect(page, system.coordinatorKey);
    await page.waitForSelector('#completeness');
    await page.click('#open-merged');
    await page.waitForSelector('#merged-link');
    // The advice is the download; Excel's own words only as a detail.
    expect(await page.textContent('#notice')).toContain('GeneralException');
    expect(await page.textContent('#notice')).toContain('hãy tải tệp về');
    expect(await page.isVisible('#failure')).toBe(false);
    // The web page too, where a webview ignores the link; the key stays out of the URL.
    expect(await page.getAttribute('#merged-web-page', 'href')).toBe(`${system.baseUrl}/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#merged-link'),
    ]);
    expect(
      readFileSync(await download.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await screenshot(page, SUITE, '14-merged-create-failed');
    await context.close();
  });

  it('works without storage and says the key will not be remembered', async () => {
    const { page, context } = await openPane({ excel: true, storageBlocked: true });
    expect(await page.textContent('#key-not-kept')).toContain('lần sau phải nhập lại');
    await connect(page, system.keyFor(AGENCY));
    expect(await page.isVisible('#key-not-kept')).toBe(true);
    await screenshot(page, SUITE, '15-key-not-kept');
    await page.reload();
    await page.waitForSelector('#key');
    await context.close();
  });
});

describe('outside Excel', () => {
  it('says it is an Excel add-in instead of failing', async () => {
    const { page, context } = await openPane({ excel: false });
    await page.waitForSelector('#outside');
    expect(await page.textContent('#outside')).toContain('bổ trợ');
    await connect(page, system.keyFor(AGENCY));
    expect(await page.isDisabled('#create')).toBe(true);
    expect(await page.isDisabled('#submit')).toBe(true);
    await screenshot(page, SUITE, '13-outside-excel');
    await context.close();
  });
});
