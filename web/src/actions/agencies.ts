// The coordinator renames agencies (the six villages start with placeholder
// names): PATCH /api/agencies/{code}, then the list and the completeness
// table are read again, so every name on the page is the new one.
import type { Store } from '../store.ts';

export class AgencyActions {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** Shows the rename form, loading the agency list if it is not there yet. */
  async open(): Promise<void> {
    const store = this.store;
    store.set({ renaming: true });
    if (store.state.agencies.length > 0) return;
    await store.act('agencies', 'agencies', async () => {
      store.set({ agencies: (await store.api().agencies()).agencies });
    });
  }

  /** Saves the name and short name typed for `code`; an unchanged or empty name sends nothing. */
  async rename(code: string): Promise<void> {
    const store = this.store;
    const agency = store.state.agencies.find((a) => a.code === code);
    if (!agency) return;
    const name = store.draft(`agency-name-${code}`).trim();
    const shortName = store.draft(`agency-short-${code}`).trim();
    const patch = {
      ...(name && name !== agency.name ? { name } : {}),
      ...(shortName && shortName !== agency.shortName ? { shortName } : {}),
    };
    if (!patch.name && !patch.shortName) return;
    await store.act(`rename:${code}`, 'agencies', async () => {
      const renamed = await store.api().renameAgency(code, patch);
      store.clearDrafts(`agency-name-${code}`, `agency-short-${code}`);
      store.set({ agencies: (await store.api().agencies()).agencies });
      const period = store.state.period;
      if (period) store.set({ completeness: await store.api().completeness(period) });
      store.notice('agencies', 'renamed', { c: code, n: renamed.name });
    });
  }
}
