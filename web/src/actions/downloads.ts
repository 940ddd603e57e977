// Files the page downloads with the key: the merged workbook (coordinator)
// and an agency's blank template (both roles). Each is kept as an object URL,
// so the page can offer it again if the browser blocked the automatic save.
import type { Download } from '../../../client/api.ts';
import type { Section } from '../state.ts';
import type { Store } from '../store.ts';

export class Downloads {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** Keeps `file` as `what` (replacing an earlier one), saves it and says so in `section`. */
  private keep(what: string, file: Download, section: Section): void {
    const store = this.store;
    const old = store.state.saved[what];
    if (old) URL.revokeObjectURL(old.url);
    const saved = { url: URL.createObjectURL(file.blob), name: file.name };
    store.set({ saved: { ...store.state.saved, [what]: saved } });
    store.deps.save(saved);
    store.notice(section, 'downloadReady', { f: saved.name });
  }

  async merged(): Promise<void> {
    const period = this.store.state.period;
    if (!period) return;
    await this.store.act('merged', 'downloads', async () => {
      this.keep('merged', await this.store.api().mergedWorkbook(period), 'downloads');
    });
  }

  async template(agency: string, section: Section): Promise<void> {
    const period = this.store.state.period;
    if (!period) return;
    await this.store.act(`template:${agency}`, section, async () => {
      this.keep(`template:${agency}`, await this.store.api().template(period, agency), section);
    });
  }
}
