// The add-in's plain TypeScript, without Office or a browser: highlight
// ranges, finding order, idempotency keys, the sheet spec, and the pane's
// controller over a recording host and a scripted API. (The periods it
// lists: tests/node/client-periods.test.ts.)

import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { analyse, idempotencyKey } from '../../addin/src/check.ts';
import { sha256Hex as legacySha256Hex } from '../../addin/src/legacy/sha256.ts';
import { OfficeFailure } from '../../addin/src/office/failure.ts';
import type { Snapshot } from '../../addin/src/office/host.ts';
import { type HostModule, Pane, type PaneState, toBase64 } from '../../addin/src/pane.ts';
import { highlightsFor } from '../../addin/src/sheet/highlights.ts';
import { sheetSpec } from '../../addin/src/sheet/spec.ts';
import type { Api, PeriodItem, Receipt } from '../../client/api.ts';
import { ApiFailure } from '../../client/request.ts';
import { settingsStore } from '../../client/settings.ts';
import { cellOf, inputRules, layoutToGrid } from '../../shared/layout/index.ts';
import { finding } from '../../shared/validate/findings.ts';
import { groupFindings } from '../../shared/validate/group.ts';
import {
  AGENCY,
  layoutFor,
  PERIOD,
  period as periodInfo,
  plan,
  validFill,
} from '../shared/fixtures.ts';
import { NO_REPORT } from './own-report.ts';

describe('highlights and findings', () => {
  const f = (cell: string, severity: 'error' | 'warning') =>
    finding(severity === 'error' ? 'STATUS_INVALID' : 'PERCENT_FRACTION', cell, {
      value: 'x',
      allowed: 'y',
    });

  it('joins neighbouring cells of a column and keeps the worst severity per cell', () => {
    const out = highlightsFor([
      f('F7', 'error'),
      f('F8', 'error'),
      f('F10', 'error'),
      f('G7', 'warning'),
      f('G7', 'error'),
      f('G8', 'warning'),
    ]);
    expect(out).toEqual([
      { range: 'F7:F8', severity: 'error' },
      { range: 'F10', severity: 'error' },
      { range: 'G7', severity: 'error' },
      { range: 'G8', severity: 'warning' },
    ]);
  });

  it('lists errors before warnings, top to bottom', () => {
    const { errors, warnings } = groupFindings([
      f('G9', 'error'),
      f('F12', 'warning'),
      f('H7', 'error'),
      f('F8', 'warning'),
    ]);
    expect(errors.map((x) => x.cell)).toEqual(['H7', 'G9']);
    expect(warnings.map((x) => x.cell)).toEqual(['F8', 'F12']);
  });

  it('gives the same idempotency key for the same content only', async () => {
    const a = await idempotencyKey({ rows: [1, 2] });
    expect(a).toBe(await idempotencyKey({ rows: [1, 2] }));
    expect(a).not.toBe(await idempotencyKey({ rows: [1, 3] }));
    expect(a).toMatch(/^addin-[0-9a-f]{48}$/);
    // SHA-256 of the UTF-8 JSON, as Node's own hash computes it (the pane hashes with crypto.subtle).
    const content = { note: 'Đã triển khai' };
    const node = createHash('sha256').update(JSON.stringify(content), 'utf8').digest('hex');
    expect(await idempotencyKey(content)).toBe(`addin-${node.slice(0, 48)}`);
  });

  it('hashes alike in the ES5 build (@noble/hashes in place of crypto.subtle)', async () => {
    for (const text of ['', 'Đã triển khai', JSON.stringify({ rows: [1, 2] }), 'x'.repeat(1000)]) {
      const node = createHash('sha256').update(text, 'utf8').digest('hex');
      expect(await legacySha256Hex(text)).toBe(node);
    }
  });

  it('encodes bytes as base64 in chunks', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(Buffer.from(toBase64(bytes.buffer), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('sheet spec', () => {
  const layout = layoutFor(AGENCY);
  const spec = sheetSpec(layout);

  it('draws the shared layout and unlocks exactly its fillable cells', () => {
    expect(spec.name).toBe(layout.sheetName);
    expect(spec.values).toEqual(layoutToGrid(layout));
    expect(spec.range).toBe(`A1:K${layout.lastRow}`);
    expect(spec.unlocked).toBe(`F7:K${layout.lastRow}`);
    expect(spec.rules).toEqual(inputRules(layout));
    expect(spec.rules.map((r) => r.type)).toEqual([
      'list',
      'decimal',
      'textLength',
      'textLength',
      'textLength',
      'textLength',
    ]);
  });

  it('is checked as valid once filled in: layout and validator agree', () => {
    const grid = layoutToGrid(layout, validFill);
    const { result } = analyse(
      plan,
      AGENCY,
      PERIOD,
    )({
      sheet: spec.name,
      values: grid,
      formulas: grid,
      numberFormats: [],
      texts: [],
      origin: 'A1',
    });
    expect(result.validation.findings).toEqual([]);
  });
});

// --- the controller --------------------------------------------------------------

const layout = layoutFor(AGENCY);
const filled = layoutToGrid(layout, validFill);
const snapshot = (values: unknown[][]): Snapshot => ({
  sheet: layout.sheetName,
  values,
  formulas: values,
  numberFormats: [],
  texts: [],
  origin: 'A1',
});

/** The one period the scripted API lists: the fixture's, open for two more days. */
const openPeriod: PeriodItem = {
  code: PERIOD,
  year: Number(PERIOD.slice(0, 4)),
  kind: PERIOD.slice(5),
  scheduled: true,
  label: { vi: PERIOD, en: PERIOD },
  cutoff: periodInfo.cutoff,
  due: periodInfo.due,
  deadline: periodInfo.due,
  daysLeft: 2,
  graceDays: 3,
  locked: false,
  lockReason: null,
  own: NO_REPORT,
  reopenings: [],
};

function setup(
  options: {
    values?: unknown[][];
    /** GET …/diff answers only once the promise this gives (if any) is settled. */
    diffGate?: () => Promise<void> | undefined;
    submit?: () => Promise<Receipt>;
    supportsExcelApi18?: boolean;
    recordFails?: boolean;
    /** Excel.createWorkbook rejects with this message (office-js #3646, #2537, #3568). */
    openFails?: string;
    /** Excel.createWorkbook rejects with this (as the Office module words Excel's errors). */
    openFailure?: Error;
    /** "Tạo biểu mẫu" fails with this (as the Office module reports Excel's errors). */
    createFailure?: Error;
    platform?: string;
    opensBrowser?: boolean;
    /** localStorage throws on every use. */
    storageBlocked?: boolean;
    /** The agency's name as the Worker answers it. */
    agencyName?: string;
    /** The active sheet has no metadata cell: the host changed nothing on it. */
    notProgressSheet?: boolean;
    /** GET …/carry-forward's answer (the scripted API has none without it). */
    carry?: {
      from: { period: string; version: number } | null;
      rows: { taskId: string; status: string; percent: number | null; completedProducts: string }[];
    };
  } = {},
) {
  const store = new Map<string, string>();
  const calls = {
    submit: [] as { period: string; key: string }[],
    record: [] as unknown[],
    opened: [] as string[],
    browser: [] as string[],
    merged: 0,
    reportDocx: [] as string[],
    diff: [] as { agency: string; from?: string }[],
  };
  const blocked = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  const receipt: Receipt = {
    id: 'r1',
    agencyCode: AGENCY,
    periodCode: PERIOD,
    version: 1,
    receivedAt: '2026-03-16T01:00:00.000Z',
    submittedBy: 'x',
    contentHash: 'c'.repeat(64),
    warnings: [],
    unchanged: false,
    replayed: false,
  };
  const host: HostModule = {
    createSheet: vi.fn(async () => {
      if (options.createFailure) throw options.createFailure;
      return 'created' as const;
    }),
    checkActiveSheet: (async (
      analyseFn: (s: Snapshot) => { result: unknown; highlights: unknown },
    ) => {
      const s = snapshot(options.values ?? filled);
      return {
        snapshot: s,
        result: analyseFn(s).result,
        ...(options.notProgressSheet ? { notProgressSheet: true } : {}),
      };
    }) as HostModule['checkActiveSheet'],
    selectCell: vi.fn(async () => {}),
    recordReceipt: async (row) => {
      if (options.recordFails) throw new Error('protected');
      calls.record.push(row);
    },
    openWorkbook: async (b64) => {
      if (options.openFailure) throw options.openFailure;
      if (options.openFails) throw new Error(options.openFails);
      calls.opened.push(b64);
    },
    openInBrowser: (url) => void calls.browser.push(url),
    markNotes: vi.fn(async () => true),
    fillSheet: vi.fn(async () => ({ written: true as const })),
  };
  const api = (key: string) =>
    ({
      me: async () => {
        if (key !== 'good')
          throw new ApiFailure('http', 401, 'UNAUTHENTICATED', { vi: 'Thiếu khóa', en: 'No key' });
        return {
          role: 'agency',
          keyPrefix: 'p',
          label: 'l',
          agency: { code: AGENCY, name: options.agencyName ?? 'Phòng Tư pháp', shortName: 'TP' },
        };
      },
      periods: async () => ({
        today: '2026-03-16',
        periods: [openPeriod],
      }),
      submit: async (period: string, _body: unknown, idem: string) => {
        calls.submit.push({ period, key: idem });
        return options.submit ? options.submit() : receipt;
      },
      completeness: async () => ({
        period: { code: PERIOD, due: '', graceDays: 3, deadline: '' },
        totals: {},
        agencies: [],
      }),
      carryForward: async () => {
        if (!options.carry) throw new ApiFailure('network', 0, 'NETWORK', { vi: '', en: '' });
        return options.carry;
      },
      history: async (_period: string, agency: string) => ({
        period: PERIOD,
        agency: { code: agency, name: 'Phòng Tư pháp' },
        versions: [{ version: 2 }, { version: 1 }],
      }),
      diff: async (_period: string, agency: string, q: { from?: string } = {}) => {
        calls.diff.push({ agency, ...q });
        await options.diffGate?.();
        if (q.from === 'previous-period') {
          throw new ApiFailure('http', 404, 'NOT_FOUND', {
            vi: 'Phòng Tư pháp (P-TP) chưa có báo cáo cho kỳ trước',
            en: 'no report for the period before',
          });
        }
        return {
          period: PERIOD,
          agency,
          from: { period: PERIOD, version: 1 },
          to: { period: PERIOD, version: 2 },
          changes: [],
        };
      },
      mergedWorkbook: async () => {
        calls.merged++;
        return { blob: new Blob([new Uint8Array([80, 75, 3, 4])]), name: 'Tong-hop.xlsx' };
      },
      reportDocx: async (period: string) => {
        calls.reportDocx.push(period);
        return { blob: new Blob([new Uint8Array([80, 75, 3, 4])]), name: 'Bao-cao.docx' };
      },
    }) as unknown as Api;
  const states: PaneState[] = [];
  const pane = new Pane({
    host,
    api,
    settings: settingsStore('', () =>
      options.storageBlocked
        ? { getItem: blocked, setItem: blocked, removeItem: blocked }
        : {
            getItem: (k) => store.get(k) ?? null,
            setItem: (k, v) => void store.set(k, v),
            removeItem: (k) => void store.delete(k),
          },
    ),
    render: (s) => states.push(s),
    inExcel: true,
    supportsExcelApi18: options.supportsExcelApi18 ?? true,
    platform: options.platform ?? 'PC',
    opensBrowser: options.opensBrowser ?? false,
    webPageUrl: 'https://bao-cao.example/',
  });
  return { pane, store, calls, states, receipt, host };
}

describe('pane', () => {
  it('starts a sheet from the last accepted report, and the check warns of a step back', async () => {
    const first = layout.tasks[0];
    if (!first) throw new Error('the fixture agency has tasks');
    const carry = {
      from: { period: '2026-Q1', version: 2 },
      rows: [{ taskId: first.taskId, status: 'done', percent: 100, completedProducts: 'Kế hoạch' }],
    };
    const { pane, host } = setup({ carry });
    await pane.connect('good');
    pane.setStartFromLast(true);
    await pane.createSheet();
    const spec = vi.mocked(host.createSheet).mock.calls[0]?.[0];
    expect(spec?.values[3]?.[0]).toContain(
      '\nBắt đầu từ báo cáo kỳ Quý I năm 2026 (2026-Q1), phiên bản 2, đã tiếp nhận',
    );
    const row = spec?.values[first.row - 1];
    expect(row?.slice(5)).toEqual(['Hoàn thành', 100, '', 'Kế hoạch', '', '']);
    expect(pane.state.notice?.word).toBe('createdFrom');
    // The filled sheet has the first task in progress at 40 %: a step back from done.
    await pane.check();
    const regression = pane.state.check?.validation.findings.filter((f) => f.code === 'REGRESSION');
    expect(regression?.map((f) => f.cell)).toEqual([cellOf(first.row, 'status')]);
  });

  it('without an accepted earlier report makes the sheet blank and says so', async () => {
    const { pane, host } = setup({ carry: { from: null, rows: [] } });
    await pane.connect('good');
    pane.setStartFromLast(true);
    await pane.createSheet();
    const spec = vi.mocked(host.createSheet).mock.calls[0]?.[0];
    expect(spec?.values.slice(6)).toEqual(sheetSpec(layout).values.slice(6));
    expect(spec?.values[3]?.[0]).not.toContain('Bắt đầu');
    expect(pane.state.notice?.word).toBe('noCarry');
  });

  it('keeps the key only when the Worker accepts it', async () => {
    const { pane, store } = setup();
    await pane.connect('bad');
    expect(pane.state.failure?.code).toBe('UNAUTHENTICATED');
    expect(pane.state.failure?.retryable).toBe(false);
    expect(store.has('key')).toBe(false);
    await pane.connect('  good ');
    expect(store.get('key')).toBe('good');
    expect(pane.state.me?.agency.code).toBe(AGENCY);
    expect(pane.state.period).toBe(PERIOD);
    pane.signOut();
    expect(store.has('key')).toBe(false);
    expect(pane.state.me).toBeNull();
  });

  it('refuses to send a sheet with errors', async () => {
    const bad = filled.map((r) => [...r]);
    const row = bad[(layout.tasks[0]?.row ?? 7) - 1];
    if (row) row[5] = 'Xong';
    const { pane, calls } = setup({ values: bad });
    await pane.connect('good');
    await pane.submit();
    expect(calls.submit).toEqual([]);
    expect(calls.record).toEqual([]);
    expect(pane.state.check?.beforeSubmit).toBe(true);
    expect(pane.state.check?.validation.errors).toBeGreaterThan(0);
  });

  it('on a sheet that is not a progress sheet says so, lists nothing and sends nothing', async () => {
    const { pane, calls } = setup({ notProgressSheet: true });
    await pane.connect('good');
    await pane.check();
    expect(pane.state.notice?.word).toBe('notProgressSheet');
    expect(pane.state.check).toBeNull();
    await pane.submit();
    expect(calls.submit).toEqual([]);
    expect(pane.state.notice?.word).toBe('notProgressSheet');
  });

  it('sends with a content key, records the receipt in the workbook and shows it', async () => {
    const { pane, calls } = setup();
    await pane.connect('good');
    await pane.submit();
    expect(calls.submit).toHaveLength(1);
    expect(calls.submit[0]?.key).toMatch(/^addin-/);
    expect(calls.record).toEqual([
      [PERIOD, AGENCY, 1, '2026-03-16T01:00:00.000Z', 'c'.repeat(64), layout.sheetName],
    ]);
    expect(pane.state.receipt?.saved).toBe(true);
    expect(pane.state.busy).toBeNull();
  });

  it('retries a failed send with the same key and writes nothing to the sheet meanwhile', async () => {
    let fail = true;
    const { pane, calls, receipt } = setup({
      submit: async () => {
        if (fail) throw new ApiFailure('timeout', 0, 'TIMEOUT', { vi: 'hết giờ', en: 'timeout' });
        return receipt;
      },
    });
    await pane.connect('good');
    await pane.submit();
    expect(pane.state.failure).toMatchObject({
      action: 'submit',
      code: 'TIMEOUT',
      retryable: true,
    });
    expect(calls.record).toEqual([]);
    fail = false;
    await pane.submit();
    expect(calls.submit.map((c) => c.key)).toEqual([calls.submit[0]?.key, calls.submit[0]?.key]);
    expect(pane.state.failure).toBeNull();
    expect(pane.state.receipt?.version).toBe(1);
  });

  it('does not offer a retry for a locked period', async () => {
    const { pane } = setup({
      submit: async () => {
        throw new ApiFailure('http', 409, 'PERIOD_LOCKED', { vi: 'đã khóa', en: 'locked' });
      },
    });
    await pane.connect('good');
    await pane.submit();
    expect(pane.state.failure).toMatchObject({ code: 'PERIOD_LOCKED', retryable: false });
  });

  it('still shows the receipt when the workbook cannot record it', async () => {
    const { pane } = setup({ recordFails: true });
    await pane.connect('good');
    await pane.submit();
    expect(pane.state.receipt?.saved).toBe(false);
    expect(pane.state.failure).toBeNull();
  });

  it('opens the merged workbook in Excel, or offers a download without ExcelApi 1.8', async () => {
    const a = setup();
    await a.pane.connect('good');
    await a.pane.openMerged();
    expect(a.calls.opened).toEqual([Buffer.from([80, 75, 3, 4]).toString('base64')]);
    const b = setup({ supportsExcelApi18: false });
    await b.pane.connect('good');
    await b.pane.openMerged();
    expect(b.calls.opened).toEqual([]);
    expect(b.pane.state.mergedUrl).toMatch(/^blob:/);
    expect(b.pane.state.notice?.word).toBe('mergedNoApi');
  });

  it('offers the written report (.docx) as a download link, never opening it in Excel', async () => {
    const { pane, calls } = setup();
    await pane.connect('good');
    expect(pane.state.reportDocxUrl).toBeNull();
    await pane.fetchReportDocx();
    expect(calls.reportDocx).toEqual([PERIOD]);
    expect(calls.opened).toEqual([]);
    expect(pane.state.failure).toBeNull();
    expect(pane.state.reportDocxUrl).toMatch(/^blob:/);
    pane.signOut();
    expect(pane.state.reportDocxUrl).toBeNull();
  });

  it('creates the sheet for the agency and period chosen', async () => {
    const { pane } = setup({ supportsExcelApi18: false });
    await pane.connect('good');
    await pane.createSheet();
    expect(pane.state.notice).toEqual({ word: 'created', sheet: layout.sheetName });
  });

  it('opens the merged workbook, and offers the download when Excel.createWorkbook fails', async () => {
    const { pane, calls } = setup({ openFails: 'GeneralException' });
    await pane.connect('good');
    await pane.openMerged();
    expect(calls.opened).toEqual([]);
    expect(pane.state.failure).toBeNull();
    expect(pane.state.mergedUrl).toMatch(/^blob:/);
    expect(pane.state.mergedViaWebPage).toBe(true);
    expect(pane.state.notice).toEqual({ word: 'mergedFailed', detail: 'GeneralException' });
  });

  it('an Excel error: the advice in the clerk’s words, Excel’s own text kept as a detail', async () => {
    const { pane } = setup({
      createFailure: new OfficeFailure('readOnly', 'AccessDenied: the workbook is read-only'),
    });
    await pane.connect('good');
    await pane.createSheet();
    expect(pane.state.failure?.text.vi).not.toContain('AccessDenied');
    expect(pane.state.failure?.detail).toBe('AccessDenied: the workbook is read-only');
  });

  it('a failed Excel.createWorkbook: the advice is the download, Excel’s words only a detail', async () => {
    const { pane } = setup({ openFailure: new OfficeFailure('busy', 'GeneralException: boom') });
    await pane.connect('good');
    await pane.openMerged();
    expect(pane.state.notice).toEqual({ word: 'mergedFailed', detail: 'GeneralException: boom' });
    expect(pane.state.mergedUrl).toMatch(/^blob:/);
  });

  it('on Mac offers the web page in the browser, never a blob link (office-js #2700)', async () => {
    const failed = setup({ platform: 'Mac', openFails: 'GeneralException', opensBrowser: true });
    await failed.pane.connect('good');
    await failed.pane.openMerged();
    expect(failed.pane.state.mergedUrl).toBeNull();
    expect(failed.pane.state.mergedViaWebPage).toBe(true);
    expect(failed.pane.state.notice?.word).toBe('mergedFailed');
    expect(failed.pane.openWebPage()).toBe(true);
    expect(failed.calls.browser).toEqual(['https://bao-cao.example/']);
    // Without ExcelApi 1.8 nothing is fetched for nothing; without the browser API the link opens.
    const old = setup({ platform: 'Mac', supportsExcelApi18: false });
    await old.pane.connect('good');
    await old.pane.openMerged();
    expect(old.calls.merged).toBe(0);
    expect(old.pane.state.mergedViaWebPage).toBe(true);
    expect(old.pane.state.notice?.word).toBe('mergedNoApi');
    expect(old.pane.openWebPage()).toBe(false);
    expect(old.calls.browser).toEqual([]);
  });

  it('titles the sheet with the agency’s name as the Worker holds it', async () => {
    const { pane, host } = setup({ agencyName: 'Tên do điều phối viên đặt' });
    await pane.connect('good');
    await pane.createSheet();
    const spec = vi.mocked(host.createSheet).mock.calls[0]?.[0];
    expect(spec?.values.flat()).toContain('Cơ quan báo cáo: Tên do điều phối viên đặt');
    expect(spec?.name).toBe(layout.sheetName);
  });

  it('says the key will not be remembered where storage is blocked, and still connects', async () => {
    const kept = setup();
    expect(kept.pane.state.remembersKey).toBe(true);
    const { pane } = setup({ storageBlocked: true });
    expect(pane.state.remembersKey).toBe(false);
    await pane.connect('good');
    expect(pane.state.me?.agency.code).toBe(AGENCY);
    expect(pane.state.key).toBe('good');
    expect(pane.state.remembersKey).toBe(false);
  });

  it('remembers the language', () => {
    const { pane, store } = setup();
    pane.setLang('en');
    expect(store.get('lang')).toBe('en');
    expect(pane.state.lang).toBe('en');
  });
});

it('has every fill cell of a task row inside the unlocked range', () => {
  const spec = sheetSpec(layout);
  const last = layout.tasks.at(-1);
  expect(spec.unlocked?.endsWith(cellOf(last?.row ?? 0, 'proposals'))).toBe(true);
});

describe('the coordinator’s reading of a report', () => {
  it('compares with the returned version by default, or with the previous period on asking', async () => {
    const { pane, calls } = setup();
    await pane.connect('good');
    await pane.openReport('P-TP');
    expect(pane.state.report?.against).toBe('returned');
    expect(calls.diff).toEqual([{ agency: 'P-TP' }]);
    // No earlier report: the failure says so, the report stays open as it was.
    await pane.compareReport('previous-period');
    expect(calls.diff.at(-1)).toEqual({ agency: 'P-TP', from: 'previous-period' });
    expect(pane.state.failure?.code).toBe('NOT_FOUND');
    expect(pane.state.report?.against).toBe('returned');
    await pane.compareReport('returned');
    expect(pane.state.failure).toBeNull();
    expect(pane.state.report?.diff?.to.version).toBe(2);
  });

  it('a report or comparison answered after the report was closed does not open it again', async () => {
    let held: Promise<void> | undefined;
    const { pane } = setup({ diffGate: () => held });
    await pane.connect('good');
    await pane.openReport('P-TP');
    expect(pane.state.report?.agency).toBe('P-TP');
    let release = () => {};
    held = new Promise<void>((r) => {
      release = r;
    });
    const comparing = pane.compareReport('returned');
    pane.closeReport();
    release();
    await comparing;
    expect(pane.state.report).toBeNull();
    // The same while the report itself is on its way.
    held = new Promise<void>((r) => {
      release = r;
    });
    const opening = pane.openReport('P-TP');
    pane.closeReport();
    release();
    await opening;
    expect(pane.state.report).toBeNull();
  });
});
