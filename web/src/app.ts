// The web page's parts put together: one Store (state, progress, failures)
// and the actions grouped by who uses them. Views read `app.state` and call
// `app.session.signIn()`, `app.coordinator.accept()`, `app.keys.issue()`…
import type { PeriodItem } from '../../client/api.ts';
import { AgencyActions } from './actions/agencies.ts';
import { CoordinatorActions } from './actions/coordinator.ts';
import { DocumentActions } from './actions/document.ts';
import { Downloads } from './actions/downloads.ts';
import { KeyActions } from './actions/keys.ts';
import { ReviewActions } from './actions/review.ts';
import { Session } from './actions/session.ts';
import { UploadActions } from './actions/upload.ts';
import type { State } from './state.ts';
import { type AppDeps, Store } from './store.ts';

export class App {
  private readonly store: Store;
  readonly session: Session;
  readonly agencies: AgencyActions;
  readonly coordinator: CoordinatorActions;
  readonly document: DocumentActions;
  readonly downloads: Downloads;
  readonly keys: KeyActions;
  readonly review: ReviewActions;
  readonly upload: UploadActions;

  constructor(deps: AppDeps) {
    this.store = new Store(deps);
    this.session = new Session(this.store);
    this.agencies = new AgencyActions(this.store);
    this.coordinator = new CoordinatorActions(this.store);
    this.document = new DocumentActions(this.store);
    this.downloads = new Downloads(this.store);
    this.keys = new KeyActions(this.store, () => this.session.signOut());
    this.review = new ReviewActions(this.store);
    this.upload = new UploadActions(this.store);
  }

  get state(): State {
    return this.store.state;
  }

  get currentPeriod(): PeriodItem | undefined {
    return this.store.currentPeriod;
  }

  isBusy(action: string): boolean {
    return this.store.isBusy(action);
  }

  /** What was typed into the input `id` (kept across re-draws). */
  draft(id: string): string {
    return this.store.draft(id);
  }

  setDraft(id: string, value: string): void {
    this.store.setDraft(id, value);
  }
}
