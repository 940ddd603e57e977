// The rows a URL names, or 404: the data layer answers null for an unknown
// code, and the route layer says what was not found.
import { parsePeriodCode } from '../../../shared/periods/index.ts';
import { clip } from '../../../shared/text/clip.ts';
import { type AgencyRow, findAgency } from '../db/agencies.ts';
import { findPeriod, type PeriodRow } from '../db/periods.ts';
import type { Principal } from '../env.ts';
import { ApiError } from '../errors.ts';
import { assertCanRead } from '../middleware/auth.ts';

/** The period named in a URL, or NOT_FOUND (a malformed code is just as unknown). */
export async function periodOr404(db: D1Database, code: string): Promise<PeriodRow> {
  const row = await findPeriod(db, code);
  if (row) return row;
  throw periodNotFound(code);
}

/**
 * The period code of a URL as shared/periods writes it (spaces and lower
 * case accepted), or NOT_FOUND when it is malformed: for the routes that
 * read the period row in their own statement and answer periodNotFound
 * when it is missing.
 */
export function periodCodeOr404(code: string): string {
  const parsed = parsePeriodCode(code);
  if (parsed.ok) return parsed.value.code;
  throw periodNotFound(code);
}

/** The NOT_FOUND of an unknown period code (as written in the URL, clipped: docs/api.md). */
export function periodNotFound(code: string): ApiError {
  const shown = clip(code);
  return new ApiError('NOT_FOUND', {
    vi: `Không có kỳ báo cáo “${shown}”.`,
    en: `There is no report period “${shown}”.`,
  });
}

/** The agency with this code, or NOT_FOUND quoting the code (clipped: docs/api.md). */
export async function agencyOr404(db: D1Database, code: string): Promise<AgencyRow> {
  const row = await findAgency(db, code);
  if (row) return row;
  const shown = clip(code);
  throw new ApiError('NOT_FOUND', {
    vi: `Không có cơ quan mã “${shown}”.`,
    en: `There is no agency with code “${shown}”.`,
  });
}

/** The `?agency=` of a URL, trimmed, or INVALID_REQUEST naming `query.agency`. */
export function agencyQuery(value: string | undefined): string {
  const code = value?.trim();
  if (code) return code;
  throw new ApiError(
    'INVALID_REQUEST',
    {
      vi: 'Thiếu mã cơ quan: thêm ?agency=<mã cơ quan>, ví dụ ?agency=P-TP.',
      en: 'The agency code is missing: add ?agency=<agency code>, e.g. ?agency=P-TP.',
    },
    { issues: [{ field: 'query.agency', message: 'required' }] },
  );
}

/**
 * The period and agency of one agency's report that `principal` may read (the
 * agency itself or the coordinator): FORBIDDEN first, so another agency's key
 * learns nothing of what exists; then the period's and the agency's NOT_FOUND.
 */
export async function readableReport(
  db: D1Database,
  principal: Principal,
  periodCode: string,
  agencyCode: string,
): Promise<{ period: PeriodRow; agency: AgencyRow }> {
  assertCanRead(principal, agencyCode);
  const period = await periodOr404(db, periodCode);
  const agency = await agencyOr404(db, agencyCode);
  return { period, agency };
}
