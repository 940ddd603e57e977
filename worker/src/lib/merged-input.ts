// What the merged reports of a period are made from, read from D1 once:
// completeness (as GET …/submissions computes it), the chosen version of
// each agency's report (the accepted one where a review exists, else the
// latest) and the agencies' current names. The merged workbook and the
// written report (.docx) both take it.
import { getPeriod } from '../../../shared/periods/index.ts';
import type { PeriodRow } from '../db/periods.ts';
import { chosenSubmissions, reviewState } from '../db/submissions.ts';
import { plan } from '../plan.ts';
import type { ChosenReport, CompletenessRow, MergedInput } from '../reports/merged.ts';
import { loadCompleteness } from './completeness.ts';

/** The MergedInput of `period` at `now` (ISO instant: the documents' date line). */
export async function loadMergedInput(
  db: D1Database,
  period: PeriodRow,
  now: string,
): Promise<MergedInput> {
  const [{ rows, agencies }, chosen] = await Promise.all([
    loadCompleteness(db, period, now),
    chosenSubmissions(db, period.code),
  ]);
  const completeness: CompletenessRow[] = rows.map((r) => ({
    agencyCode: r.agency.code,
    status: r.status,
    latestVersion: r.latestVersion,
    latestReceivedAt: r.latestReceivedAt,
    firstReceivedAt: r.firstReceivedAt,
    reviewState: r.reviewState,
  }));
  const reports: ChosenReport[] = chosen.map((s) => ({
    agencyCode: s.agency_code,
    version: s.version,
    receivedAt: s.received_at,
    reviewState: reviewState(s),
    rows: (JSON.parse(s.payload) as { rows: ChosenReport['rows'] }).rows,
  }));
  return {
    plan,
    period: {
      code: period.code,
      label: getPeriod(period.code).label,
      cutoff: { from: period.cutoff_from, to: period.cutoff_to },
      due: period.due,
      graceDays: period.grace_days,
    },
    agencyNames: Object.fromEntries(agencies.map((a) => [a.code, a.name])),
    completeness,
    reports,
    generatedAt: now,
  };
}
