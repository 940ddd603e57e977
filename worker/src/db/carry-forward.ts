// The report an agency carries forward: its last accepted report of an
// earlier period. "Accepted" is the latest review of a version (reviews are
// append-only; a later 'returned' or 'reopened' review undoes an acceptance).
import type { SubmissionRow } from './submissions.ts';

/**
 * The agency's newest accepted version among periods whose data cut-off
 * ends before `period`'s: the latest cut-off first; among periods that end
 * on the same day (Q3 and M9, Q2 and H1, Q4, H2 and Y), the report accepted
 * last, as the coordinator's most recent word on that date; then the highest
 * version. null when there is none or `period` is unknown.
 */
export function lastAcceptedBefore(
  db: D1Database,
  agency: string,
  period: string,
): Promise<SubmissionRow | null> {
  return db
    .prepare(
      `SELECT s.*, latest.created_at AS accepted_at
       FROM submissions s JOIN periods p ON p.code = s.period_code
       JOIN reviews latest ON latest.rowid = (
         SELECT r.rowid FROM reviews r WHERE r.submission_id = s.id
         ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1)
       WHERE s.agency_code = ?1
         AND p.cutoff_to < (SELECT cutoff_to FROM periods WHERE code = ?2)
         AND latest.state = 'accepted'
       ORDER BY p.cutoff_to DESC, accepted_at DESC, latest.rowid DESC, s.version DESC LIMIT 1`,
    )
    .bind(agency, period)
    .first<SubmissionRow>();
}
