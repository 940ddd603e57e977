// The coordinator's actions on the chosen period: review an agency's latest
// version (accept, or return it for correction with a comment), set the due
// date and grace, lock with a reason or unlock, reopen for one agency.
import type { PeriodPatch } from '../../../client/api.ts';
import { parseViDate } from '../../../shared/text/vi-format.ts';
import type { Store } from '../store.ts';
import { nameOf } from './agency-name.ts';
import { loadPeriodData, refreshPeriods } from './session.ts';

export class CoordinatorActions {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** Opens the "return for correction" form of `agency` (null closes it). */
  openReturn(agency: string | null): void {
    this.store.set({ returning: agency, failure: null, notice: null });
  }

  async accept(agency: string, version: number | null): Promise<void> {
    const store = this.store;
    const period = store.state.period;
    if (!period) return;
    await store.act(`review:${agency}`, 'completeness', async () => {
      const r = await store.api().review(period, agency, {
        action: 'accept',
        ...(version ? { version } : {}),
      });
      await loadPeriodData(store);
      store.notice('completeness', 'accepted', { a: nameOf(store, agency), v: r.version });
    });
  }

  /** Returns the version for correction, with the comment typed in its form (required). */
  async returnReport(agency: string, version: number | null): Promise<void> {
    const store = this.store;
    const period = store.state.period;
    if (!period) return;
    const id = `return-comment-${agency}`;
    const comment = store.draft(id).trim();
    if (!comment) {
      store.refuse('completeness', 'COMMENT_REQUIRED', 'commentRequired', id);
      return;
    }
    await store.act(`review:${agency}`, 'completeness', async () => {
      await store.api().review(period, agency, {
        action: 'return',
        comment,
        ...(version ? { version } : {}),
      });
      store.clearDrafts(id);
      store.set({ returning: null });
      await loadPeriodData(store);
      store.notice('completeness', 'returned', { a: nameOf(store, agency) });
    });
  }

  async saveDeadline(): Promise<void> {
    const store = this.store;
    const p = store.currentPeriod;
    if (!p) return;
    const typed = store.draft('due').trim();
    const due = typed ? parseViDate(typed) : p.due;
    if (!due) {
      store.refuse('settings', 'INVALID_DATE', 'dateFormat', 'due');
      return;
    }
    const grace = store.draft('grace');
    const patch: PeriodPatch = { due };
    if (grace !== '') patch.graceDays = Number(grace);
    await store.act('deadline', 'settings', async () => {
      await store.api().patchPeriod(p.code, patch);
      store.clearDrafts('due', 'grace');
      await refreshPeriods(store);
      await loadPeriodData(store);
      store.notice('settings', 'savedDeadline', { p: p.code });
    });
  }

  async setLocked(locked: boolean): Promise<void> {
    const store = this.store;
    const p = store.currentPeriod;
    if (!p) return;
    const reason = store.draft('lock-reason').trim();
    if (locked && !reason) {
      store.refuse('settings', 'REASON_REQUIRED', 'lockReasonRequired', 'lock-reason');
      return;
    }
    await store.act('lock', 'settings', async () => {
      await store.api().patchPeriod(p.code, locked ? { locked, lockReason: reason } : { locked });
      store.clearDrafts('lock-reason');
      await refreshPeriods(store);
      store.notice('settings', locked ? 'lockedDone' : 'unlockedDone', { p: p.code });
    });
  }

  async reopen(): Promise<void> {
    const store = this.store;
    const p = store.currentPeriod;
    if (!p) return;
    const agency =
      store.draft('reopen-agency') || store.state.completeness?.agencies[0]?.agency.code;
    const reason = store.draft('reopen-reason').trim();
    if (!agency || !reason) {
      store.refuse('settings', 'REASON_REQUIRED', 'reasonRequired', 'reopen-reason');
      return;
    }
    await store.act('reopen', 'settings', async () => {
      await store.api().reopen(p.code, agency, reason);
      store.clearDrafts('reopen-reason');
      await refreshPeriods(store);
      store.notice('settings', 'reopenedDone', { p: p.code, a: nameOf(store, agency) });
    });
  }

  async closeReopening(agency: string): Promise<void> {
    const store = this.store;
    const p = store.currentPeriod;
    if (!p) return;
    await store.act(`close:${agency}`, 'settings', async () => {
      await store.api().closeReopening(p.code, agency);
      await refreshPeriods(store);
      store.notice('settings', 'closedReopening', { a: nameOf(store, agency) });
    });
  }
}
