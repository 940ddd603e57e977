import { parsePeriodCode } from '../../../shared/periods/index.ts';
import { ApiError } from '../errors.ts';

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

/** The period named in a URL, or 404 (a malformed code is just as unknown). */
export async function findPeriod(db: D1Database, code: string): Promise<PeriodRow> {
  const parsed = parsePeriodCode(code);
  const row = parsed.ok
    ? await db
        .prepare('SELECT * FROM periods WHERE code = ?')
        .bind(parsed.value.code)
        .first<PeriodRow>()
    : null;
  if (!row) {
    throw new ApiError('NOT_FOUND', {
      vi: `Không có kỳ báo cáo “${code}”.`,
      en: `There is no report period “${code}”.`,
    });
  }
  return row;
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
