// access_keys: D1 keeps each key's prefix (to find it) and its SHA-256 (to
// check it), never the key itself. Keys are revoked, never deleted.
import type { KeyRole } from '../../../shared/vocabulary/index.ts';
import { type Actor, auditStatement } from './audit.ts';

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

/** Stores a new key's hash, issued by `actor` (its label is created_by), audited as `key.issue`. */
export async function insertKey(
  db: D1Database,
  key: { prefix: string; hash: string; agency: string; role: KeyRole; label: string },
  actor: Actor,
  at: string,
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO access_keys (id, prefix, hash, agency_code, role, label, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        crypto.randomUUID(),
        key.prefix,
        key.hash,
        key.agency,
        key.role,
        key.label,
        at,
        actor.label,
      ),
    auditStatement(db, at, actor, 'key.issue', key.prefix, { agency: key.agency, role: key.role }),
  ]);
}

/**
 * Revokes the key with this prefix (audited as `key.revoke`); a key already
 * revoked keeps its first revocation and writes nothing. Returns the key as
 * it now stands, or null when there is no such key.
 */
export async function revokeKey(
  db: D1Database,
  prefix: string,
  actor: Actor,
  at: string,
): Promise<AccessKeyRow | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM access_keys WHERE prefix = ?`)
    .bind(prefix)
    .first<AccessKeyRow>();
  if (!row) return null;
  if (row.revoked_at !== null) return row;
  await db.batch([
    db.prepare('UPDATE access_keys SET revoked_at = ? WHERE prefix = ?').bind(at, prefix),
    auditStatement(db, at, actor, 'key.revoke', prefix),
  ]);
  return { ...row, revoked_at: at };
}
