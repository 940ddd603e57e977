// reviews: append-only; the latest review of a submission is its state
// (db/submissions.ts reads it with each version).
import { type Actor, auditStatement } from './audit.ts';

/** Records the coordinator's review of one version, audited as `submission.accepted` / `.returned`. */
export async function addReview(
  db: D1Database,
  r: {
    submission: { id: string; agency_code: string; period_code: string; version: number };
    state: 'accepted' | 'returned';
    /** null: no comment. */
    comment: string | null;
  },
  actor: Actor,
  at: string,
): Promise<{ id: string }> {
  const id = crypto.randomUUID();
  const s = r.submission;
  await db.batch([
    db
      .prepare(
        'INSERT INTO reviews (id, submission_id, state, comment, reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .bind(id, s.id, r.state, r.comment, actor.label, at),
    auditStatement(db, at, actor, `submission.${r.state}`, `${s.agency_code}/${s.period_code}`, {
      submission: s.id,
      version: s.version,
      comment: r.comment,
    }),
  ]);
  return { id };
}
