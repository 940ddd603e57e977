// The report an agency carries forward: its last accepted report of an
// earlier period. "Accepted" is the latest review of a version (reviews are
// append-only; a later 'returned' or 'reopened' review undoes an acceptance).
import type { SubmissionRow } from './submissions.ts';

/**
 * The agency's newest accepted version among periods whose data cut-off
 * ends before `period`'s (the latest such period first, then the highest
 * accepted version in it); null when there is none or `period` is unknown.
 */
export function lastAcceptedBefore(
  db: D1Database,
  agency: string,
  period: string,
): Promise<SubmissionRow | null> {
  return db
    .prepare(
      `SELECT s.* FROM submissions s JOIN periods p ON p.code = s.period_code
       WHERE s.agency_code = ?1
         AND p.cutoff_to < (SELECT cutoff_to FROM periods WHERE code = ?2)
         AND (SELECT r.state FROM reviews r WHERE r.submission_id = s.id
              ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1) = 'accepted'
       ORDER BY p.cutoff_to DESC, p.due DESC, s.version DESC LIMIT 1`,
    )
    .bind(agency, period)
    .first<SubmissionRow>();
}
