// Files the page downloads with the key: the merged workbook and the written
// report (coordinator),
// an agency's blank template (both roles) or one started from its last
// accepted report, a stored version as .xlsx, and a refused upload sent back
// with its findings marked. Each is kept as an object URL,
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
    this.save(what, file);
    this.store.notice(section, 'downloadReady', { f: file.name });
  }

  /** Keeps `file` as `what` (replacing an earlier one) and saves it. */
  private save(what: string, file: Download): void {
    const store = this.store;
    const old = store.state.saved[what];
    if (old) URL.revokeObjectURL(old.url);
    const saved = { url: URL.createObjectURL(file.blob), name: file.name };
    store.set({ saved: { ...store.state.saved, [what]: saved } });
    store.deps.save(saved);
  }

  async merged(): Promise<void> {
    const period = this.store.state.period;
    if (!period) return;
    await this.store.act('merged', 'downloads', async () => {
      this.keep('merged', await this.store.api().mergedWorkbook(period), 'downloads');
    });
  }

  /** The written report (.docx) of the period. */
  async report(): Promise<void> {
    const period = this.store.state.period;
    if (!period) return;
    await this.store.act('report', 'downloads', async () => {
      this.keep('report', await this.store.api().reportDocx(period), 'downloads');
    });
  }

  async template(agency: string, section: Section): Promise<void> {
    const period = this.store.state.period;
    if (!period) return;
    await this.store.act(`template:${agency}`, section, async () => {
      this.keep(`template:${agency}`, await this.store.api().template(period, agency), section);
    });
  }

  /**
   * The agency's template started from its last accepted earlier report;
   * the notice says which period and version it started from, or that
   * there was none (the blank template).
   */
  async templateFromLastAccepted(agency: string, section: Section): Promise<void> {
    const store = this.store;
    const period = store.state.period;
    if (!period) return;
    await store.act(`start:${agency}`, section, async () => {
      const file = await store.api().templateFromLastAccepted(period, agency);
      this.save(`start:${agency}`, file);
      if (file.startFrom) {
        store.notice(section, 'startedFrom', {
          f: file.name,
          p: file.startFrom.period,
          v: file.startFrom.version,
        });
      } else {
        store.notice(section, 'startedBlank', { f: file.name });
      }
    });
  }

  /** One stored version of `agency`'s report in the chosen period, as .xlsx. */
  async version(agency: string, version: number, section: Section): Promise<void> {
    const period = this.store.state.period;
    if (!period) return;
    await this.store.act(`version:${agency}:${version}`, section, async () => {
      const file = await this.store.api().versionWorkbook(period, agency, version);
      this.keep(`version:${agency}:${version}`, file, section);
    });
  }

  /**
   * The chosen file again, sent to …/uploads/annotated after it was refused
   * with findings: it comes back with each finding's cell marked and noted.
   * The refusal stays on screen (its findings are what the marks explain).
   */
  async annotated(): Promise<void> {
    const store = this.store;
    const period = store.state.period;
    const upload = store.state.upload;
    if (!period || !upload) return;
    await store.act(
      'annotated',
      'upload',
      async () => {
        const file = await store.api().annotatedUpload(period, upload.file, upload.file.name);
        this.save('annotated', file);
        store.notice('upload', 'downloadReady', { f: file.name });
      },
      { keep: true },
    );
  }
}
