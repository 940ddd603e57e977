// The page's state and actions. Views re-draw from the state after every
// change; every network action shows its progress (busy) and explains its
// failure in the section where it happened.
import type {
  AgencyItem,
  Api,
  Completeness,
  History,
  KeyItem,
  Me,
  NewKey,
  PeriodItem,
  PeriodPatch,
  UploadResult,
} from '../../client/api.ts';
import { type Failure as ClientFailure, failureOf, refusal } from '../../client/failure.ts';
import { type Lang, langFrom, type Params } from '../../client/i18n.ts';
import { ApiFailure } from '../../client/request.ts';
import type { SettingsStore } from '../../client/settings.ts';
import { pickOpenPeriod } from '../../shared/periods/pick-open.ts';
import type { Bilingual } from '../../shared/text/bilingual.ts';
import { both, type WordKey } from './words.ts';

/** Where a failure or notice is shown. */
export type Section =
  | 'signin'
  | 'top'
  | 'completeness'
  | 'settings'
  | 'downloads'
  | 'keys'
  | 'upload';

/** A failed action, shown in the section where it happened. */
export interface Failure extends ClientFailure {
  section: Section;
}

export interface Notice {
  section: Section;
  text: Bilingual;
}

export interface Saved {
  url: string;
  name: string;
}

export interface State {
  lang: Lang;
  key: string | null;
  me: Me | null;
  today: string | null;
  periods: PeriodItem[];
  period: string | null;
  /** Agency view: the year whose periods are listed. */
  year: number | null;
  /** Actions waiting on the network, e.g. "signin", "review:P-TP". */
  busy: string[];
  failure: Failure | null;
  notice: Notice | null;
  completeness: Completeness | null;
  agencies: AgencyItem[];
  keys: KeyItem[] | null;
  newKey: NewKey | null;
  /** The agency whose "return for correction" form is open. */
  returning: string | null;
  /** The key prefix waiting for a second click to revoke. */
  confirmRevoke: string | null;
  /** Text typed into the forms, by input id (kept across re-draws). */
  drafts: Record<string, string>;
  history: History | null;
  /** The chosen file and the Idempotency-Key made for it. */
  upload: { file: File; idempotencyKey: string } | null;
  uploadOutcome: UploadResult | null;
  /** Object URLs of downloaded files, by what they are ("merged", "template:P-TP"). */
  saved: Record<string, Saved>;
  copied: boolean;
}

export interface AppDeps {
  api: (key: string) => Api;
  /** The key and the language, kept on this computer. */
  settings: SettingsStore;
  render: (state: State) => void;
  /** Starts the browser's download of a saved file. */
  save: (saved: Saved) => void;
  copy: (text: string) => Promise<void>;
  newId: () => string;
}

/** Everything a session holds besides the key, language and running actions: empty. */
function signedOut(): Omit<State, 'lang' | 'key' | 'busy'> {
  return {
    me: null,
    today: null,
    periods: [],
    period: null,
    year: null,
    failure: null,
    notice: null,
    completeness: null,
    agencies: [],
    keys: null,
    newKey: null,
    returning: null,
    confirmRevoke: null,
    drafts: {},
    history: null,
    upload: null,
    uploadOutcome: null,
    saved: {},
    copied: false,
  };
}

export class App {
  state: State;
  private deps: AppDeps;

  constructor(deps: AppDeps) {
    this.deps = deps;
    this.state = {
      lang: langFrom(deps.settings.get('lang')),
      key: deps.settings.get('key'),
      busy: [],
      ...signedOut(),
    };
  }

  private set(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    this.deps.render(this.state);
  }

  isBusy(action: string): boolean {
    return this.state.busy.includes(action);
  }

  private api(): Api {
    if (!this.state.key) throw new Error('not signed in');
    return this.deps.api(this.state.key);
  }

  /** Runs one network action: progress shown, a second click ignored, failure explained. */
  private async act(action: string, section: Section, work: () => Promise<void>): Promise<void> {
    if (this.isBusy(action)) return;
    this.set({ busy: [...this.state.busy, action], failure: null, notice: null, copied: false });
    try {
      await work();
    } catch (e) {
      const failure = failureOf(e, {
        code: 'CLIENT',
        text: (d) => both('pageError', { d }),
      });
      this.set({ failure: { section, ...failure } });
    } finally {
      this.set({ busy: this.state.busy.filter((b) => b !== action) });
    }
  }

  private notice(section: Section, key: WordKey, params: Params = {}): void {
    this.set({ notice: { section, text: both(key, params) } });
  }

  draft(id: string): string {
    return this.state.drafts[id] ?? '';
  }

  /** Typing does not re-draw: the value is kept for the next draw. */
  setDraft(id: string, value: string): void {
    this.state.drafts[id] = value;
  }

  private clearDrafts(...ids: string[]): void {
    const drafts = { ...this.state.drafts };
    for (const id of ids) delete drafts[id];
    this.state = { ...this.state, drafts };
  }

  setLang(lang: Lang): void {
    this.deps.settings.set('lang', lang);
    this.set({ lang });
  }

  async start(): Promise<void> {
    this.deps.render(this.state);
    if (this.state.key) await this.signIn(this.state.key, true);
  }

  async signIn(key: string, stored = false): Promise<void> {
    const trimmed = key.trim();
    if (!trimmed) {
      this.set({ failure: localFailure('signin', 'KEY_EMPTY', 'keyEmpty') });
      return;
    }
    await this.act('signin', 'signin', async () => {
      const api = this.deps.api(trimmed);
      let me: Me;
      let list: Awaited<ReturnType<Api['periods']>>;
      try {
        [me, list] = await Promise.all([api.me(), api.periods()]);
      } catch (e) {
        // A stored key that is no longer valid is forgotten; a network failure keeps it.
        if (stored && e instanceof ApiFailure && e.status === 401) {
          this.deps.settings.set('key', null);
          this.set({ key: null });
        }
        throw e;
      }
      this.deps.settings.set('key', trimmed);
      const periods: PeriodItem[] = list.periods;
      const open = pickOpenPeriod(periods);
      this.clearDrafts('key');
      this.set({
        key: trimmed,
        me,
        today: list.today,
        periods,
        period: open?.code ?? null,
        year: open?.year ?? null,
      });
      await this.loadPeriodData();
      if (me.role === 'coordinator') {
        try {
          this.set({ agencies: (await api.agencies()).agencies });
        } catch {
          // Only the key form's agency list needs it; the completeness rows name agencies too.
        }
      }
    });
  }

  signOut(): void {
    this.deps.settings.set('key', null);
    for (const s of Object.values(this.state.saved)) URL.revokeObjectURL(s.url);
    this.set({ key: null, ...signedOut() });
  }

  get currentPeriod(): PeriodItem | undefined {
    return this.state.periods.find((p) => p.code === this.state.period);
  }

  async choosePeriod(code: string): Promise<void> {
    const period = this.state.periods.find((p) => p.code === code);
    if (!period) return;
    this.set({
      period: code,
      year: period.year,
      completeness: null,
      history: null,
      returning: null,
      uploadOutcome: null,
      failure: null,
      notice: null,
    });
    await this.act('period', 'top', () => this.loadPeriodData());
  }

  chooseYear(year: number): void {
    this.set({ year });
  }

  /** The completeness (coordinator) or the agency's own history for the chosen period. */
  private async loadPeriodData(): Promise<void> {
    const { me, period } = this.state;
    if (!me || !period) return;
    if (me.role === 'coordinator') {
      const completeness = await this.api().completeness(period);
      if (this.state.period === period) this.set({ completeness });
    } else {
      const history = await this.api().history(period, me.agency.code);
      if (this.state.period === period) this.set({ history });
    }
  }

  private async refreshPeriods(): Promise<void> {
    const list = await this.api().periods();
    this.set({ periods: list.periods, today: list.today });
  }

  async refresh(): Promise<void> {
    await this.act('refresh', 'top', async () => {
      await this.refreshPeriods();
      await this.loadPeriodData();
    });
  }

  // --- Coordinator: review ---

  openReturn(agency: string | null): void {
    this.set({ returning: agency, failure: null, notice: null });
  }

  async accept(agency: string, version: number | null): Promise<void> {
    const period = this.state.period;
    if (!period) return;
    await this.act(`review:${agency}`, 'completeness', async () => {
      const r = await this.api().review(period, agency, {
        action: 'accept',
        ...(version ? { version } : {}),
      });
      await this.loadPeriodData();
      this.notice('completeness', 'accepted', { a: agency, v: r.version });
    });
  }

  async returnReport(agency: string, version: number | null): Promise<void> {
    const period = this.state.period;
    if (!period) return;
    const id = `return-comment-${agency}`;
    const comment = this.draft(id).trim();
    if (!comment) {
      this.set({ failure: localFailure('completeness', 'COMMENT_REQUIRED', 'commentRequired') });
      return;
    }
    await this.act(`review:${agency}`, 'completeness', async () => {
      await this.api().review(period, agency, {
        action: 'return',
        comment,
        ...(version ? { version } : {}),
      });
      this.clearDrafts(id);
      this.set({ returning: null });
      await this.loadPeriodData();
      this.notice('completeness', 'returned', { a: agency });
    });
  }

  // --- Coordinator: deadline, lock, reopenings ---

  async saveDeadline(): Promise<void> {
    const p = this.currentPeriod;
    if (!p) return;
    const due = this.draft('due') || p.due;
    const grace = this.draft('grace');
    const patch: PeriodPatch = { due };
    if (grace !== '') patch.graceDays = Number(grace);
    await this.act('deadline', 'settings', async () => {
      await this.api().patchPeriod(p.code, patch);
      this.clearDrafts('due', 'grace');
      await this.refreshPeriods();
      await this.loadPeriodData();
      this.notice('settings', 'savedDeadline', { p: p.code });
    });
  }

  async setLocked(locked: boolean): Promise<void> {
    const p = this.currentPeriod;
    if (!p) return;
    const reason = this.draft('lock-reason').trim();
    if (locked && !reason) {
      this.set({ failure: localFailure('settings', 'REASON_REQUIRED', 'lockReasonRequired') });
      return;
    }
    await this.act('lock', 'settings', async () => {
      await this.api().patchPeriod(p.code, locked ? { locked, lockReason: reason } : { locked });
      this.clearDrafts('lock-reason');
      await this.refreshPeriods();
      this.notice('settings', locked ? 'lockedDone' : 'unlockedDone', { p: p.code });
    });
  }

  async reopen(): Promise<void> {
    const p = this.currentPeriod;
    if (!p) return;
    const agency = this.draft('reopen-agency') || this.state.completeness?.agencies[0]?.agency.code;
    const reason = this.draft('reopen-reason').trim();
    if (!agency || !reason) {
      this.set({ failure: localFailure('settings', 'REASON_REQUIRED', 'reasonRequired') });
      return;
    }
    await this.act('reopen', 'settings', async () => {
      await this.api().reopen(p.code, agency, reason);
      this.clearDrafts('reopen-reason');
      await this.refreshPeriods();
      this.notice('settings', 'reopenedDone', { p: p.code, a: agency });
    });
  }

  async closeReopening(agency: string): Promise<void> {
    const p = this.currentPeriod;
    if (!p) return;
    await this.act(`close:${agency}`, 'settings', async () => {
      await this.api().closeReopening(p.code, agency);
      await this.refreshPeriods();
      this.notice('settings', 'closedReopening', { a: agency });
    });
  }

  // --- Downloads ---

  private keep(what: string, file: { blob: Blob; name: string }, section: Section): void {
    const old = this.state.saved[what];
    if (old) URL.revokeObjectURL(old.url);
    const saved = { url: URL.createObjectURL(file.blob), name: file.name };
    this.set({ saved: { ...this.state.saved, [what]: saved } });
    this.deps.save(saved);
    this.notice(section, 'downloadReady', { f: saved.name });
  }

  async downloadMerged(): Promise<void> {
    const period = this.state.period;
    if (!period) return;
    await this.act('merged', 'downloads', async () => {
      this.keep('merged', await this.api().mergedWorkbook(period), 'downloads');
    });
  }

  async downloadTemplate(agency: string, section: Section): Promise<void> {
    const period = this.state.period;
    if (!period) return;
    await this.act(`template:${agency}`, section, async () => {
      this.keep(`template:${agency}`, await this.api().template(period, agency), section);
    });
  }

  // --- Coordinator: keys ---

  async loadKeys(): Promise<void> {
    await this.act('keys', 'keys', async () => {
      this.set({ keys: (await this.api().keys()).keys });
    });
  }

  async issueKey(): Promise<void> {
    const agency = this.draft('key-agency') || this.state.agencies[0]?.code;
    const role = this.draft('key-role') === 'coordinator' ? 'coordinator' : 'agency';
    const label = this.draft('key-label').trim();
    if (!agency) return;
    await this.act('issue', 'keys', async () => {
      const newKey = await this.api().issueKey(agency, role, label || undefined);
      this.clearDrafts('key-label');
      this.set({ newKey, keys: (await this.api().keys()).keys });
    });
  }

  dismissNewKey(): void {
    this.set({ newKey: null, copied: false });
  }

  async copyNewKey(): Promise<void> {
    const key = this.state.newKey?.key;
    if (!key) return;
    try {
      await this.deps.copy(key);
      this.set({ copied: true });
    } catch {
      this.set({ failure: localFailure('keys', 'COPY_FAILED', 'copyFailed') });
    }
  }

  askRevoke(prefix: string | null): void {
    this.set({ confirmRevoke: prefix });
  }

  async revoke(prefix: string): Promise<void> {
    await this.act(`revoke:${prefix}`, 'keys', async () => {
      await this.api().revokeKey(prefix);
      this.set({ confirmRevoke: null, keys: (await this.api().keys()).keys });
      this.notice('keys', 'revoked', { p: prefix });
    });
  }

  // --- Agency: upload ---

  /** A new Idempotency-Key per chosen file: retrying that file cannot store it twice. */
  chooseFile(file: File | null): void {
    this.set({
      upload: file ? { file, idempotencyKey: `web-${this.deps.newId()}` } : null,
      uploadOutcome: null,
      failure: null,
      notice: null,
    });
  }

  async uploadFile(): Promise<void> {
    const period = this.state.period;
    const upload = this.state.upload;
    if (!period) return;
    if (!upload) {
      this.set({ failure: localFailure('upload', 'NO_FILE', 'noFile') });
      return;
    }
    await this.act('upload', 'upload', async () => {
      this.set({ uploadOutcome: null });
      const outcome = await this.api().upload(
        period,
        upload.file,
        upload.file.name,
        upload.idempotencyKey,
      );
      this.set({ uploadOutcome: outcome });
      await this.refreshPeriods();
      await this.loadPeriodData();
    });
  }
}

function localFailure(section: Section, code: string, word: WordKey): Failure {
  return { section, ...refusal(code, both(word)) };
}
