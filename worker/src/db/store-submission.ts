// Storing a validated report: the one path for JSON submissions and .xlsx
// uploads. Idempotent replay first, then the lock (and reopening), then one
// atomic batch: the new version (numbered inside its INSERT), its audit row
// and the remembered Idempotency-Key. Nothing is written before the batch.
import type { Submission } from '../../../shared/submission/schema.ts';
import type { Finding } from '../../../shared/validate/index.ts';
import type { Principal } from '../env.ts';
import { ApiError } from '../errors.ts';
import { canonicalJson, sha256Hex } from '../lib/hash.ts';
import { isReopenedFor, type PeriodRow } from './periods.ts';
import {
  auditSubmissionStatement,
  findById,
  findByIdempotencyKey,
  findLatestWithContent,
  insertSubmissionStatement,
  receipt,
  rememberIdempotencyKeyStatement,
  type SubmissionRow,
} from './submissions.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header checked (null when absent); INVALID_REQUEST when malformed. */
export function idempotencyKeyOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new ApiError(
      'INVALID_REQUEST',
      {
        vi: 'Idempotency-Key phải gồm 1–200 ký tự ASCII in được.',
        en: 'Idempotency-Key must be 1–200 printable ASCII characters.',
      },
      { issues: [{ field: 'header.Idempotency-Key', message: 'invalid' }] },
    );
  }
  return header;
}

export interface StoreRequest {
  principal: Principal;
  period: PeriodRow;
  /** validate()'s submission: already checked against the principal's agency and the period. */
  submission: Submission;
  warnings: Finding[];
  idempotencyKey: string | null;
  submittedBy?: string;
  source: 'api' | 'upload';
  now: string;
}

export type StoredReceipt = ReturnType<typeof receipt> & { unchanged: boolean; replayed: boolean };

/** 201 with a new version, or 200 with the earlier receipt (replayed or unchanged). */
export async function storeSubmission(
  db: D1Database,
  req: StoreRequest,
): Promise<{ status: 200 | 201; body: StoredReceipt }> {
  const { principal, period, now } = req;
  const agency = principal.agencyCode;
  const payload = canonicalJson(req.submission);
  const contentHash = await sha256Hex(payload);
  const key = req.idempotencyKey;

  const replay = (first: SubmissionRow & { key_period: string; key_hash: string }) => {
    if (first.key_period !== period.code || first.key_hash !== contentHash) {
      throw new ApiError('IDEMPOTENCY_CONFLICT');
    }
    return { status: 200 as const, body: { ...receipt(first), unchanged: false, replayed: true } };
  };

  // A replayed request gets its first receipt, even after the period was locked.
  if (key) {
    const first = await findByIdempotencyKey(db, agency, key);
    if (first) return replay(first);
  }

  if (period.locked && !(await isReopenedFor(db, period.code, agency))) {
    const reason = period.lock_reason ?? '';
    throw new ApiError('PERIOD_LOCKED', {
      vi: `Kỳ báo cáo ${period.code} đã khóa: ${reason}`,
      en: `Report period ${period.code} is locked: ${reason}`,
    });
  }

  const id = crypto.randomUUID();
  const actor = `${agency}/${principal.keyPrefix}`;
  await db.batch([
    insertSubmissionStatement(db, {
      id,
      agency,
      period: period.code,
      receivedAt: now,
      submittedBy: req.submittedBy ?? principal.label,
      keyPrefix: principal.keyPrefix,
      contentHash,
      idempotencyKey: key,
      source: req.source,
      payload,
      warnings: JSON.stringify(req.warnings),
    }),
    auditSubmissionStatement(db, id, now, actor),
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
  if (stored) {
    return { status: 201, body: { ...receipt(stored), unchanged: false, replayed: false } };
  }

  // Not stored: a concurrent request with the same idempotency key won, or
  // the latest version already has exactly this content.
  if (key) {
    const first = await findByIdempotencyKey(db, agency, key);
    // This request remembered the key itself: its answer is "unchanged", below.
    if (first && first.key_request !== id) return replay(first);
  }
  // Looked up by content, not as the latest version: a concurrent request
  // may have added a different version since the INSERT was skipped.
  const same = await findLatestWithContent(db, agency, period.code, contentHash);
  if (same) return { status: 200, body: { ...receipt(same), unchanged: true, replayed: false } };
  throw new ApiError('INTERNAL');
}
