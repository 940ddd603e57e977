import type { Principal } from '../env.ts';

/** An audit-log insert, to go in the same db.batch as the write it records. */
export function auditStatement(
  db: D1Database,
  at: string,
  actor: Principal | string,
  action: string,
  target: string,
  details?: unknown,
): D1PreparedStatement {
  const who = typeof actor === 'string' ? actor : `${actor.agencyCode}/${actor.keyPrefix}`;
  return db
    .prepare('INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)')
    .bind(at, who, action, target, details === undefined ? null : JSON.stringify(details));
}
