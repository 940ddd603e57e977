// The coordinator's access keys: list them (prefixes only), issue one (shown
// once, with a copy button), revoke one after a second click.
import type { KeyRole } from '../../../shared/vocabulary/index.ts';
import type { Store } from '../store.ts';

export class KeyActions {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  async load(): Promise<void> {
    await this.store.act('keys', 'keys', async () => {
      this.store.set({ keys: (await this.store.api().keys()).keys });
    });
  }

  /** Issues a key for the agency, role and label chosen in the form. */
  async issue(): Promise<void> {
    const store = this.store;
    const agency = store.draft('key-agency') || store.state.agencies[0]?.code;
    const role: KeyRole = store.draft('key-role') === 'coordinator' ? 'coordinator' : 'agency';
    const label = store.draft('key-label').trim();
    if (!agency) return;
    await store.act('issue', 'keys', async () => {
      const newKey = await store.api().issueKey(agency, role, label || undefined);
      store.clearDrafts('key-label');
      store.set({ newKey, keys: (await store.api().keys()).keys });
    });
  }

  dismissNew(): void {
    this.store.set({ newKey: null, copied: false });
  }

  async copyNew(): Promise<void> {
    const key = this.store.state.newKey?.key;
    if (!key) return;
    try {
      await this.store.deps.copy(key);
      this.store.set({ copied: true });
    } catch {
      this.store.refuse('keys', 'COPY_FAILED', 'copyFailed');
    }
  }

  /** Asks for a second click before revoking `prefix` (null cancels). */
  askRevoke(prefix: string | null): void {
    this.store.set({ confirmRevoke: prefix });
  }

  async revoke(prefix: string): Promise<void> {
    const store = this.store;
    await store.act(`revoke:${prefix}`, 'keys', async () => {
      await store.api().revokeKey(prefix);
      store.set({ confirmRevoke: null, keys: (await store.api().keys()).keys });
      store.notice('keys', 'revoked', { p: prefix });
    });
  }
}
