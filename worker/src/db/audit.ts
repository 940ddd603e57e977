// audit_log: every write records who did what to which row, in the same
// db.batch as the write itself (D1 batches are atomic), so a write whose
// audit row fails is not written either.

/** Who writes: the key that made the request (the auth middleware's Principal has these fields). */
export interface Actor {
  agencyCode: string;
  keyPrefix: string;
  /** The key's label: stored as created_by / reviewer / submitted_by. */
  label: string;
}

/** "P-TP/lsk_ab12cd34": the audit log's name for an actor. */
export const actorName = (actor: Actor) => `${actor.agencyCode}/${actor.keyPrefix}`;

/**
 * An audit-log insert at the time of the write it records: `at` is SQL for
 * that time, the written row's own column read back (e.g. `(SELECT
 * updated_at FROM periods WHERE code = ?5)`, its parameters `atParams`
 * numbered from ?5) or DB_NOW. The row and its audit row then carry one
 * time, the database's, in the same db.batch.
 */
export function auditAtWriteStatement(
  db: D1Database,
  at: string,
  atParams: unknown[],
  actor: Actor,
  action: string,
  target: string,
  details?: unknown,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, details) VALUES (${at}, ?1, ?2, ?3, ?4)`,
    )
    .bind(
      actorName(actor),
      action,
      target,
      details === undefined ? null : JSON.stringify(details),
      ...atParams,
    );
}
