// periods: every report period with the settings the coordinator may change
// (due date, grace, lock and its reason); cut-offs come from the seed.
import { parsePeriodCode } from '../../../shared/periods/index.ts';
import { type Actor, auditAtWriteStatement } from './audit.ts';
import { DB_NOW } from './clock.ts';

export interface PeriodRow {
  code: string;
  year: number;
  kind: string;
  cutoff_from: string;
  cutoff_to: string;
  due: string;
  grace_days: number;
  locked: number;
  lock_reason: string | null;
}

/**
 * The period with this code (parsed as shared/periods does: spaces and lower
 * case accepted); null when there is none or the code is malformed.
 */
export async function findPeriod(db: D1Database, code: string): Promise<PeriodRow | null> {
  const parsed = parsePeriodCode(code);
  if (!parsed.ok) return null;
  return db
    .prepare('SELECT * FROM periods WHERE code = ?')
    .bind(parsed.value.code)
    .first<PeriodRow>();
}

/** Every period, or one year's (null: all), by due date then code. */
export async function listPeriods(db: D1Database, year: number | null): Promise<PeriodRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM periods WHERE (?1 IS NULL OR year = ?1) ORDER BY due, code')
    .bind(year)
    .all<PeriodRow>();
  return results;
}

/** A change to a period's settings; absent fields stay as they are. */
export interface PeriodChange {
  due?: string;
  graceDays?: number;
  locked?: boolean;
  lockReason?: string;
}

/** The settings a change leads to. A reason belongs to a lock: kept while locked, dropped on unlock. */
export function applyPeriodChange(before: PeriodRow, change: PeriodChange): PeriodRow {
  const locked = change.locked === undefined ? before.locked : change.locked ? 1 : 0;
  return {
    ...before,
    due: change.due ?? before.due,
    grace_days: change.graceDays ?? before.grace_days,
    locked,
    lock_reason: locked ? (change.lockReason ?? before.lock_reason) : null,
  };
}

/**
 * Stores a change to a period's settings (applyPeriodChange), audited as
 * `period.update` with the row before and the change asked for; `updated_at`
 * and the audit time are the database's clock at the write (a lock sent
 * slowly is logged when it took effect). Returns the row as stored.
 */
export async function updatePeriod(
  db: D1Database,
  before: PeriodRow,
  change: PeriodChange,
  actor: Actor,
): Promise<PeriodRow> {
  const next = applyPeriodChange(before, change);
  const [updated] = await db.batch([
    db
      .prepare(
        `UPDATE periods SET due = ?, grace_days = ?, locked = ?, lock_reason = ?, updated_at = ${DB_NOW}
         WHERE code = ? RETURNING *`,
      )
      .bind(next.due, next.grace_days, next.locked, next.lock_reason, before.code),
    auditAtWriteStatement(
      db,
      '(SELECT updated_at FROM periods WHERE code = ?5)',
      [before.code],
      actor,
      'period.update',
      before.code,
      { before, patch: change },
    ),
  ]);
  const row = updated?.results[0] as PeriodRow | undefined;
  if (!row) throw new Error(`period ${before.code}: not found when updating it`);
  return row;
}
