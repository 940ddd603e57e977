// What a new database starts with: the plan's agencies and every report
// period with its default cut-off, due date and grace. Idempotent (INSERT OR
// IGNORE), so running it again never overwrites the coordinator's edits.
// Returned as statements so workerd (tests) and Node (npm start, through
// `wrangler d1 execute`) apply the very same thing.
import { listPeriods, type PeriodOptions } from '../../../shared/periods/index.ts';
import type { Plan } from '../../../shared/plan/index.ts';

export interface Statement {
  sql: string;
  params: (string | number | null)[];
}

export function seedStatements(
  plan: Plan,
  now: string,
  periodOptions?: PeriodOptions,
): Statement[] {
  const agencies = plan.agencies.map((a, i) => ({
    sql: `INSERT OR IGNORE INTO agencies (code, name, short_name, kind, is_coordinator, placeholder, sort_order, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      a.code,
      a.name,
      a.shortName,
      a.kind,
      a.coordinator ? 1 : 0,
      a.placeholder ? 1 : 0,
      i,
      now,
    ],
  }));
  const periods = listPeriods(periodOptions).map((p) => ({
    sql: `INSERT OR IGNORE INTO periods (code, year, kind, cutoff_from, cutoff_to, due, grace_days, locked, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`,
    params: [p.code, p.year, p.kind, p.cutoff.from, p.cutoff.to, p.due, p.graceDays, now],
  }));
  return [...agencies, ...periods];
}

/** The statements as one SQL script with literal values (for `wrangler d1 execute --file`). */
export function toSqlScript(statements: Statement[]): string {
  const literal = (v: string | number | null) =>
    v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
  return statements
    .map((s) => {
      let i = 0;
      return `${s.sql.replace(/\s+/g, ' ').replace(/\?/g, () => literal(s.params[i++] ?? null))};`;
    })
    .join('\n');
}
