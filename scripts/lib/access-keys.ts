// SQL for access keys written from Node (npm start, npm run keys), as
// Statements whose values toSqlScript writes as escaped literals: wrangler's
// `d1 execute` takes SQL text, not bound parameters. Mirrors what the API's
// POST/DELETE /api/keys write, audit row included.

import type { KeyRole } from '../../shared/vocabulary/index.ts';
import { type Statement, toSqlScript } from '../../worker/src/db/seed.ts';
import type { Row } from './wrangler.ts';

export type { Statement };
export { toSqlScript };

export interface NewKey {
  prefix: string;
  hash: string;
  agency: string;
  role: KeyRole;
  /** Name shown as "submitted by"; null: the agency's short name and the prefix, as the API does. */
  label: string | null;
  createdAt: string;
  createdBy: string;
}

/**
 * Inserts a key unless its prefix exists, and only for an agency present in
 * the database that may hold the role (coordinator keys: the coordinating
 * office only). Then the audit row, written only if the key row was.
 */
export function insertKeyStatements(k: NewKey): Statement[] {
  return [
    {
      sql: `INSERT OR IGNORE INTO access_keys (id, prefix, hash, agency_code, role, label, created_at, created_by)
            SELECT ?, ?, ?, code, ?, COALESCE(?, short_name || ' (' || ? || ')'), ?, ?
            FROM agencies WHERE code = ? AND (? = 'agency' OR is_coordinator = 1)`,
      params: [
        crypto.randomUUID(),
        k.prefix,
        k.hash,
        k.role,
        k.label,
        k.prefix,
        k.createdAt,
        k.createdBy,
        k.agency,
        k.role,
      ],
    },
    {
      sql: `INSERT INTO audit_log (at, actor, action, target, details)
            SELECT ?, ?, 'key.issue', prefix, ? FROM access_keys
            WHERE prefix = ? AND hash = ? AND created_at = ?`,
      params: [
        k.createdAt,
        k.createdBy,
        JSON.stringify({ agency: k.agency, role: k.role }),
        k.prefix,
        k.hash,
        k.createdAt,
      ],
    },
  ];
}

export interface KeyRow {
  prefix: string;
  hash: string;
  agency_code: string;
  role: string;
  label: string | null;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

const KEY_COLUMNS = 'prefix, hash, agency_code, role, label, created_at, created_by, revoked_at';

/** The rows of the given prefixes (all keys when `prefixes` is undefined). */
export function selectKeysStatement(prefixes?: readonly string[]): Statement {
  if (prefixes === undefined) {
    return {
      sql: `SELECT ${KEY_COLUMNS} FROM access_keys ORDER BY agency_code, created_at`,
      params: [],
    };
  }
  return {
    sql: `SELECT ${KEY_COLUMNS} FROM access_keys WHERE prefix IN (${prefixes.map(() => '?').join(', ') || 'NULL'})`,
    params: [...prefixes],
  };
}

export function revokeStatements(prefix: string, now: string, actor: string): Statement[] {
  return [
    {
      sql: 'UPDATE access_keys SET revoked_at = ? WHERE prefix = ? AND revoked_at IS NULL',
      params: [now, prefix],
    },
    {
      sql: `INSERT INTO audit_log (at, actor, action, target, details)
            SELECT ?, ?, 'key.revoke', prefix, NULL FROM access_keys WHERE prefix = ? AND revoked_at = ?`,
      params: [now, actor, prefix, now],
    },
    selectKeysStatement([prefix]),
  ];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : str(v));

export function toKeyRow(r: Row): KeyRow {
  return {
    prefix: str(r.prefix),
    hash: str(r.hash),
    agency_code: str(r.agency_code),
    role: str(r.role),
    label: strOrNull(r.label),
    created_at: str(r.created_at),
    created_by: str(r.created_by),
    revoked_at: strOrNull(r.revoked_at),
  };
}
