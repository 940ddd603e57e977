// Storing a validated report: the one path for JSON submissions and .xlsx
// uploads. Idempotent replay first, then the lock (and reopening), then one
// atomic batch: the new version (numbered inside its INSERT), its audit row
// and the remembered Idempotency-Key. Nothing is written before the batch.
import type { Submission } from '../../../shared/submission/schema.ts';
import type { Finding } from '../../../shared/validate/index.ts';
import { canonicalJson, sha256Hex } from '../lib/hash.ts';
import { type Actor, actorName } from './audit.ts';
import { IdempotencyConflict, PeriodLocked } from './errors.ts';
import type { PeriodRow } from './periods.ts';
import { isReopenedFor } from './reopenings.ts';
import {
  auditSubmissionStatement,
  findById,
  findByIdempotencyKey,
  findLatestWithContent,
  insertSubmissionStatement,
  rememberIdempotencyKeyStatement,
  type SubmissionRow,
} from './submissions.ts';

export interface StoreRequest {
  /** The key that submits: its agency is the report's, its label the default submittedBy. */
  actor: Actor;
  period: PeriodRow;
  /** validate()'s submission: already checked against the actor's agency and the period. */
  submission: Submission;
  warnings: Finding[];
  idempotencyKey: string | null;
  submittedBy?: string;
  source: 'api' | 'upload';
  now: string;
}

/**
 * What became of a report: `created` (a new version), `replayed` (its
 * Idempotency-Key was seen before: the first answer's row) or `unchanged`
 * (the latest version already has this content: that row).
 */
export type StoreOutcome = 'created' | 'replayed' | 'unchanged';

/**
 * Stores a validated report for the actor's agency, or finds the row that
 * already answers it. Throws PeriodLocked (locked, not reopened for the
 * agency; a replay is still answered) or IdempotencyConflict (the key was
 * first used for another period or content); nothing is written then.
 */
export async function storeSubmission(
  db: D1Database,
  req: StoreRequest,
): Promise<{ outcome: StoreOutcome; row: SubmissionRow }> {
  const { actor, period, now } = req;
  const agency = actor.agencyCode;
  const payload = canonicalJson(req.submission);
  const contentHash = await sha256Hex(payload);
  const key = req.idempotencyKey;

  const replay = (key: string, first: SubmissionRow & { key_period: string; key_hash: string }) => {
    if (first.key_period !== period.code || first.key_hash !== contentHash) {
      throw new IdempotencyConflict(key);
    }
    return { outcome: 'replayed' as const, row: first };
  };

  // A replayed request gets its first receipt, even after the period was locked.
  if (key) {
    const first = await findByIdempotencyKey(db, agency, key);
    if (first) return replay(key, first);
  }

  if (period.locked && !(await isReopenedFor(db, period.code, agency))) {
    throw new PeriodLocked(period.code, period.lock_reason);
  }

  const id = crypto.randomUUID();
  await db.batch([
    insertSubmissionStatement(db, {
      id,
      agency,
      period: period.code,
      receivedAt: now,
      submittedBy: req.submittedBy ?? actor.label,
      keyPrefix: actor.keyPrefix,
      contentHash,
      idempotencyKey: key,
      source: req.source,
      payload,
      warnings: JSON.stringify(req.warnings),
    }),
    auditSubmissionStatement(db, id, now, actorName(actor)),
    ...(key
      ? [
          rememberIdempotencyKeyStatement(db, {
            agency,
            period: period.code,
            key,
            contentHash,
            requestId: id,
            at: now,
          }),
        ]
      : []),
  ]);
  const stored = await findById(db, id);
  if (stored) return { outcome: 'created', row: stored };

  // Not stored: a concurrent request with the same idempotency key won, or
  // the latest version already has exactly this content.
  if (key) {
    const first = await findByIdempotencyKey(db, agency, key);
    // This request remembered the key itself: its answer is "unchanged", below.
    if (first && first.key_request !== id) return replay(key, first);
  }
  // Looked up by content, not as the latest version: a concurrent request
  // may have added a different version since the INSERT was skipped.
  const same = await findLatestWithContent(db, agency, period.code, contentHash);
  if (same) return { outcome: 'unchanged', row: same };
  throw new Error(`${agency}/${period.code}: report ${id} neither stored nor found afterwards`);
}
