// Storing a validated report: the one path for JSON submissions and .xlsx
// uploads. One atomic batch decides and writes: whether the report may be
// written at all (period open or reopened for the agency, key not revoked:
// checked at the moment of the write, however long the upload took), the new
// version (numbered inside its INSERT), its audit row, the remembered
// Idempotency-Key, and the receipt read back in the same batch. Nothing is
// written before the batch, and no state read earlier decides the answer.
import type { Submission } from '../../../shared/submission/schema.ts';
import type { Finding } from '../../../shared/validate/index.ts';
import { canonicalJson, sha256Hex } from '../lib/hash.ts';
import { type Actor, actorName } from './audit.ts';
import { IdempotencyConflict, KeyRevoked, PeriodLocked } from './errors.ts';
import type { PeriodRow } from './periods.ts';
import {
  auditSubmissionStatement,
  byIdempotencyKeyStatement,
  insertSubmissionStatement,
  type KeyedSubmissionRow,
  latestWithContentStatement,
  rememberIdempotencyKeyStatement,
  type SubmissionRow,
  writeGateStatement,
} from './submissions.ts';

export interface StoreRequest {
  /** The key that submits: its agency is the report's, its label the default submittedBy. */
  actor: Actor;
  /** The period of the URL (its lock is checked again at the write, not taken from this row). */
  period: PeriodRow;
  /** validate()'s submission: already checked against the actor's agency and the period. */
  submission: Submission;
  warnings: Finding[];
  idempotencyKey: string | null;
  submittedBy?: string;
  /** Decided by the route: `api` for the JSON route, `upload` for the .xlsx upload route. */
  source: 'api' | 'upload';
}

/**
 * What became of a report: `created` (a new version), `replayed` (its
 * Idempotency-Key was seen before: the first answer's row) or `unchanged`
 * (the latest version already has this content: that row).
 */
export type StoreOutcome = 'created' | 'replayed' | 'unchanged';

/**
 * Stores a validated report for the actor's agency, or finds the row that
 * already answers it. The row's `received_at` and its audit time are the
 * database's clock at the write. Throws KeyRevoked (the key was revoked
 * before the write), PeriodLocked (locked, not reopened for the agency, at
 * the write; a replay is still answered) or IdempotencyConflict (the key was
 * first used for another period or content); nothing is written then.
 * Every answer for one Idempotency-Key names the same row, whatever runs
 * concurrently: the key's row is read back inside the batch that wrote it.
 */
export async function storeSubmission(
  db: D1Database,
  req: StoreRequest,
): Promise<{ outcome: StoreOutcome; row: SubmissionRow }> {
  const { actor, period } = req;
  const agency = actor.agencyCode;
  const payload = canonicalJson(req.submission);
  const contentHash = await sha256Hex(payload);
  const key = req.idempotencyKey;
  const id = crypto.randomUUID();
  const gate = { agency, period: period.code, keyPrefix: actor.keyPrefix };

  const results = await db.batch([
    writeGateStatement(db, gate),
    insertSubmissionStatement(db, {
      id,
      agency,
      period: period.code,
      submittedBy: req.submittedBy ?? actor.label,
      keyPrefix: actor.keyPrefix,
      contentHash,
      idempotencyKey: key,
      source: req.source,
      payload,
      warnings: JSON.stringify(req.warnings),
    }),
    auditSubmissionStatement(db, id, actorName(actor)),
    ...(key
      ? [
          rememberIdempotencyKeyStatement(db, { ...gate, key, contentHash, requestId: id }),
          byIdempotencyKeyStatement(db, agency, key),
        ]
      : [latestWithContentStatement(db, agency, period.code, contentHash)]),
  ]);
  const state = results[0]?.results[0] as
    | { period_open: number; lock_reason: string | null; key_valid: number }
    | undefined;
  const answer = results.at(-1)?.results[0] as KeyedSubmissionRow | undefined;
  if (!state) throw new Error(`${agency}/${period.code}: the period is gone`);
  if (!state.key_valid) throw new KeyRevoked(actor.keyPrefix);

  // A key remembered by another request: its first receipt, even after the
  // period was locked.
  if (key && answer && answer.key_request !== id) {
    if (answer.key_period !== period.code || answer.key_hash !== contentHash) {
      throw new IdempotencyConflict(key);
    }
    return { outcome: 'replayed', row: answer };
  }
  if (!state.period_open) throw new PeriodLocked(period.code, state.lock_reason);
  // This request's row, or the version that already held this content when
  // it wrote (with a key: the one remembered for it, which every replay names).
  if (answer) return { outcome: answer.id === id ? 'created' : 'unchanged', row: answer };
  throw new Error(`${agency}/${period.code}: report ${id} neither stored nor found afterwards`);
}
