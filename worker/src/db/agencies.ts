// agencies: the plan's agencies as D1 holds them (the coordinator may rename
// them, e.g. the placeholder villages), in the plan's order.
import { type Actor, auditAtWriteStatement } from './audit.ts';
import { DB_NOW } from './clock.ts';

export interface AgencyRow {
  code: string;
  name: string;
  short_name: string;
  kind: string;
  is_coordinator: number;
  placeholder: number;
  sort_order: number;
  /** The last rename (the database's clock at the write), or the seed's time. */
  updated_at: string;
}

/** Every agency, in the plan's order. */
export async function listAgencies(db: D1Database): Promise<AgencyRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM agencies ORDER BY sort_order')
    .all<AgencyRow>();
  return results;
}

/** Each agency's name by code, as the coordinator set it (for messages). */
export async function agencyNames(db: D1Database): Promise<Record<string, string>> {
  return Object.fromEntries((await listAgencies(db)).map((a) => [a.code, a.name]));
}

/** The agency with this code; null when there is none. */
export function findAgency(db: D1Database, code: string): Promise<AgencyRow | null> {
  return db.prepare('SELECT * FROM agencies WHERE code = ?').bind(code).first<AgencyRow>();
}

/**
 * Renames an agency (name and short name; it is no longer a placeholder),
 * audited as `agency.rename` with the names before and after; `updated_at`
 * and the audit time are the database's clock at the write. Returns the row
 * as stored.
 */
export async function renameAgency(
  db: D1Database,
  before: AgencyRow,
  names: { name: string; shortName: string },
  actor: Actor,
): Promise<AgencyRow> {
  const [updated] = await db.batch([
    db
      .prepare(
        `UPDATE agencies SET name = ?, short_name = ?, placeholder = 0, updated_at = ${DB_NOW}
         WHERE code = ? RETURNING *`,
      )
      .bind(names.name, names.shortName, before.code),
    auditAtWriteStatement(
      db,
      '(SELECT updated_at FROM agencies WHERE code = ?5)',
      [before.code],
      actor,
      'agency.rename',
      before.code,
      {
        before: { name: before.name, shortName: before.short_name },
        after: { name: names.name, shortName: names.shortName },
      },
    ),
  ]);
  const row = updated?.results[0] as AgencyRow | undefined;
  if (!row) throw new Error(`agency ${before.code}: not found when renaming it`);
  return row;
}
