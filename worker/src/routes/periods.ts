// Report periods: everyone reads them (with days left, lock and, for an
// agency, its own report and any comment returned to it); the coordinator
// sets due dates and grace, locks and unlocks, and reopens for one agency.
import { Hono } from 'hono';
import {
  DEFAULT_SCHEDULE,
  daysBetween,
  getPeriod,
  vnToday,
} from '../../../shared/periods/index.ts';
import { pickOpenPeriod } from '../../../shared/periods/pick-open.ts';
import { clip } from '../../../shared/text/clip.ts';
import { viDate } from '../../../shared/text/vi-format.ts';
import { applyPeriodChange, listPeriods, type PeriodRow, updatePeriod } from '../db/periods.ts';
import { closeReopening, listReopenings, reopen, reopeningsOf } from '../db/reopenings.ts';
import { latestVersions, reviewState } from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { agencyNamed, periodNamed } from '../lib/names.ts';
import { deadlineOf, timeliness } from '../lib/timeliness.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';
import { PeriodPatchSchema, ReopenRequestSchema } from '../schemas.ts';
import { agencyOr404, periodOr404 } from './lookups.ts';

/** The kinds the district reports by (shared/periods DEFAULT_SCHEDULE: Q1, H1, Q3, Y). */
const SCHEDULED: ReadonlySet<string> = new Set(DEFAULT_SCHEDULE);

function periodJson(p: PeriodRow, today: string) {
  return {
    code: p.code,
    year: p.year,
    kind: p.kind,
    /** One of the district's reporting periods; others exist for reopenings and late reports. */
    scheduled: SCHEDULED.has(p.kind),
    label: getPeriod(p.code).label,
    cutoff: { from: p.cutoff_from, to: p.cutoff_to },
    due: p.due,
    graceDays: p.grace_days,
    deadline: deadlineOf(p),
    /** Days until the due date; negative once it has passed. */
    daysLeft: daysBetween(today, p.due),
    locked: p.locked === 1,
    lockReason: p.lock_reason,
  };
}

/**
 * `?year=` of GET /api/periods: four digits, or absent or empty (every
 * year: null). Anything else is INVALID_REQUEST naming query.year, rather
 * than a silently unfiltered list; so is a year given more than once
 * (`?year=2026&year=abc`), rather than one of them silently ignored.
 */
function yearOf(values: string[] | undefined): number | null {
  if (values && values.length > 1) {
    throw new ApiError(
      'INVALID_REQUEST',
      {
        vi: `Tham số year được gửi ${values.length} lần; chỉ gửi một lần, ví dụ ?year=2026.`,
        en: `The year parameter was given ${values.length} times; give it once, e.g. ?year=2026.`,
      },
      { issues: [{ field: 'query.year', message: 'given more than once' }] },
    );
  }
  const value = values?.[0];
  if (value === undefined || value === '') return null;
  if (/^\d{4}$/.test(value)) return Number(value);
  throw new ApiError(
    'INVALID_REQUEST',
    {
      vi: `Tham số year “${clip(value, 20)}” phải là năm 4 chữ số, ví dụ 2026.`,
      en: `The year parameter “${clip(value, 20)}” must be a four-digit year, e.g. 2026.`,
    },
    { issues: [{ field: 'query.year', message: 'must be four digits' }] },
  );
}

export const periods = new Hono<AppEnv>()
  .get('/', async (c) => {
    const db = c.env.DB;
    const principal = c.get('principal');
    const today = vnToday(new Date(c.get('now')));
    const results = await listPeriods(db, yearOf(c.req.queries('year')));
    // The key's own report per period (the coordinator's key: its own office's),
    // and any reopening for it.
    const [mine, reopened] = await Promise.all([
      latestVersions(db, { agency: principal.agencyCode }),
      reopeningsOf(db, principal.agencyCode),
    ]);
    const byPeriod = new Map(mine.map((r) => [r.period_code, r]));
    const reopenedFor = new Map(reopened.map((r) => [r.period_code, r.reason]));
    const ownOf = (p: (typeof results)[number], json: ReturnType<typeof periodJson>) => {
      const s = byPeriod.get(p.code);
      return {
        submitted: !!s,
        status: timeliness(p, s?.first_received_at),
        /** Not received and past the deadline; never for an unscheduled period. */
        overdue: json.scheduled && !s && today > json.deadline,
        latestVersion: s?.latest_version ?? null,
        latestReceivedAt: s?.latest_received_at ?? null,
        reviewState: s ? reviewState(s) : null,
        /** The coordinator's comment when the report was returned for correction. */
        returnedComment: s?.review_state === 'returned' ? s.review_comment : null,
        reopened: reopenedFor.has(p.code),
        reopenReason: reopenedFor.get(p.code) ?? null,
      };
    };
    if (principal.role === 'coordinator') {
      // The coordinator also sees which agencies each period is reopened for.
      const reopenings = await listReopenings(db);
      const all = results.map((p) => ({ row: p, json: periodJson(p, today) }));
      return c.json({
        today,
        current: pickOpenPeriod(all.map((x) => x.json))?.code ?? null,
        periods: all.map(({ row, json }) => ({
          ...json,
          own: ownOf(row, json),
          reopenings: reopenings
            .filter((r) => r.period_code === json.code)
            .map((r) => ({ agency: r.agency_code, reason: r.reason, reopenedAt: r.created_at })),
        })),
      });
    }
    // The scheduled periods, and any other this agency reported for or had reopened.
    const listed = results
      .map((p) => ({ row: p, json: periodJson(p, today) }))
      .filter((x) => x.json.scheduled || byPeriod.has(x.row.code) || reopenedFor.has(x.row.code));
    const own = listed.map(({ json }) => ({
      ...json,
      own: { reopened: reopenedFor.has(json.code) },
    }));
    return c.json({
      today,
      current: pickOpenPeriod(own)?.code ?? null,
      // Other agencies' reopenings are the coordinator's business: an agency sees its own in `own`.
      periods: listed.map(({ row, json }) => ({
        ...json,
        own: ownOf(row, json),
        reopenings: [] as { agency: string; reason: string; reopenedAt: string }[],
      })),
    });
  })

  .patch('/:period', requireCoordinator, limitBody, jsonBody(PeriodPatchSchema), async (c) => {
    const db = c.env.DB;
    const period = await periodOr404(db, c.req.param('period'));
    const patch = c.req.valid('json');
    const { due } = applyPeriodChange(period, patch);
    if (due < period.cutoff_to) {
      throw new ApiError(
        'INVALID_REQUEST',
        {
          vi: `Hạn nộp không được trước ngày chốt số liệu (${viDate(period.cutoff_to)}).`,
          en: `The due date cannot be before the data cut-off (${viDate(period.cutoff_to)}).`,
        },
        { issues: [{ field: 'due', message: 'before the cut-off' }] },
      );
    }
    const updated = await updatePeriod(db, period, patch, c.get('principal'));
    return c.json(periodJson(updated, vnToday(new Date(c.get('now')))));
  })

  .post(
    '/:period/reopenings',
    requireCoordinator,
    limitBody,
    jsonBody(ReopenRequestSchema),
    async (c) => {
      const db = c.env.DB;
      const period = await periodOr404(db, c.req.param('period'));
      const body = c.req.valid('json');
      const agency = await agencyOr404(db, body.agency);
      const { reopenedAt } = await reopen(
        db,
        { period: period.code, agency: agency.code, reason: body.reason },
        c.get('principal'),
      );
      return c.json(
        { period: period.code, agency: agency.code, reason: body.reason, reopenedAt },
        201,
      );
    },
  )

  .delete('/:period/reopenings/:agency', requireCoordinator, async (c) => {
    const db = c.env.DB;
    const period = await periodOr404(db, c.req.param('period'));
    const agency = await agencyOr404(db, c.req.param('agency'));
    if (!(await closeReopening(db, period.code, agency.code, c.get('principal')))) {
      throw new ApiError('NOT_FOUND', {
        vi: `Kỳ ${periodNamed(period.code).vi} chưa mở lại cho ${agencyNamed(agency)}.`,
        en: `${periodNamed(period.code).en} is not reopened for ${agencyNamed(agency)}.`,
      });
    }
    return c.json({ period: period.code, agency: agency.code, reopened: false });
  });
