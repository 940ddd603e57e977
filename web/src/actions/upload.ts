// An agency's upload of a filled template: the file chosen (with its own
// Idempotency-Key), sent, and the receipt or the findings kept for the view.
import type { Store } from '../store.ts';
import { loadPeriodData, refreshPeriods } from './session.ts';

export class UploadActions {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** A new Idempotency-Key per chosen file: retrying that file cannot store it twice. */
  chooseFile(file: File | null): void {
    this.store.set({
      upload: file ? { file, idempotencyKey: `web-${this.store.deps.newId()}` } : null,
      uploadOutcome: null,
      failure: null,
      notice: null,
    });
  }

  async send(): Promise<void> {
    const store = this.store;
    const period = store.state.period;
    const upload = store.state.upload;
    if (!period) return;
    if (!upload) {
      store.refuse('upload', 'NO_FILE', 'noFile');
      return;
    }
    await store.act('upload', 'upload', async () => {
      store.set({ uploadOutcome: null });
      const outcome = await store
        .api()
        .upload(period, upload.file, upload.file.name, upload.idempotencyKey);
      store.set({ uploadOutcome: outcome });
      await refreshPeriods(store);
      await loadPeriodData(store);
    });
  }
}
