// The page's state and the one way to change it: every change re-draws;
// every network action shows its progress (busy), ignores a second click and
// explains its failure in the section where it happened. The action groups
// in actions/ share one Store.
import type { Api, PeriodItem } from '../../client/api.ts';
import { failureOf, refusal } from '../../client/failure.ts';
import { langFrom, type Params } from '../../client/i18n.ts';
import { ApiFailure } from '../../client/request.ts';
import type { SettingsStore } from '../../client/settings.ts';
import { type Saved, type Section, type State, signedOut } from './state.ts';
import { both, type WordKey } from './words.ts';

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

export class Store {
  state: State;
  readonly deps: AppDeps;

  constructor(deps: AppDeps) {
    this.deps = deps;
    this.state = {
      lang: langFrom(deps.settings.get('lang')),
      key: deps.settings.get('key'),
      busy: [],
      ...signedOut(),
    };
  }

  set(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    this.deps.render(this.state);
  }

  isBusy(action: string): boolean {
    return this.state.busy.includes(action);
  }

  /** The API as the signed-in key may use it. */
  api(): Api {
    if (!this.state.key) throw new Error('not signed in');
    return this.deps.api(this.state.key);
  }

  get currentPeriod(): PeriodItem | undefined {
    return this.state.periods.find((p) => p.code === this.state.period);
  }

  /**
   * Runs one network action: progress shown, a second click ignored, failure
   * explained. `keep`: the failure or notice on screen stays while it runs
   * (an action about them, e.g. marking a refused file's findings).
   * `fieldOf`: the input id for a request field the API refused (400
   * `details.issues`), so the failure shows beside that input.
   */
  async act(
    action: string,
    section: Section,
    work: () => Promise<void>,
    {
      keep = false,
      fieldOf,
    }: { keep?: boolean; fieldOf?: (apiField: string) => string | undefined } = {},
  ): Promise<void> {
    if (this.isBusy(action)) return;
    const cleared = keep ? {} : { failure: null, notice: null };
    this.set({ busy: [...this.state.busy, action], ...cleared, copied: false });
    try {
      await work();
    } catch (e) {
      const failure = failureOf(e, {
        code: 'CLIENT',
        text: (d) => both('pageError', { d }),
      });
      const apiField = e instanceof ApiFailure ? e.fields[0] : undefined;
      const field = apiField && fieldOf ? fieldOf(apiField) : undefined;
      this.set({ failure: { section, ...failure, ...(field ? { field } : {}) } });
    } finally {
      this.set({ busy: this.state.busy.filter((b) => b !== action) });
    }
  }

  /** A notice in `section`, e.g. "Đã khóa kỳ 2026-Q1.". */
  notice(section: Section, key: WordKey, params: Params = {}): void {
    this.set({ notice: { section, text: both(key, params) } });
  }

  /**
   * Refuses an action before anything is sent (an empty field), saying why in
   * `section`; with `field`, the message is shown beside that input.
   */
  refuse(section: Section, code: string, word: WordKey, field?: string, params: Params = {}): void {
    this.set({
      failure: { section, ...refusal(code, both(word, params)), ...(field ? { field } : {}) },
    });
  }

  draft(id: string): string {
    return this.state.drafts[id] ?? '';
  }

  /** Typing does not re-draw: the value is kept for the next draw. */
  setDraft(id: string, value: string): void {
    this.state.drafts[id] = value;
  }

  clearDrafts(...ids: string[]): void {
    const drafts = { ...this.state.drafts };
    for (const id of ids) delete drafts[id];
    this.state = { ...this.state, drafts };
  }
}
