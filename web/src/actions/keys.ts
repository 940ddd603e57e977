// The coordinator's access keys: list them (prefixes only), issue one (shown
// once, with a copy button), revoke one after a second click; the key in use
// is revoked with the API's explicit confirmation, and the page signs out.
import type { KeyRole } from '../../../shared/vocabulary/index.ts';
import type { Store } from '../store.ts';

export class KeyActions {
  private readonly store: Store;
  private readonly signOut: () => void;

  /** `signOut` ends the session once the key in use was revoked. */
  constructor(store: Store, signOut: () => void) {
    this.store = store;
    this.signOut = signOut;
  }

  /** Whether `prefix` is the key this page is signed in with. */
  isOwn(prefix: string): boolean {
    return this.store.state.key?.startsWith(`${prefix}_`) ?? false;
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

  /**
   * Revokes `prefix` after the second click. The key in use is sent with the
   * API's confirmation (the view has warned that it signs out), and the
   * session then ends: the key no longer opens anything.
   */
  async revoke(prefix: string): Promise<void> {
    const store = this.store;
    const own = this.isOwn(prefix);
    await store.act(`revoke:${prefix}`, 'keys', async () => {
      await store.api().revokeKey(prefix, { self: own });
      if (own) {
        this.signOut();
        return;
      }
      store.set({ confirmRevoke: null, keys: (await store.api().keys()).keys });
      store.notice('keys', 'revoked', { p: prefix });
    });
  }
}
