// The coordinator reading one agency's report before deciding: the report
// opened from the completeness table (its versions, receipts and review
// history), compared with the version last returned or with the agency's
// previous period, then accepted, returned with a comment and notes on its
// tasks and fields, or (once accepted) reopened with a reason.
// POST …/review's rules: docs/api.md "Reviews".
import { submissionOf } from '../../../client/api.ts';
import { FILL_KEYS, type FillKey } from '../../../shared/layout/columns.ts';
import type { Compare, NoteDraft, ReportView } from '../state.ts';
import type { Store } from '../store.ts';
import { nameOf } from './agency-name.ts';
import { loadPeriodData, loadTasks } from './session.ts';

/** The API's limits on notes (worker/src/schemas.ts ReviewRequestSchema). */
export const NOTE_LIMITS = { count: 200, text: 1000 } as const;

/** Input ids of the review form, where field-level failures are shown. */
export const REVIEW_FIELDS = {
  comment: 'review-comment',
  noteTask: 'note-task',
  noteField: 'note-field',
  noteText: 'note-text',
  reopenReason: 'reopen-review-reason',
} as const;

export class ReviewActions {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** Opens `agency`'s report for the chosen period: versions, then the default comparison. */
  async open(agency: string): Promise<void> {
    const store = this.store;
    store.set({
      report: { agency, history: null, diff: null, compare: 'returned', notes: [] },
      returning: null,
    });
    store.clearDrafts(...Object.values(REVIEW_FIELDS));
    await store.act(`report:${agency}`, 'report', async () => {
      await loadTasks(store);
      await this.reload();
    });
  }

  close(): void {
    this.store.set({ report: null, failure: null, notice: null });
  }

  /** Compares with the version last returned (default) or the agency's previous period. */
  async compare(compare: Compare): Promise<void> {
    const store = this.store;
    const report = store.state.report;
    if (!report) return;
    this.patch({ compare, diff: null });
    await store.act(`diff:${report.agency}`, 'report', () => this.loadDiff());
  }

  /** Adds the note typed in the form (a task, optionally a field, and its text). */
  addNote(): void {
    const store = this.store;
    const report = store.state.report;
    const latest = report?.history?.versions[0];
    if (!report || !latest) return;
    const tasks = submissionOf(latest).rows.map((r) => r.taskId);
    const taskId = store.draft(REVIEW_FIELDS.noteTask) || tasks[0];
    const fieldDraft = store.draft(REVIEW_FIELDS.noteField);
    const field = (FILL_KEYS as readonly string[]).includes(fieldDraft)
      ? (fieldDraft as FillKey)
      : null;
    const text = store.draft(REVIEW_FIELDS.noteText).trim();
    if (!taskId) return;
    if (!text) {
      store.refuse('report', 'NOTE_TEXT_REQUIRED', 'noteTextRequired', REVIEW_FIELDS.noteText);
      return;
    }
    if (text.length > NOTE_LIMITS.text) {
      store.refuse('report', 'NOTE_TOO_LONG', 'noteTooLong', REVIEW_FIELDS.noteText);
      return;
    }
    if (report.notes.length >= NOTE_LIMITS.count) {
      store.refuse('report', 'TOO_MANY_NOTES', 'tooManyNotes', REVIEW_FIELDS.noteText);
      return;
    }
    store.clearDrafts(REVIEW_FIELDS.noteText);
    this.patch({ notes: [...report.notes, { taskId, field, text }] });
    store.set({ failure: null, notice: null });
  }

  removeNote(index: number): void {
    const report = this.store.state.report;
    if (!report) return;
    this.patch({ notes: report.notes.filter((_, i) => i !== index) });
  }

  async accept(): Promise<void> {
    await this.decide('accept');
  }

  /** Returns the latest version with the comment (required) and the notes added. */
  async returnReport(): Promise<void> {
    await this.decide('return');
  }

  /** Takes an accepted report back to "awaiting review", with the reason (required). */
  async reopen(): Promise<void> {
    await this.decide('reopen');
  }

  private async decide(action: 'accept' | 'return' | 'reopen'): Promise<void> {
    const store = this.store;
    const period = store.state.period;
    const report = store.state.report;
    const latest = report?.history?.versions[0];
    if (!period || !report || !latest) return;
    const commentId = action === 'reopen' ? REVIEW_FIELDS.reopenReason : REVIEW_FIELDS.comment;
    const comment = store.draft(commentId).trim();
    if (action === 'return' && !comment) {
      store.refuse('report', 'COMMENT_REQUIRED', 'commentRequired', commentId);
      return;
    }
    if (action === 'reopen' && !comment) {
      store.refuse('report', 'REASON_REQUIRED', 'reopenReasonRequired', commentId);
      return;
    }
    const notes = report.notes.map(noteBody);
    await store.act(`review:${report.agency}`, 'report', async () => {
      const r = await store.api().review(period, report.agency, {
        action,
        version: latest.version,
        ...(action === 'accept' ? {} : { comment }),
        ...(action === 'return' && notes.length ? { notes } : {}),
      });
      store.clearDrafts(commentId);
      if (action === 'return') this.patch({ notes: [] });
      await loadPeriodData(store);
      await this.reload();
      const word = { accept: 'accepted', return: 'returned', reopen: 'reopenedReview' } as const;
      store.notice('report', word[action], { a: nameOf(store, report.agency), v: r.version });
    });
  }

  /** The report's versions and the comparison, again. */
  private async reload(): Promise<void> {
    const store = this.store;
    const period = store.state.period;
    const report = store.state.report;
    if (!period || !report) return;
    const history = await store.api().history(period, report.agency);
    if (store.state.report?.agency !== report.agency) return;
    this.patch({ history });
    await this.loadDiff();
  }

  /** The changes for the chosen comparison; none when there is no earlier version to compare. */
  private async loadDiff(): Promise<void> {
    const store = this.store;
    const period = store.state.period;
    const report = store.state.report;
    if (!period || !report?.history) return;
    const { agency, compare } = report;
    if (compare === 'returned' && report.history.versions.length < 2) {
      this.patch({ diff: null });
      return;
    }
    const diff = await store
      .api()
      .diff(period, agency, compare === 'previous-period' ? { from: 'previous-period' } : {});
    const now = store.state.report;
    if (now?.agency === agency && now.compare === compare) this.patch({ diff });
  }

  private patch(change: Partial<ReportView>): void {
    const report = this.store.state.report;
    if (report) this.store.set({ report: { ...report, ...change } });
  }
}

/** A note as POST …/review takes it: `field` left out for a note on the whole row. */
function noteBody(n: NoteDraft): { taskId: string; field?: FillKey; text: string } {
  return n.field
    ? { taskId: n.taskId, field: n.field, text: n.text }
    : { taskId: n.taskId, text: n.text };
}
