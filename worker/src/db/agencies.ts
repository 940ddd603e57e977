import { ApiError } from '../errors.ts';

export interface AgencyRow {
  code: string;
  name: string;
  short_name: string;
  kind: string;
  is_coordinator: number;
  placeholder: number;
  sort_order: number;
}

export async function listAgencies(db: D1Database): Promise<AgencyRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM agencies ORDER BY sort_order')
    .all<AgencyRow>();
  return results;
}

export async function findAgency(db: D1Database, code: string): Promise<AgencyRow> {
  const row = await db
    .prepare('SELECT * FROM agencies WHERE code = ?')
    .bind(code)
    .first<AgencyRow>();
  if (!row) {
    throw new ApiError('NOT_FOUND', {
      vi: `Không có cơ quan mã “${code}”.`,
      en: `There is no agency with code “${code}”.`,
    });
  }
  return row;
}

export function agencyJson(a: AgencyRow) {
  return {
    code: a.code,
    name: a.name,
    shortName: a.short_name,
    kind: a.kind,
    coordinator: a.is_coordinator === 1,
    placeholder: a.placeholder === 1,
  };
}
