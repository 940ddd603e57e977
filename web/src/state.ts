// What the web page holds: who is signed in, the periods and the chosen one,
// what is loaded for it, the actions waiting on the network, the last
// failure or notice and where it is shown, and what was typed or chosen.
// Views re-draw from it after every change; the actions (actions/) change
// it through the Store.
import type {
  AgencyItem,
  Completeness,
  Diff,
  History,
  KeyItem,
  Me,
  NewKey,
  PeriodItem,
  UploadResult,
} from '../../client/api.ts';
import type { Failure as ClientFailure } from '../../client/failure.ts';
import type { Lang } from '../../client/i18n.ts';
import type { DocumentSettings } from '../../shared/documents/index.ts';
import type { FillKey } from '../../shared/layout/columns.ts';
import type { Bilingual } from '../../shared/text/bilingual.ts';

/** Where a failure or notice is shown. */
export type Section =
  | 'signin'
  | 'top'
  | 'completeness'
  | 'settings'
  | 'downloads'
  | 'keys'
  | 'agencies'
  | 'document'
  | 'upload'
  | 'report'
  | 'history';

/** A failed action, shown in the section where it happened, or beside the one field it concerns. */
export interface Failure extends ClientFailure {
  section: Section;
  /** The input id the failure is about: shown under that field instead of atop the section. */
  field?: string;
}

export interface Notice {
  section: Section;
  text: Bilingual;
}

/** A downloaded file, as an object URL the page can offer again. */
export interface Saved {
  url: string;
  name: string;
}

/** How a task is named on screen: its id in the appendix ("I.1") and its content. */
export interface TaskName {
  content: string;
}

/** A note typed in the review form, not sent yet: a task, optionally one of its fields. */
export interface NoteDraft {
  taskId: string;
  field: FillKey | null;
  text: string;
}

/** What the coordinator's report is compared with: the version last returned, or the previous period. */
export type Compare = 'returned' | 'previous-period';

/** The coordinator reading one agency's report for the chosen period before deciding. */
export interface ReportView {
  agency: string;
  history: History | null;
  /** The changes shown highlighted; null while loading or with nothing to compare with. */
  diff: Diff | null;
  compare: Compare;
  /** The notes added to the return form so far. */
  notes: NoteDraft[];
}

export interface State {
  lang: Lang;
  key: string | null;
  me: Me | null;
  today: string | null;
  periods: PeriodItem[];
  period: string | null;
  /** Agency view: the year whose periods are listed. */
  year: number | null;
  /** Actions waiting on the network, e.g. "signin", "review:P-TP". */
  busy: string[];
  failure: Failure | null;
  notice: Notice | null;
  completeness: Completeness | null;
  agencies: AgencyItem[];
  keys: KeyItem[] | null;
  newKey: NewKey | null;
  /** The agency whose "return for correction" form is open. */
  returning: string | null;
  /** The coordinator opened the agency names form. */
  renaming: boolean;
  /** The document settings as last loaded or saved (coordinator); null until the form is opened. */
  documentSettings: DocumentSettings | null;
  /** The key prefix waiting for a second click to revoke. */
  confirmRevoke: string | null;
  /** Text typed into the forms, by input id (kept across re-draws). */
  drafts: Record<string, string>;
  history: History | null;
  /** The chosen file and the Idempotency-Key made for it. */
  upload: { file: File; idempotencyKey: string } | null;
  uploadOutcome: UploadResult | null;
  /** Object URLs of downloaded files, by what they are ("merged", "template:P-TP"). */
  saved: Record<string, Saved>;
  copied: boolean;
  /** The plan's tasks by id (loaded once, when a report is first shown). */
  tasks: Record<string, TaskName> | null;
  /** Coordinator: the report opened from the completeness table. */
  report: ReportView | null;
}

/** Everything a session holds besides the key, language and running actions: empty. */
export function signedOut(): Omit<State, 'lang' | 'key' | 'busy'> {
  return {
    me: null,
    today: null,
    periods: [],
    period: null,
    year: null,
    failure: null,
    notice: null,
    completeness: null,
    agencies: [],
    keys: null,
    newKey: null,
    returning: null,
    renaming: false,
    documentSettings: null,
    confirmRevoke: null,
    drafts: {},
    history: null,
    upload: null,
    uploadOutcome: null,
    saved: {},
    copied: false,
    tasks: null,
    report: null,
  };
}
