// The task pane's state and actions. It talks to Excel only through the
// Office module (passed in, so the browser test can run it over a stand-in)
// and to the Worker only through client/api.ts. The view re-draws from this state.

import type { Api, Completeness, Me, PeriodItem, Receipt } from '../../client/api.ts';
import { type Failure as ClientFailure, failureOf, refusal } from '../../client/failure.ts';
import { type Lang, langFrom } from '../../client/i18n.ts';
import { currentPeriod } from '../../client/periods.ts';
import type { SettingsStore } from '../../client/settings.ts';
import { buildLayout } from '../../shared/layout/sheet.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import { analyse, type CheckOutcome, idempotencyKey } from './check.ts';
import { OfficeFailure } from './office/failure.ts';
import type * as Host from './office/host.ts';
import { sheetSpec } from './sheet/spec.ts';
import { both } from './words.ts';

export type Busy = 'connect' | 'create' | 'check' | 'submit' | 'completeness' | 'merged' | null;
export type Action = 'connect' | 'create' | 'check' | 'submit' | 'completeness' | 'merged';

/** A failed action, with which one it was (the retry button runs it again). */
export interface Failure extends ClientFailure {
  action: Action;
}

export interface PaneState {
  lang: Lang;
  inExcel: boolean;
  /** ExcelApi 1.7 is there: without it the pane cannot build or check a sheet (it says so). */
  supportsRequiredApi: boolean;
  /** The host has ExcelApi 1.8: data validation lists and Excel.createWorkbook. */
  supportsExcelApi18: boolean;
  key: string | null;
  /** False where this computer's storage is blocked: the key lasts for this session only. */
  remembersKey: boolean;
  me: Me | null;
  periods: PeriodItem[];
  period: string | null;
  busy: Busy;
  failure: Failure | null;
  /** A one-line outcome of the last action (sheet created, workbook opened…). */
  notice: {
    word:
      | 'created'
      | 'activated'
      | 'mergedOpened'
      | 'mergedNoApi'
      | 'mergedFailed'
      | 'notProgressSheet';
    sheet?: string;
    /** Excel's own message, when Excel.createWorkbook failed. */
    detail?: string;
  } | null;
  check: (CheckOutcome & { highlightFailed: boolean; beforeSubmit: boolean }) | null;
  receipt: (Receipt & { saved: boolean; sheet: string }) | null;
  completeness: Completeness | null;
  /** Object URL of the merged workbook when Excel cannot open it itself. */
  mergedUrl: string | null;
  /**
   * True when the web page is offered for the merged workbook: inside Excel
   * whenever Excel did not open it — alone on Mac, whose webview ignores blob
   * download links (office-js #2700), beside the download link elsewhere (a
   * webview may ignore the link's `download`, as Trident does).
   */
  mergedViaWebPage: boolean;
}

export type HostModule = Pick<
  typeof Host,
  | 'createSheet'
  | 'checkActiveSheet'
  | 'selectCell'
  | 'recordReceipt'
  | 'openWorkbook'
  | 'openInBrowser'
>;

export interface PaneDeps {
  host: HostModule;
  api: (key: string) => Api;
  /** The key and the language, kept on this computer. */
  settings: SettingsStore;
  /** Called after every state change. */
  render: (state: PaneState) => void;
  inExcel: boolean;
  /** The host has ExcelApi 1.7, the manifest's minimum (default true). */
  supportsRequiredApi?: boolean;
  supportsExcelApi18: boolean;
  /** Office.context.platform ("PC", "Mac", "OfficeOnline"…), null outside Office. */
  platform: string | null;
  /** The host has OpenBrowserWindowApi 1.1 (host.openInBrowser works). */
  opensBrowser: boolean;
  /** The web page's address (the Worker's `/`), where the coordinator downloads after signing in. */
  webPageUrl: string;
}

const plan = lySon58;

export class Pane {
  state: PaneState;
  private deps: PaneDeps;

  constructor(deps: PaneDeps) {
    this.deps = deps;
    this.state = {
      lang: langFrom(deps.settings.get('lang')),
      inExcel: deps.inExcel,
      supportsRequiredApi: deps.supportsRequiredApi ?? true,
      supportsExcelApi18: deps.supportsExcelApi18,
      key: deps.settings.get('key'),
      remembersKey: deps.settings.persistent(),
      me: null,
      periods: [],
      period: null,
      busy: null,
      failure: null,
      notice: null,
      check: null,
      receipt: null,
      completeness: null,
      mergedUrl: null,
      mergedViaWebPage: false,
    };
  }

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    this.deps.render(this.state);
  }

  private api(): Api {
    if (!this.state.key) throw new Error('not connected');
    return this.deps.api(this.state.key);
  }

  /** Runs an action with its progress shown and its failure explained. */
  private async act(action: Action, work: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: action, failure: null });
    try {
      await work();
    } catch (e) {
      this.set({ failure: paneFailure(action, e) });
    } finally {
      this.set({ busy: null });
    }
  }

  setLang(lang: Lang): void {
    this.deps.settings.set('lang', lang);
    this.set({ lang });
  }

  async start(): Promise<void> {
    this.deps.render(this.state);
    if (this.state.key) await this.connect(this.state.key);
  }

  async connect(key: string): Promise<void> {
    const trimmed = key.trim();
    if (!trimmed) {
      this.set({ failure: { action: 'connect', ...refusal('KEY_EMPTY', both('keyEmpty')) } });
      return;
    }
    await this.act('connect', async () => {
      const api = this.deps.api(trimmed);
      const [me, list] = await Promise.all([api.me(), api.periods()]);
      this.deps.settings.set('key', trimmed);
      const periods: PeriodItem[] = list.periods;
      const open = currentPeriod({ periods, current: list.current });
      this.set({
        key: trimmed,
        remembersKey: this.deps.settings.persistent(),
        me,
        periods,
        period: open?.code ?? null,
      });
      if (me.role === 'coordinator' && open) await this.loadCompleteness();
    });
  }

  signOut(): void {
    this.deps.settings.set('key', null);
    if (this.state.mergedUrl) URL.revokeObjectURL(this.state.mergedUrl);
    this.set({
      key: null,
      me: null,
      periods: [],
      period: null,
      check: null,
      receipt: null,
      completeness: null,
      failure: null,
      notice: null,
      mergedUrl: null,
      mergedViaWebPage: false,
    });
  }

  async choosePeriod(code: string): Promise<void> {
    this.set({ period: code, check: null, receipt: null, notice: null, failure: null });
    if (this.state.me?.role === 'coordinator')
      await this.act('completeness', () => this.fetchCompleteness());
  }

  get currentPeriod(): PeriodItem | undefined {
    return this.state.periods.find((p) => p.code === this.state.period);
  }

  async createSheet(): Promise<void> {
    await this.act('create', async () => {
      const { me } = this.state;
      const period = this.currentPeriod;
      if (!me || !period) return;
      // The title names the agency as the Worker holds it (the coordinator may have renamed it).
      const layout = buildLayout(
        plan,
        me.agency.code,
        { code: period.code, label: period.label, cutoff: period.cutoff, due: period.due },
        { agencyName: me.agency.name },
      );
      const outcome = await this.deps.host.createSheet(sheetSpec(layout), {
        validation: this.state.supportsExcelApi18,
      });
      this.set({ notice: { word: outcome, sheet: layout.sheetName }, check: null });
    });
  }

  /** Reads and checks the active sheet; highlights its mistakes. */
  private async runCheck(beforeSubmit: boolean): Promise<CheckOutcome | null> {
    const { me, period } = this.state;
    if (!me || !period) return null;
    const out = await this.deps.host.checkActiveSheet(analyse(plan, me.agency.code, period));
    if (out.notProgressSheet) {
      // Nothing on that sheet was touched: say so, list no findings, send nothing.
      this.set({ notice: { word: 'notProgressSheet' }, check: null, receipt: null });
      return null;
    }
    this.set({
      check: { ...out.result, highlightFailed: out.highlightError !== undefined, beforeSubmit },
      notice: null,
      receipt: null,
    });
    return out.result;
  }

  async check(): Promise<void> {
    await this.act('check', async () => {
      await this.runCheck(false);
    });
  }

  /**
   * Checks, then sends with an Idempotency-Key derived from the content: a
   * retry after a timeout sends the same key and gets the first receipt.
   * The sheet is written only after the Worker's receipt (the receipts sheet).
   */
  async submit(): Promise<void> {
    await this.act('submit', async () => {
      const checked = await this.runCheck(true);
      const submission = checked?.validation.submission;
      if (!checked || !submission) return;
      const key = await idempotencyKey(submission);
      const receipt = await this.api().submit(submission.periodCode, submission, key);
      let saved = true;
      try {
        await this.deps.host.recordReceipt([
          receipt.periodCode,
          receipt.agencyCode,
          receipt.version,
          receipt.receivedAt,
          receipt.contentHash,
          checked.sheet,
        ]);
      } catch {
        saved = false;
      }
      this.set({ receipt: { ...receipt, saved, sheet: checked.sheet }, check: null });
      await this.refreshPeriods();
    });
  }

  async goTo(sheet: string, cell: string): Promise<void> {
    try {
      await this.deps.host.selectCell(sheet, cell);
    } catch {
      // The sheet may have been renamed or deleted since the check: nothing to select.
    }
  }

  private async refreshPeriods(): Promise<void> {
    try {
      const list = await this.api().periods();
      this.set({ periods: list.periods });
    } catch {
      // The receipt is what matters; the period list refreshes on the next connect.
    }
  }

  private async fetchCompleteness(): Promise<void> {
    if (!this.state.period) return;
    const completeness = await this.api().completeness(this.state.period);
    this.set({ completeness });
  }

  async loadCompleteness(): Promise<void> {
    if (this.state.busy) return this.fetchCompleteness();
    await this.act('completeness', () => this.fetchCompleteness());
  }

  /**
   * The merged workbook: opened in Excel where Excel.createWorkbook exists and
   * works; otherwise, or when it fails (open failures on Excel on the web and
   * Mac: office-js #3646, #2537, #3568), offered another way — a download link
   * to the fetched file and, inside Excel, the web page in the browser (it has
   * its own sign-in: the key never goes into a URL); on Mac, where the webview
   * ignores blob links (office-js #2700), the web page only.
   */
  async openMerged(): Promise<void> {
    await this.act('merged', async () => {
      if (!this.state.period) return;
      const mac = this.deps.platform === 'Mac';
      const canOpen = this.state.inExcel && this.state.supportsExcelApi18;
      if (mac && !canOpen) {
        this.set({ mergedViaWebPage: true, notice: { word: 'mergedNoApi' } });
        return;
      }
      const file = await this.api().mergedWorkbook(this.state.period);
      let detail: string | undefined;
      if (canOpen) {
        try {
          await this.deps.host.openWorkbook(toBase64(await file.blob.arrayBuffer()));
          this.set({ notice: { word: 'mergedOpened' }, mergedViaWebPage: false });
          return;
        } catch (e) {
          // The notice's advice is the download; Excel's own words are only a detail.
          detail =
            e instanceof OfficeFailure ? e.detail : e instanceof Error ? e.message : String(e);
        }
      }
      const notice: PaneState['notice'] =
        detail !== undefined
          ? { word: 'mergedFailed', detail }
          : this.state.inExcel
            ? { word: 'mergedNoApi' }
            : null;
      if (mac) {
        this.set({ mergedViaWebPage: true, notice });
        return;
      }
      if (this.state.mergedUrl) URL.revokeObjectURL(this.state.mergedUrl);
      // The Worker's answer carries the .xlsx media type, so the blob does too.
      this.set({
        mergedUrl: URL.createObjectURL(file.blob),
        mergedViaWebPage: this.state.inExcel,
        notice,
      });
    });
  }

  /**
   * Opens the web page in the computer's browser where the host can
   * (OpenBrowserWindowApi 1.1); answers false when it cannot, for the
   * link's own navigation to go ahead.
   */
  openWebPage(): boolean {
    if (!this.deps.opensBrowser) return false;
    try {
      this.deps.host.openInBrowser(this.deps.webPageUrl);
      return true;
    } catch {
      return false;
    }
  }

  get webPageUrl(): string {
    return this.deps.webPageUrl;
  }
}

/** An action's failure: the API's, or Excel's own error in the pane's words. */
function paneFailure(action: Action, e: unknown): Failure {
  if (e instanceof OfficeFailure) {
    // Excel's error already in the clerk's words (office/failure.ts).
    return {
      action,
      code: 'EXCEL',
      text: e.text,
      findings: [],
      sheet: null,
      retryable: e.retryable,
      detail: e.detail,
    };
  }
  return {
    action,
    ...failureOf(e, { code: 'EXCEL', text: (d) => both('excelError', { d }) }),
  };
}

/** .xlsx bytes as base64 for Excel.createWorkbook, in chunks (no call-stack limits). */
export function toBase64(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) {
    s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  }
  return btoa(s);
}
