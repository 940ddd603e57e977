// Who has reported for a period: every agency expected to report (it has
// tasks in the plan), with its latest version, review and timeliness. One
// place, used by the completeness endpoint and the merged workbook.
import { vnToday } from '../../../shared/periods/index.ts';
import { listAgencies } from '../db/agencies.ts';
import type { PeriodRow } from '../db/periods.ts';
import { latestVersions, reviewState } from '../db/submissions.ts';
import { plan } from '../plan.ts';
import { deadlineOf, timeliness } from './timeliness.ts';

/**
 * The completeness of a period as of `now` (an ISO instant; "overdue" is
 * judged on Vietnam's calendar): `rows`, one per agency expected to report,
 * in the plan's order, with its timeliness, latest version and review;
 * `totals` (expected, received, on time, late, missing); and every agency
 * row, for their current names.
 */
export async function loadCompleteness(db: D1Database, period: PeriodRow, now: string) {
  const [agencies, summary] = await Promise.all([
    listAgencies(db),
    latestVersions(db, { period: period.code }),
  ]);
  const byAgency = new Map(summary.map((s) => [s.agency_code, s]));
  const expected = new Set(plan.reportingAgencies().map((a) => a.code));
  const today = vnToday(new Date(now));
  const rows = agencies
    .filter((a) => expected.has(a.code))
    .map((a) => {
      const s = byAgency.get(a.code);
      const status = timeliness(period, s?.first_received_at);
      return {
        agency: { code: a.code, name: a.name, shortName: a.short_name, kind: a.kind },
        status,
        overdue: status === 'missing' && today > deadlineOf(period),
        latestVersion: s?.latest_version ?? null,
        latestId: s?.latest_id ?? null,
        firstReceivedAt: s?.first_received_at ?? null,
        latestReceivedAt: s?.latest_received_at ?? null,
        submittedBy: s?.latest_submitted_by ?? null,
        reviewState: s ? reviewState(s) : null,
        reviewComment: s?.review_comment ?? null,
      };
    });
  const count = (st: string) => rows.filter((r) => r.status === st).length;
  const totals = {
    expected: rows.length,
    received: rows.length - count('missing'),
    onTime: count('on-time'),
    late: count('late'),
    missing: count('missing'),
  };
  return { rows, totals, agencies };
}
