// access_keys: D1 keeps each key's prefix (to find it) and its SHA-256 (to
// check it), never the key itself. Keys are revoked, never deleted.
import type { KeyRole } from '../../../shared/vocabulary/index.ts';
import { type Actor, actorName, auditAtWriteStatement } from './audit.ts';
import { DB_NOW } from './clock.ts';
import { LastCoordinatorKey } from './errors.ts';

export interface AccessKeyRow {
  prefix: string;
  agency_code: string;
  role: KeyRole;
  label: string | null;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

const COLUMNS = 'prefix, agency_code, role, label, created_at, created_by, revoked_at';

/** The key with this prefix and its stored hash, revoked or not; null when there is none. */
export function findKeyWithHash(
  db: D1Database,
  prefix: string,
): Promise<(AccessKeyRow & { hash: string }) | null> {
  return db
    .prepare(`SELECT ${COLUMNS}, hash FROM access_keys WHERE prefix = ?`)
    .bind(prefix)
    .first<AccessKeyRow & { hash: string }>();
}

/** Every key ever issued (revoked ones too), oldest first; no hashes. */
export async function listKeys(db: D1Database): Promise<AccessKeyRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM access_keys ORDER BY created_at`)
    .all<AccessKeyRow>();
  return results;
}

/**
 * Stores a new key's hash, issued by `actor` (its label is created_by),
 * audited as `key.issue`. `created_at` and the audit time are the database's
 * clock at the write; returns `createdAt` as stored.
 */
export async function insertKey(
  db: D1Database,
  key: { prefix: string; hash: string; agency: string; role: KeyRole; label: string },
  actor: Actor,
): Promise<{ createdAt: string }> {
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO access_keys (id, prefix, hash, agency_code, role, label, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ${DB_NOW}, ?) RETURNING created_at`,
      )
      .bind(
        crypto.randomUUID(),
        key.prefix,
        key.hash,
        key.agency,
        key.role,
        key.label,
        actor.label,
      ),
    auditAtWriteStatement(
      db,
      '(SELECT created_at FROM access_keys WHERE prefix = ?5)',
      [key.prefix],
      actor,
      'key.issue',
      key.prefix,
      { agency: key.agency, role: key.role },
    ),
  ]);
  const row = inserted?.results[0] as { created_at: string } | undefined;
  if (!row) throw new Error(`key ${key.prefix}: not found after writing it`);
  return { createdAt: row.created_at };
}

/**
 * Revokes the key with this prefix (audited as `key.revoke`); a key already
 * revoked keeps its first revocation and writes nothing. Returns the key as
 * it now stands, or null when there is no such key. `revoked_at` and the
 * audit time are the database's clock at the write. Throws
 * LastCoordinatorKey when it is the last active coordinator key: checked in
 * the UPDATE itself, so two revocations at once cannot leave none. One
 * batch: every condition sits in its statements, and the row is read back
 * after the write, so nothing read before it decides the answer.
 */
export async function revokeKey(
  db: D1Database,
  prefix: string,
  actor: Actor,
): Promise<AccessKeyRow | null> {
  const [, , after] = await db.batch([
    db
      .prepare(
        `UPDATE access_keys SET revoked_at = ${DB_NOW}
         WHERE prefix = ?1 AND revoked_at IS NULL
           AND (role <> 'coordinator' OR EXISTS (
             SELECT 1 FROM access_keys o
             WHERE o.role = 'coordinator' AND o.revoked_at IS NULL AND o.prefix <> ?1))`,
      )
      .bind(prefix),
    // Only when the UPDATE revoked it (changes() counts the statement before).
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, target, details)
         SELECT revoked_at, ?1, 'key.revoke', prefix, NULL FROM access_keys
         WHERE prefix = ?2 AND changes() = 1`,
      )
      .bind(actorName(actor), prefix),
    db.prepare(`SELECT ${COLUMNS} FROM access_keys WHERE prefix = ?`).bind(prefix),
  ]);
  const now = after?.results[0] as AccessKeyRow | undefined;
  if (!now) return null;
  // Revoked by this request, or before it (by another): it stands as it was left.
  if (now.revoked_at !== null) return now;
  throw new LastCoordinatorKey(prefix);
}
