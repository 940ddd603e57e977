// Signing in and out, the language, and which period the page shows: the
// stored key is tried on start (and forgotten if the server refuses it), the
// open period is preselected, and what the chosen period shows is loaded
// (the completeness for the coordinator, its own history for an agency).
import type { Api, Me, PeriodItem } from '../../../client/api.ts';
import type { Lang } from '../../../client/i18n.ts';
import { currentPeriod } from '../../../client/periods.ts';
import { ApiFailure } from '../../../client/request.ts';
import { signedOut } from '../state.ts';
import type { Store } from '../store.ts';

/** The plan's task names, fetched once per session (the report tables name each task). */
export async function loadTasks(store: Store): Promise<void> {
  if (store.state.tasks) return;
  const { plan } = await store.api().plan();
  store.set({ tasks: Object.fromEntries(plan.tasks.map((t) => [t.id, { content: t.content }])) });
}

/**
 * The completeness (coordinator) or, for an agency, its own history for the
 * chosen period and the plan's task names (its returned notes name tasks).
 */
export async function loadPeriodData(store: Store): Promise<void> {
  const { me, period } = store.state;
  if (!me || !period) return;
  if (me.role === 'coordinator') {
    const completeness = await store.api().completeness(period);
    if (store.state.period === period) store.set({ completeness });
  } else {
    await loadTasks(store);
    const history = await store.api().history(period, me.agency.code);
    if (store.state.period === period) store.set({ history });
  }
}

/** The period list again (due dates, locks, own reports may have changed). */
export async function refreshPeriods(store: Store): Promise<void> {
  const list = await store.api().periods();
  store.set({ periods: list.periods, today: list.today });
}

export class Session {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  setLang(lang: Lang): void {
    this.store.deps.settings.set('lang', lang);
    this.store.set({ lang });
  }

  /** Draws the page, then signs in with the stored key, if there is one. */
  async start(): Promise<void> {
    this.store.deps.render(this.store.state);
    if (this.store.state.key) await this.signIn(this.store.state.key, true);
  }

  /** Signs in with `key` (`stored`: the one kept on this computer, forgotten if refused). */
  async signIn(key: string, stored = false): Promise<void> {
    const store = this.store;
    const trimmed = key.trim();
    if (!trimmed) {
      store.refuse('signin', 'KEY_EMPTY', 'keyEmpty');
      return;
    }
    await store.act('signin', 'signin', async () => {
      const api = store.deps.api(trimmed);
      let me: Me;
      let list: Awaited<ReturnType<Api['periods']>>;
      try {
        [me, list] = await Promise.all([api.me(), api.periods()]);
      } catch (e) {
        // A stored key that is no longer valid is forgotten; a network failure keeps it.
        if (stored && e instanceof ApiFailure && e.status === 401) {
          store.deps.settings.set('key', null);
          store.set({ key: null });
        }
        throw e;
      }
      store.deps.settings.set('key', trimmed);
      const periods: PeriodItem[] = list.periods;
      const open = currentPeriod({ periods, current: list.current });
      store.clearDrafts('key');
      store.set({
        key: trimmed,
        me,
        today: list.today,
        periods,
        period: open?.code ?? null,
        year: open?.year ?? null,
      });
      await loadPeriodData(store);
      if (me.role === 'coordinator') {
        try {
          store.set({ agencies: (await api.agencies()).agencies });
        } catch {
          // Only the key form's agency list needs it; the completeness rows name agencies too.
        }
      }
    });
  }

  signOut(): void {
    this.store.deps.settings.set('key', null);
    for (const s of Object.values(this.store.state.saved)) URL.revokeObjectURL(s.url);
    this.store.set({ key: null, ...signedOut() });
  }

  async choosePeriod(code: string): Promise<void> {
    const period = this.store.state.periods.find((p) => p.code === code);
    if (!period) return;
    this.store.set({
      period: code,
      year: period.year,
      completeness: null,
      history: null,
      returning: null,
      report: null,
      uploadOutcome: null,
      failure: null,
      notice: null,
    });
    await this.store.act('period', 'top', () => loadPeriodData(this.store));
  }

  chooseYear(year: number): void {
    this.store.set({ year });
  }

  async refresh(): Promise<void> {
    await this.store.act('refresh', 'top', async () => {
      await refreshPeriods(this.store);
      await loadPeriodData(this.store);
    });
  }
}
