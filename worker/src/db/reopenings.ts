// period_reopenings: one agency allowed to submit into a locked period, with
// the coordinator's reason. At most one per (period, agency); closing one
// deletes it (the audit log keeps the history).
import { type Actor, auditAtWriteStatement } from './audit.ts';
import { DB_NOW } from './clock.ts';

export interface ReopeningRow {
  period_code: string;
  agency_code: string;
  reason: string;
  created_at: string;
}

/** Every reopening, oldest first. */
export async function listReopenings(db: D1Database): Promise<ReopeningRow[]> {
  const { results } = await db
    .prepare(
      'SELECT period_code, agency_code, reason, created_at FROM period_reopenings ORDER BY created_at',
    )
    .all<ReopeningRow>();
  return results;
}

/** The periods reopened for one agency, with their reasons. */
export async function reopeningsOf(
  db: D1Database,
  agency: string,
): Promise<{ period_code: string; reason: string }[]> {
  const { results } = await db
    .prepare('SELECT period_code, reason FROM period_reopenings WHERE agency_code = ?')
    .bind(agency)
    .all<{ period_code: string; reason: string }>();
  return results;
}

export async function isReopenedFor(
  db: D1Database,
  period: string,
  agency: string,
): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS x FROM period_reopenings WHERE period_code = ? AND agency_code = ?')
    .bind(period, agency)
    .first();
  return row !== null;
}

/**
 * Reopens a period for an agency (a second reopening replaces the reason,
 * time and author of the first), audited as `period.reopen`. Its time is the
 * database's clock at the write, returned as stored.
 */
export async function reopen(
  db: D1Database,
  r: { period: string; agency: string; reason: string },
  actor: Actor,
): Promise<{ reopenedAt: string }> {
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO period_reopenings (period_code, agency_code, reason, created_at, created_by)
         VALUES (?, ?, ?, ${DB_NOW}, ?)
         ON CONFLICT (period_code, agency_code) DO UPDATE SET reason = excluded.reason,
           created_at = excluded.created_at, created_by = excluded.created_by
         RETURNING created_at`,
      )
      .bind(r.period, r.agency, r.reason, actor.label),
    auditAtWriteStatement(
      db,
      '(SELECT created_at FROM period_reopenings WHERE period_code = ?5 AND agency_code = ?6)',
      [r.period, r.agency],
      actor,
      'period.reopen',
      `${r.agency}/${r.period}`,
      { reason: r.reason },
    ),
  ]);
  const row = results[0]?.results[0] as { created_at: string } | undefined;
  if (!row) throw new Error(`${r.agency}/${r.period}: reopening not found after writing it`);
  return { reopenedAt: row.created_at };
}

/**
 * Closes an agency's reopening of a period, audited as
 * `period.close-reopening` at the database's clock. False (and nothing
 * written) when the period was not reopened for the agency.
 */
export async function closeReopening(
  db: D1Database,
  period: string,
  agency: string,
  actor: Actor,
): Promise<boolean> {
  if (!(await isReopenedFor(db, period, agency))) return false;
  await db.batch([
    db
      .prepare('DELETE FROM period_reopenings WHERE period_code = ? AND agency_code = ?')
      .bind(period, agency),
    auditAtWriteStatement(db, DB_NOW, [], actor, 'period.close-reopening', `${agency}/${period}`),
  ]);
  return true;
}
