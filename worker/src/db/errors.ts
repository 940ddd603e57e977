// What the data layer refuses, in its own terms and with what the caller
// needs to explain it (the lock reason, the key): a closed list, no HTTP.
// A missing row is not an error here (the query returns null); a broken
// invariant is a plain Error (a bug, answered as 500). The HTTP layer gives
// each refusal its answer (`apiErrorOf` in ../errors.ts).
import type { ReviewState } from '../../../shared/vocabulary/index.ts';

/** The period is locked and not reopened for the agency: nothing was stored. */
export class PeriodLocked extends Error {
  readonly code = 'PERIOD_LOCKED';
  readonly period: string;
  /** The coordinator's reason for the lock (null if none was recorded). */
  readonly reason: string | null;
  constructor(period: string, reason: string | null) {
    super(`Report period ${period} is locked: ${reason ?? ''}`);
    this.name = 'PeriodLocked';
    this.period = period;
    this.reason = reason;
  }
}

/**
 * The key that sends a report was revoked while the request ran: checked in
 * the same batch as the write, so nothing was stored.
 */
export class KeyRevoked extends Error {
  readonly code = 'KEY_REVOKED';
  readonly keyPrefix: string;
  constructor(keyPrefix: string) {
    super(`Access key ${keyPrefix} was revoked`);
    this.name = 'KeyRevoked';
    this.keyPrefix = keyPrefix;
  }
}

/**
 * The key is the last active coordinator key: revoking it would leave no one
 * able to issue keys. Checked in the same statement as the revocation, so
 * two revocations at once cannot both pass; nothing was written.
 */
export class LastCoordinatorKey extends Error {
  readonly code = 'LAST_COORDINATOR_KEY';
  readonly keyPrefix: string;
  constructor(keyPrefix: string) {
    super(`Access key ${keyPrefix} is the last active coordinator key`);
    this.name = 'LastCoordinatorKey';
    this.keyPrefix = keyPrefix;
  }
}

/** The Idempotency-Key was first used for another period or another content. */
export class IdempotencyConflict extends Error {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  readonly key: string;
  constructor(key: string) {
    super(`Idempotency-Key ${key} was already used for a different report`);
    this.name = 'IdempotencyConflict';
    this.key = key;
  }
}

/**
 * A review that needs the version in another review state (a reopening needs
 * it accepted): checked in the same statement as the insert, so nothing was
 * stored.
 */
export class ReviewStateConflict extends Error {
  readonly code = 'REVIEW_STATE_CONFLICT';
  readonly version: number;
  /** The state the version is in: `received`, `accepted` or `returned`. */
  readonly state: ReviewState;
  /** The state the review needed. */
  readonly needed: ReviewState;
  constructor(version: number, state: ReviewState, needed: ReviewState) {
    super(`Version ${version} is ${state}, not ${needed}`);
    this.name = 'ReviewStateConflict';
    this.version = version;
    this.state = state;
    this.needed = needed;
  }
}

/**
 * A review of a version the agency has since replaced: only the latest
 * version is accepted, returned or reopened (the merged workbook and carry
 * forward take the accepted version, which must be the agency's last word).
 * Checked in the same statement as the insert, so nothing was stored.
 */
export class SupersededVersion extends Error {
  readonly code = 'SUPERSEDED_VERSION';
  readonly version: number;
  readonly latestVersion: number;
  constructor(version: number, latestVersion: number) {
    super(`Version ${version} was replaced by version ${latestVersion}`);
    this.name = 'SupersededVersion';
    this.version = version;
    this.latestVersion = latestVersion;
  }
}

/** Every refusal the data layer throws. */
export type DomainError =
  | PeriodLocked
  | KeyRevoked
  | LastCoordinatorKey
  | IdempotencyConflict
  | ReviewStateConflict
  | SupersededVersion;

export function isDomainError(e: unknown): e is DomainError {
  return (
    e instanceof PeriodLocked ||
    e instanceof KeyRevoked ||
    e instanceof LastCoordinatorKey ||
    e instanceof IdempotencyConflict ||
    e instanceof ReviewStateConflict ||
    e instanceof SupersededVersion
  );
}
