// The receipt of a stored report, as the submit and upload routes answer it
// and the history lists it.
import type { Finding } from '../../../shared/validate/index.ts';
import type { StoreOutcome } from '../db/store-submission.ts';
import type { SubmissionRow } from '../db/submissions.ts';

/** What the sender keeps: which version, when, by whom, the content's SHA-256 and the warnings. */
export function receipt(row: SubmissionRow) {
  return {
    id: row.id,
    agencyCode: row.agency_code,
    periodCode: row.period_code,
    version: row.version,
    receivedAt: row.received_at,
    submittedBy: row.submitted_by,
    contentHash: row.content_hash,
    warnings: JSON.parse(row.warnings) as Finding[],
  };
}

/** 201 with a new version, or 200 with the earlier receipt (replayed or unchanged). */
export function storedAnswer(stored: { outcome: StoreOutcome; row: SubmissionRow }) {
  return {
    status: (stored.outcome === 'created' ? 201 : 200) as 200 | 201,
    body: {
      ...receipt(stored.row),
      unchanged: stored.outcome === 'unchanged',
      replayed: stored.outcome === 'replayed',
    },
  };
}
