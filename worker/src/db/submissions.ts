// submissions (and the idempotency_keys that point at them): append-only.
// A new version is numbered inside the INSERT itself (MAX + 1 in one
// statement, and UNIQUE(agency, period, version)), so concurrent submissions
// from one agency get unique, gapless versions. Storing one, with its
// idempotency and lock rules, is store-submission.ts; these are its
// statements and the reads.
import type { ReviewState } from '../../../shared/vocabulary/index.ts';
import { DB_NOW } from './clock.ts';

export interface SubmissionRow {
  id: string;
  agency_code: string;
  period_code: string;
  version: number;
  received_at: string;
  submitted_by: string;
  key_prefix: string;
  content_hash: string;
  idempotency_key: string | null;
  source: string;
  payload: string;
  warnings: string;
  review_state?: string | null;
  review_comment?: string | null;
  reviewed_at?: string | null;
}

/** Columns of the latest review of submission `s`. */
const REVIEW_COLUMNS = `
  (SELECT state FROM reviews r WHERE r.submission_id = s.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1) AS review_state,
  (SELECT comment FROM reviews r WHERE r.submission_id = s.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1) AS review_comment,
  (SELECT created_at FROM reviews r WHERE r.submission_id = s.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1) AS reviewed_at`;

export interface NewSubmission {
  id: string;
  agency: string;
  period: string;
  submittedBy: string;
  keyPrefix: string;
  contentHash: string;
  idempotencyKey: string | null;
  source: string;
  payload: string;
  warnings: string;
}

/** SQL: the period is open, or reopened for the agency (parameters named as '?2'). */
const periodOpen = (agency: string, period: string) =>
  `EXISTS (SELECT 1 FROM periods p WHERE p.code = ${period} AND (p.locked = 0
     OR EXISTS (SELECT 1 FROM period_reopenings o
                WHERE o.period_code = p.code AND o.agency_code = ${agency})))`;

/** SQL: the key with this prefix is not revoked. */
const keyValid = (keyPrefix: string) =>
  `EXISTS (SELECT 1 FROM access_keys k WHERE k.prefix = ${keyPrefix} AND k.revoked_at IS NULL)`;

/**
 * The conditions under which a report may be written, as SQL over the
 * statement's parameters: the period is open, or reopened for the agency,
 * and the sending key is not revoked. Part of each write's own statement, so
 * a lock or a revocation that lands while a slow upload arrives is seen by
 * the write.
 */
const writable = (agency: string, period: string, keyPrefix: string) =>
  `${periodOpen(agency, period)} AND ${keyValid(keyPrefix)}`;

/** Whose report, for which period, sent with which key. */
export interface WriteGate {
  agency: string;
  period: string;
  keyPrefix: string;
}

/**
 * The two conditions of writable() as one row `{ period_open, key_valid,
 * lock_reason }` (no row: no such period), read in the same batch as the
 * write, to tell why a write was skipped.
 */
export function writeGateStatement(db: D1Database, g: WriteGate): D1PreparedStatement {
  return db
    .prepare(
      `SELECT ${periodOpen('?1', '?2')} AS period_open, ${keyValid('?3')} AS key_valid,
              lock_reason
       FROM periods WHERE code = ?2`,
    )
    .bind(g.agency, g.period, g.keyPrefix);
}

/**
 * The insert, `received_at` the time of the write: skipped when the report
 * may not be written (writable()), when the latest version already has this
 * content (an identical resubmission is acknowledged, not stored again) or
 * when the idempotency key was used before (remembered in idempotency_keys,
 * or OR IGNORE on the submissions' UNIQUE constraint).
 */
export function insertSubmissionStatement(db: D1Database, s: NewSubmission): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO submissions
         (id, agency_code, period_code, version, received_at, submitted_by, key_prefix,
          content_hash, idempotency_key, source, payload, warnings)
       SELECT ?1, ?2, ?3, next.v, ${DB_NOW}, ?4, ?5, ?6, ?7, ?8, ?9, ?10
       FROM (SELECT COALESCE(MAX(version), 0) + 1 AS v FROM submissions
             WHERE agency_code = ?2 AND period_code = ?3) AS next
       WHERE ${writable('?2', '?3', '?5')}
         AND NOT EXISTS (
           SELECT 1 FROM submissions l
           WHERE l.agency_code = ?2 AND l.period_code = ?3 AND l.content_hash = ?6
             AND l.version = next.v - 1)
         AND NOT EXISTS (
           SELECT 1 FROM idempotency_keys i WHERE i.agency_code = ?2 AND i.idempotency_key = ?7)`,
    )
    .bind(
      s.id,
      s.agency,
      s.period,
      s.submittedBy,
      s.keyPrefix,
      s.contentHash,
      s.idempotencyKey,
      s.source,
      s.payload,
      s.warnings,
    );
}

/** The audit row for a submission, at its `received_at`, written only if that submission row exists. */
export function auditSubmissionStatement(
  db: D1Database,
  id: string,
  actor: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, details)
       SELECT received_at, ?1, 'submission.create', agency_code || '/' || period_code,
              json_object('id', id, 'version', version, 'contentHash', content_hash)
       FROM submissions WHERE id = ?2`,
    )
    .bind(actor, id);
}

/** The submission with this id; null when there is none. */
export function findById(db: D1Database, id: string) {
  return db.prepare('SELECT * FROM submissions WHERE id = ?').bind(id).first<SubmissionRow>();
}

/** A submission with the Idempotency-Key it was answered for: the key's period, content and first request. */
export type KeyedSubmissionRow = SubmissionRow & {
  key_period: string;
  key_hash: string;
  key_request: string;
};

/** The receipt a key was first answered with (stored, or acknowledged as unchanged). */
export function byIdempotencyKeyStatement(
  db: D1Database,
  agency: string,
  key: string,
): D1PreparedStatement {
  return db
    .prepare(
      `SELECT s.*, i.period_code AS key_period, i.content_hash AS key_hash, i.request_id AS key_request
       FROM idempotency_keys i JOIN submissions s ON s.id = i.submission_id
       WHERE i.agency_code = ? AND i.idempotency_key = ?`,
    )
    .bind(agency, key);
}

/**
 * Remembers a key with the version that now holds this content: the one just
 * inserted, or the latest one when nothing new was stored. First use wins;
 * nothing is remembered when the report may not be written (writable()).
 */
export function rememberIdempotencyKeyStatement(
  db: D1Database,
  s: WriteGate & { key: string; contentHash: string; requestId: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO idempotency_keys
         (agency_code, idempotency_key, period_code, content_hash, submission_id, request_id, created_at)
       SELECT ?1, ?2, ?3, ?4, id, ?5, ${DB_NOW} FROM submissions
       WHERE agency_code = ?1 AND period_code = ?3 AND content_hash = ?4
         AND ${writable('?1', '?3', '?6')}
       ORDER BY version DESC LIMIT 1`,
    )
    .bind(s.agency, s.key, s.period, s.contentHash, s.requestId, s.keyPrefix);
}

/**
 * The newest version with this content. When the INSERT skipped a report
 * because the latest version had this content, that row still exists (rows
 * are append-only) even if other versions have been added since, so this
 * finds it where the latest version could be a newer, different one.
 */
export function latestWithContentStatement(
  db: D1Database,
  agency: string,
  period: string,
  contentHash: string,
): D1PreparedStatement {
  return db
    .prepare(
      `SELECT s.* FROM submissions s
       WHERE agency_code = ? AND period_code = ? AND content_hash = ?
       ORDER BY version DESC LIMIT 1`,
    )
    .bind(agency, period, contentHash);
}

/** Every version of one agency's report for a period, newest first. */
export async function history(db: D1Database, agency: string, period: string) {
  const { results } = await db
    .prepare(
      `SELECT s.*, ${REVIEW_COLUMNS} FROM submissions s
       WHERE agency_code = ? AND period_code = ? ORDER BY version DESC`,
    )
    .bind(agency, period)
    .all<SubmissionRow>();
  return results;
}

/** One agency's latest version for one period, with its first receipt and latest review. */
export interface LatestVersionRow {
  agency_code: string;
  period_code: string;
  versions: number;
  first_received_at: string;
  latest_id: string;
  latest_version: number;
  latest_received_at: string;
  latest_submitted_by: string;
  review_state: string | null;
  review_comment: string | null;
}

/**
 * The latest version of each (agency, period) that has one: of one period,
 * of one agency, or both (an absent filter matches all).
 */
export async function latestVersions(
  db: D1Database,
  where: { period?: string; agency?: string },
): Promise<LatestVersionRow[]> {
  const { results } = await db
    .prepare(
      `SELECT s.agency_code, s.period_code, s.version AS latest_version, s.id AS latest_id,
              s.received_at AS latest_received_at, s.submitted_by AS latest_submitted_by,
              (SELECT MIN(received_at) FROM submissions f
                 WHERE f.agency_code = s.agency_code AND f.period_code = s.period_code) AS first_received_at,
              s.version AS versions,
              ${REVIEW_COLUMNS}
       FROM submissions s
       WHERE (?1 IS NULL OR s.period_code = ?1) AND (?2 IS NULL OR s.agency_code = ?2)
         AND s.version = (SELECT MAX(version) FROM submissions m
                          WHERE m.agency_code = s.agency_code AND m.period_code = s.period_code)`,
    )
    .bind(where.period ?? null, where.agency ?? null)
    .all<LatestVersionRow>();
  return results;
}

/** One version of an agency's report for a period (the latest when `version` is absent); null when none. */
export function findVersion(db: D1Database, agency: string, period: string, version?: number) {
  return db
    .prepare(
      `SELECT * FROM submissions WHERE agency_code = ?1 AND period_code = ?2
         AND (?3 IS NULL OR version = ?3) ORDER BY version DESC LIMIT 1`,
    )
    .bind(agency, period, version ?? null)
    .first<SubmissionRow>();
}

/** The review state of a row read with its latest review: `received` until reviewed. */
export function reviewState(row: { review_state?: string | null }): ReviewState {
  return row.review_state === 'accepted' || row.review_state === 'returned'
    ? row.review_state
    : 'received';
}

export interface ChosenSubmissionRow {
  agency_code: string;
  id: string;
  version: number;
  received_at: string;
  payload: string;
  review_state: string | null;
}

/**
 * The version of each agency's report that goes into the merged workbook, in
 * one query: the newest version whose latest review accepted it, or else the
 * newest version. An accepted report stays the authoritative one until a
 * later version is itself accepted.
 */
export async function chosenSubmissions(db: D1Database, period: string) {
  const { results } = await db
    .prepare(
      `WITH reviewed AS (
         SELECT s.agency_code, s.id, s.version, s.received_at, s.payload,
                (SELECT state FROM reviews r WHERE r.submission_id = s.id
                 ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1) AS review_state
         FROM submissions s WHERE s.period_code = ?1)
       SELECT c.agency_code, c.id, c.version, c.received_at, c.payload, c.review_state
       FROM reviewed c
       WHERE c.version = COALESCE(
         (SELECT MAX(a.version) FROM reviewed a
          WHERE a.agency_code = c.agency_code AND a.review_state = 'accepted'),
         (SELECT MAX(m.version) FROM reviewed m WHERE m.agency_code = c.agency_code))
       ORDER BY c.agency_code`,
    )
    .bind(period)
    .all<ChosenSubmissionRow>();
  return results;
}

/**
 * One agency's authoritative version of a period, as chosenSubmissions picks
 * it: the newest version whose latest review accepted it, else the newest;
 * null when the agency has none.
 */
export function acceptedOrLatest(db: D1Database, agency: string, period: string) {
  return db
    .prepare(
      `SELECT s.*, ${REVIEW_COLUMNS} FROM submissions s
       WHERE s.agency_code = ?1 AND s.period_code = ?2
       ORDER BY (review_state IS 'accepted') DESC, s.version DESC LIMIT 1`,
    )
    .bind(agency, period)
    .first<SubmissionRow>();
}
