// reviews and review_notes: append-only; the latest review of a submission is
// its state (db/submissions.ts reads it with each version; `reopened` reads
// as `received`). A return may carry notes, one per task or task cell.
import type { FillKey } from '../../../shared/layout/columns.ts';
import type { ReviewOutcome } from '../../../shared/vocabulary/index.ts';
import { type Actor, actorName } from './audit.ts';
import { DB_NOW } from './clock.ts';
import { ReviewStateConflict, SupersededVersion } from './errors.ts';
import { reviewState } from './submissions.ts';

/** A coordinator's note on one task of a report, or on one of its cells (`field`). */
export interface ReviewNote {
  taskId: string;
  /** null: the task's row as a whole. */
  field: FillKey | null;
  text: string;
}

/** One review of a version, as the history shows it. */
export interface ReviewRecord {
  state: ReviewOutcome;
  comment: string | null;
  /** In the order given ([] for accept and reopen). */
  notes: ReviewNote[];
  /** The reviewing key's label. */
  reviewer: string;
  reviewedAt: string;
}

/** Latest review first, ties by insertion order: the one rule for "the state". */
const LATEST_STATE = `(SELECT state FROM reviews l WHERE l.submission_id = ?2
  ORDER BY l.created_at DESC, l.rowid DESC LIMIT 1)`;

/**
 * Records the coordinator's review of one version with its notes, audited as
 * `submission.accepted` / `.returned` / `.reopened` (details: submission id,
 * version, comment, and the notes when there are any), all in one batch.
 * A review is stored only if the version is still the agency's latest
 * (else SupersededVersion), and a reopening only if the version's latest
 * review is `accepted` (else ReviewStateConflict): both checked inside the
 * insert itself, so a version sent meanwhile, or two reopenings at once,
 * cannot slip past; a refused review writes nothing, notes and audit
 * included. Its time (`reviewedAt`, returned) is the database's clock at
 * the write, on the review and its audit row: the latest review is the one
 * written last, however slowly a request arrived.
 */
export async function addReview(
  db: D1Database,
  r: {
    submission: { id: string; agency_code: string; period_code: string; version: number };
    state: ReviewOutcome;
    /** null: no comment. */
    comment: string | null;
    notes?: readonly ReviewNote[];
  },
  actor: Actor,
): Promise<{ id: string; reviewedAt: string }> {
  const id = crypto.randomUUID();
  const s = r.submission;
  const notes = r.notes ?? [];
  const needs = r.state === 'reopened' ? 'accepted' : null;
  const details: Record<string, unknown> = {
    submission: s.id,
    version: s.version,
    comment: r.comment,
  };
  if (notes.length) details.notes = notes;
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO reviews (id, submission_id, state, comment, reviewer, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ${DB_NOW} WHERE (?6 IS NULL OR ${LATEST_STATE} = ?6)
           AND NOT EXISTS (SELECT 1 FROM submissions n
             WHERE n.agency_code = ?7 AND n.period_code = ?8 AND n.version > ?9)
         RETURNING created_at`,
      )
      .bind(
        id,
        s.id,
        r.state,
        r.comment,
        actor.label,
        needs,
        s.agency_code,
        s.period_code,
        s.version,
      ),
    ...notes.map((n, ord) =>
      db
        .prepare(
          `INSERT INTO review_notes (review_id, ord, task_id, field, text)
           SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM reviews WHERE id = ?1)`,
        )
        .bind(id, ord, n.taskId, n.field, n.text),
    ),
    // Written only with the review it records (a refused reopening writes neither).
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, target, details)
         SELECT created_at, ?1, ?2, ?3, ?4 FROM reviews WHERE id = ?5`,
      )
      .bind(
        actorName(actor),
        `submission.${r.state}`,
        `${s.agency_code}/${s.period_code}`,
        JSON.stringify(details),
        id,
      ),
  ]);
  // No row: the insert's conditions refused it (and so every statement after it).
  const stored = results[0]?.results[0] as { created_at: string } | undefined;
  if (!stored) {
    const latest = await db
      .prepare(
        `SELECT ${LATEST_STATE} AS review_state,
           (SELECT MAX(version) FROM submissions WHERE agency_code = ?3 AND period_code = ?4) AS latest_version`,
      )
      .bind(null, s.id, s.agency_code, s.period_code)
      .first<{ review_state: string | null; latest_version: number | null }>();
    const latestVersion = latest?.latest_version ?? s.version;
    if (latestVersion > s.version) throw new SupersededVersion(s.version, latestVersion);
    if (needs) throw new ReviewStateConflict(s.version, reviewState(latest ?? {}), needs);
    throw new Error(`review of ${s.id} was not stored`);
  }
  return { id, reviewedAt: stored.created_at };
}

/**
 * Every review of every version of one agency's report for a period, oldest
 * first, with its notes; keyed by submission id (a version without reviews
 * is absent).
 */
export async function reviewsOfReport(
  db: D1Database,
  agency: string,
  period: string,
): Promise<Map<string, ReviewRecord[]>> {
  const [reviews, notes] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT r.id, r.submission_id, r.state, r.comment, r.reviewer, r.created_at
         FROM reviews r JOIN submissions s ON s.id = r.submission_id
         WHERE s.agency_code = ?1 AND s.period_code = ?2
         ORDER BY r.created_at, r.rowid`,
      )
      .bind(agency, period),
    db
      .prepare(
        `SELECT n.review_id, n.task_id, n.field, n.text
         FROM review_notes n JOIN reviews r ON r.id = n.review_id
         JOIN submissions s ON s.id = r.submission_id
         WHERE s.agency_code = ?1 AND s.period_code = ?2
         ORDER BY n.review_id, n.ord`,
      )
      .bind(agency, period),
  ]);
  const notesOf = new Map<string, ReviewNote[]>();
  for (const n of (notes?.results ?? []) as unknown as NoteRow[]) {
    const list = notesOf.get(n.review_id) ?? [];
    list.push({ taskId: n.task_id, field: n.field, text: n.text });
    notesOf.set(n.review_id, list);
  }
  const out = new Map<string, ReviewRecord[]>();
  for (const r of (reviews?.results ?? []) as unknown as ReviewRow[]) {
    const list = out.get(r.submission_id) ?? [];
    list.push({
      state: r.state,
      comment: r.comment,
      notes: notesOf.get(r.id) ?? [],
      reviewer: r.reviewer,
      reviewedAt: r.created_at,
    });
    out.set(r.submission_id, list);
  }
  return out;
}

interface ReviewRow {
  id: string;
  submission_id: string;
  state: ReviewOutcome;
  comment: string | null;
  reviewer: string;
  created_at: string;
}

interface NoteRow {
  review_id: string;
  task_id: string;
  field: FillKey | null;
  text: string;
}
