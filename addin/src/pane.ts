// The task pane's state and actions. It talks to Excel only through the
// Office module (passed in, so the browser test can run it over a stand-in)
// and to the Worker only through client/api.ts. The view re-draws from this state.

import {
  type Api,
  type Completeness,
  type Diff,
  type History,
  type Me,
  type PeriodItem,
  type Receipt,
  submissionOf,
} from '../../client/api.ts';
import { type Failure as ClientFailure, failureOf, refusal } from '../../client/failure.ts';
import { type Lang, langFrom } from '../../client/i18n.ts';
import { currentPeriod } from '../../client/periods.ts';
import type { SettingsStore } from '../../client/settings.ts';
import { buildLayout, type SheetLayout } from '../../shared/layout/sheet.ts';
import { startedFromNote, withTitleNote } from '../../shared/layout/started-from.ts';
import { lySon58 } from '../../shared/plan/ly-son-58.ts';
import { rowCells, submissionFill } from '../../shared/submission/to-grid.ts';
import type { PreviousReport } from '../../shared/validate/index.ts';
import { analyse, type CheckOutcome, idempotencyKey } from './check.ts';
import { OfficeFailure } from './office/failure.ts';
import type * as Host from './office/host.ts';
import { fillBlock } from './sheet/fill.ts';
import { noteRanges, type PlacedNote, placeNotes } from './sheet/notes.ts';
import { sheetSpec } from './sheet/spec.ts';
import { both, t } from './words.ts';

export type Action =
  | 'connect'
  | 'create'
  | 'check'
  | 'submit'
  | 'completeness'
  | 'merged'
  | 'loadLast'
  | 'report'
  | 'reportDocx';
export type Busy = Action | null;

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
      | 'notProgressSheet'
      | 'createdFrom'
      | 'noCarry'
      | 'loaded'
      | 'nothingSent';
    sheet?: string;
    /** The period a sheet started from, or the version loaded. */
    from?: string;
    /** Excel's own message, when Excel.createWorkbook failed. */
    detail?: string;
  } | null;
  check: (CheckOutcome & { highlightFailed: boolean; beforeSubmit: boolean }) | null;
  receipt: (Receipt & { saved: boolean; sheet: string }) | null;
  completeness: Completeness | null;
  /** Object URL of the merged workbook when Excel cannot open it itself. */
  mergedUrl: string | null;
  /** Object URL of the written report (.docx), offered as a link: Excel does not open Word documents. */
  reportDocxUrl: string | null;
  /**
   * True when the web page is offered for the merged workbook: inside Excel
   * whenever Excel did not open it — alone on Mac, whose webview ignores blob
   * download links (office-js #2700), beside the download link elsewhere (a
   * webview may ignore the link's `download`, as Trident does).
   */
  mergedViaWebPage: boolean;
  /**
   * The coordinator's notes on the agency's latest version when it was
   * returned, placed on its sheet; `marked` once their cells are marked there.
   */
  notes: { version: number; sheet: string; placed: PlacedNote[]; marked: boolean } | null;
  /** "Nạp báo cáo đã gửi" stopped before overwriting `typed` cells: the pane asks first. */
  confirm: { version: number; typed: number } | null;
  /** "Tạo biểu mẫu" starts from the agency's last accepted report (GET …/carry-forward). */
  startFromLast: boolean;
  /** The coordinator's reading of one agency's report: its versions, reviews and last changes. */
  report: {
    agency: string;
    history: History;
    diff: Diff | null;
    /** What the diff compares with: the version last returned, or the previous period's report. */
    against: 'returned' | 'previous-period';
  } | null;
}

export type HostModule = Pick<
  typeof Host,
  | 'createSheet'
  | 'checkActiveSheet'
  | 'selectCell'
  | 'recordReceipt'
  | 'openWorkbook'
  | 'openInBrowser'
  | 'markNotes'
  | 'fillSheet'
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
      reportDocxUrl: null,
      mergedViaWebPage: false,
      notes: null,
      confirm: null,
      startFromLast: false,
      report: null,
    };
  }

  /** Earlier report per period for the check's REGRESSION warnings (undefined: none). */
  private previous = new Map<string, PreviousReport | undefined>();

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
    await this.loadNotes();
  }

  signOut(): void {
    this.deps.settings.set('key', null);
    if (this.state.mergedUrl) URL.revokeObjectURL(this.state.mergedUrl);
    if (this.state.reportDocxUrl) URL.revokeObjectURL(this.state.reportDocxUrl);
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
      reportDocxUrl: null,
      mergedViaWebPage: false,
      notes: null,
      confirm: null,
      report: null,
    });
    this.previous.clear();
  }

  async choosePeriod(code: string): Promise<void> {
    this.set({
      period: code,
      check: null,
      receipt: null,
      notice: null,
      failure: null,
      notes: null,
      confirm: null,
      report: null,
    });
    if (this.state.me?.role === 'coordinator')
      await this.act('completeness', () => this.fetchCompleteness());
    await this.loadNotes();
  }

  get currentPeriod(): PeriodItem | undefined {
    return this.state.periods.find((p) => p.code === this.state.period);
  }

  /** The layout of the connected agency's sheet for the chosen period (the title names it as the Worker does). */
  private layout(): SheetLayout | null {
    const { me } = this.state;
    const period = this.currentPeriod;
    if (!me || !period) return null;
    return buildLayout(
      plan,
      me.agency.code,
      { code: period.code, label: period.label, cutoff: period.cutoff, due: period.due },
      { agencyName: me.agency.name },
    );
  }

  setStartFromLast(on: boolean): void {
    this.set({ startFromLast: on });
  }

  /**
   * "Tạo biểu mẫu": the sheet from the layout, blank or — with
   * `startFromLast` — prefilled from the agency's last accepted earlier
   * report (status, percent, completed products) with a title line naming
   * it, as the Worker's template.xlsx?start=last-accepted. An existing sheet
   * is activated, never overwritten.
   */
  async createSheet(): Promise<void> {
    await this.act('create', async () => {
      const { me, period } = this.state;
      let layout = this.layout();
      if (!me || !period || !layout) return;
      let fill: Parameters<typeof sheetSpec>[1];
      let from: string | undefined;
      let startedFrom = false;
      if (this.state.startFromLast) {
        const carried = await this.api().carryForward(period, me.agency.code);
        if (carried.from) {
          layout = withTitleNote(layout, startedFromNote(carried.from));
          const byTask = new Map(carried.rows.map((r) => [r.taskId, r]));
          fill = (task) => {
            const r = byTask.get(task.taskId);
            return r ? rowCells(r) : {};
          };
          from = `${carried.from.period} (${t(this.state.lang, 'version').toLowerCase()} ${carried.from.version})`;
          startedFrom = true;
        }
      }
      const outcome = await this.deps.host.createSheet(sheetSpec(layout, fill), {
        validation: this.state.supportsExcelApi18,
      });
      const word =
        outcome === 'activated'
          ? outcome
          : startedFrom
            ? 'createdFrom'
            : this.state.startFromLast
              ? 'noCarry'
              : 'created';
      this.set({ notice: { word, sheet: layout.sheetName, from }, check: null });
      await this.markNoteCells();
    });
  }

  /**
   * The coordinator's notes on the agency's latest version, when it was
   * returned with some (GET …/submissions/{agency}): listed, and their cells
   * marked on the sheet if it is there. A failure to fetch them leaves the
   * pane as it was: the returned comment is shown from the period list.
   */
  private async loadNotes(): Promise<void> {
    const { me, period } = this.state;
    const own = this.currentPeriod?.own;
    const layout = this.layout();
    if (!me || !period || !layout || own?.reviewState !== 'returned') return;
    try {
      const history = await this.api().history(period, me.agency.code);
      const latest = history.versions[0];
      const placed = latest ? placeNotes(layout, latest.notes) : [];
      if (!latest || !placed.length) return;
      this.set({
        notes: { version: latest.version, sheet: layout.sheetName, placed, marked: false },
      });
      await this.markNoteCells();
    } catch {
      // The period card still shows the returned comment.
    }
  }

  /** Marks the notes' cells on their sheet (when it exists); a failure leaves them unmarked. */
  private async markNoteCells(): Promise<void> {
    const notes = this.state.notes;
    if (!notes || !this.state.inExcel || !this.state.supportsRequiredApi) return;
    try {
      const marked = await this.deps.host.markNotes(notes.sheet, noteRanges(notes.placed));
      this.set({ notes: { ...notes, marked } });
    } catch {
      this.set({ notes: { ...notes, marked: false } });
    }
  }

  /**
   * "Nạp báo cáo đã gửi": the agency's last version sent for the chosen
   * period written into the fillable cells of its sheet (made first if
   * missing). When cells already hold something else, nothing is written
   * and the pane asks (`confirm`); `overwrite` is the clerk's yes.
   */
  async loadLast(overwrite = false): Promise<void> {
    await this.act('loadLast', async () => {
      const { me, period } = this.state;
      const layout = this.layout();
      if (!me || !period || !layout) return;
      this.set({ confirm: null });
      const history = await this.api().history(period, me.agency.code);
      const latest = history.versions[0];
      if (!latest) {
        this.set({ notice: { word: 'nothingSent' } });
        return;
      }
      const submission = submissionOf(latest);
      const block = fillBlock(layout, submissionFill(submission));
      if (!block) return;
      await this.deps.host.createSheet(sheetSpec(layout), {
        validation: this.state.supportsExcelApi18,
      });
      const out = await this.deps.host.fillSheet(layout.sheetName, block.range, block.values, {
        overwrite,
      });
      if (!out.written) {
        this.set({ confirm: { version: latest.version, typed: out.typed }, notice: null });
        return;
      }
      this.set({
        notice: { word: 'loaded', sheet: layout.sheetName, from: String(latest.version) },
        check: null,
      });
      await this.markNoteCells();
    });
  }

  /** The clerk's answer to "overwrite what is typed?". */
  async confirmLoad(yes: boolean): Promise<void> {
    if (!yes) {
      this.set({ confirm: null });
      return;
    }
    await this.loadLast(true);
  }

  /**
   * The agency's last accepted earlier report for `period`, for the check's
   * REGRESSION warnings; fetched once per period. Unreachable: no comparison
   * (the check itself needs no network).
   */
  private async previousFor(agency: string, period: string): Promise<PreviousReport | undefined> {
    if (this.previous.has(period)) return this.previous.get(period);
    try {
      const carried = await this.api().carryForward(period, agency);
      const previous = carried.from
        ? { period: carried.from.period, rows: carried.rows }
        : undefined;
      this.previous.set(period, previous);
      return previous;
    } catch {
      return undefined;
    }
  }

  /** Reads and checks the active sheet; highlights its mistakes. */
  private async runCheck(beforeSubmit: boolean): Promise<CheckOutcome | null> {
    const { me, period } = this.state;
    if (!me || !period) return null;
    const previous = await this.previousFor(me.agency.code, period);
    const out = await this.deps.host.checkActiveSheet(
      analyse(plan, me.agency.code, period, previous),
    );
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
      await this.clearNotes();
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

  /** A new version was sent: the notes were about the one before, so their marks go. */
  private async clearNotes(): Promise<void> {
    const notes = this.state.notes;
    if (!notes) return;
    this.set({ notes: null });
    try {
      await this.deps.host.markNotes(notes.sheet, []);
    } catch {
      // The marks stay until the next send; the receipt is what matters.
    }
  }

  /**
   * The coordinator opens one agency's report for the chosen period: its
   * versions (receipts and reviews) and, when there is an earlier one, the
   * cells changed since the version last returned (else the one before).
   */
  async openReport(agency: string): Promise<void> {
    this.reportAgency = agency;
    const asked = ++this.reportAsked;
    await this.act('report', async () => {
      const { period } = this.state;
      if (!period) return;
      const history = await this.api().history(period, agency);
      const diff = history.versions.length > 1 ? await this.api().diff(period, agency) : null;
      // Closed, or another report asked for, while this one was on its way.
      if (asked !== this.reportAsked) return;
      this.set({ report: { agency, history, diff, against: 'returned' } });
    });
  }

  /**
   * Compares the open report with the version last returned (the default) or
   * with the agency's report of the previous period (GET …/diff?from=previous-period;
   * a 404 there, no earlier report, is shown like any failure).
   */
  async compareReport(against: 'returned' | 'previous-period'): Promise<void> {
    const report = this.state.report;
    const { period } = this.state;
    if (!report || !period) return;
    const asked = ++this.reportAsked;
    await this.act('report', async () => {
      const diff =
        against === 'previous-period'
          ? await this.api().diff(period, report.agency, { from: 'previous-period' })
          : report.history.versions.length > 1
            ? await this.api().diff(period, report.agency)
            : null;
      // Closed (or another comparison asked for) while this answer was on
      // its way: a late answer must not open the report again.
      if (asked !== this.reportAsked) return;
      this.set({ report: { ...report, diff, against } });
    });
  }

  /** The last report asked for, for the retry button. */
  private reportAgency: string | null = null;
  /** Counts report requests and closings: only the latest request's answer is shown. */
  private reportAsked = 0;

  async retryReport(): Promise<void> {
    if (this.reportAgency) await this.openReport(this.reportAgency);
  }

  closeReport(): void {
    this.reportAsked++;
    this.set({ report: null });
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
   * The written report of the period (.docx), fetched and offered as a
   * download link (Excel opens no Word document); on Mac, whose webview
   * ignores blob links (office-js #2700), the web page instead.
   */
  async fetchReportDocx(): Promise<void> {
    await this.act('reportDocx', async () => {
      if (!this.state.period) return;
      if (this.deps.platform === 'Mac') {
        this.set({ mergedViaWebPage: true });
        return;
      }
      const file = await this.api().reportDocx(this.state.period);
      if (this.state.reportDocxUrl) URL.revokeObjectURL(this.state.reportDocxUrl);
      this.set({ reportDocxUrl: URL.createObjectURL(file.blob) });
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
