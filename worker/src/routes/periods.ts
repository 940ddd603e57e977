// Report periods: everyone reads them (with days left, lock and, for an
// agency, its own report and any comment returned to it); the coordinator
// sets due dates and grace, locks and unlocks, and reopens for one agency.
import { Hono } from 'hono';
import { daysBetween, getPeriod, vnToday } from '../../../shared/periods/index.ts';
import { findAgency } from '../db/agencies.ts';
import { auditStatement } from '../db/audit.ts';
import { findPeriod, type PeriodRow } from '../db/periods.ts';
import { reviewState } from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { deadlineOf, timeliness } from '../lib/timeliness.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';
import { PeriodPatchSchema, ReopenRequestSchema } from '../schemas.ts';

function periodJson(p: PeriodRow, today: string) {
  return {
    code: p.code,
    year: p.year,
    kind: p.kind,
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

export const periods = new Hono<AppEnv>()
  .get('/', async (c) => {
    const db = c.env.DB;
    const principal = c.get('principal');
    const today = vnToday(new Date(c.get('now')));
    const year = c.req.query('year');
    const { results } = await db
      .prepare('SELECT * FROM periods WHERE (?1 IS NULL OR year = ?1) ORDER BY due, code')
      .bind(year && /^\d{4}$/.test(year) ? Number(year) : null)
      .all<PeriodRow>();
    if (principal.role === 'coordinator') {
      // The coordinator also sees which agencies each period is reopened for.
      const { results: reopenings } = await db
        .prepare(
          'SELECT period_code, agency_code, reason, created_at FROM period_reopenings ORDER BY created_at',
        )
        .all<{ period_code: string; agency_code: string; reason: string; created_at: string }>();
      return c.json({
        today,
        periods: results.map((p) => ({
          ...periodJson(p, today),
          own: null,
          reopenings: reopenings
            .filter((r) => r.period_code === p.code)
            .map((r) => ({ agency: r.agency_code, reason: r.reason, reopenedAt: r.created_at })),
        })),
      });
    }
    // An agency also sees its own report per period, and any reopening for it.
    const [mine, reopened] = await Promise.all([
      db
        .prepare(
          `SELECT s.period_code, s.version, s.received_at, s.id,
                  (SELECT MIN(received_at) FROM submissions f WHERE f.agency_code = s.agency_code AND f.period_code = s.period_code) AS first_received_at,
                  (SELECT state FROM reviews r WHERE r.submission_id = s.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1) AS review_state,
                  (SELECT comment FROM reviews r WHERE r.submission_id = s.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1) AS review_comment
           FROM submissions s
           WHERE s.agency_code = ?1 AND s.version = (SELECT MAX(version) FROM submissions m
             WHERE m.agency_code = s.agency_code AND m.period_code = s.period_code)`,
        )
        .bind(principal.agencyCode)
        .all<{
          period_code: string;
          version: number;
          received_at: string;
          first_received_at: string;
          review_state: string | null;
          review_comment: string | null;
        }>(),
      db
        .prepare('SELECT period_code, reason FROM period_reopenings WHERE agency_code = ?')
        .bind(principal.agencyCode)
        .all<{ period_code: string; reason: string }>(),
    ]);
    const byPeriod = new Map(mine.results.map((r) => [r.period_code, r]));
    const reopenedFor = new Map(reopened.results.map((r) => [r.period_code, r.reason]));
    return c.json({
      today,
      periods: results.map((p) => {
        const s = byPeriod.get(p.code);
        return {
          ...periodJson(p, today),
          own: {
            submitted: !!s,
            status: timeliness(p, s?.first_received_at),
            latestVersion: s?.version ?? null,
            latestReceivedAt: s?.received_at ?? null,
            reviewState: s ? reviewState(s) : null,
            /** The coordinator's comment when the report was returned for correction. */
            returnedComment: s?.review_state === 'returned' ? s.review_comment : null,
            reopened: reopenedFor.has(p.code),
            reopenReason: reopenedFor.get(p.code) ?? null,
          },
        };
      }),
    });
  })

  .patch('/:period', requireCoordinator, limitBody, jsonBody(PeriodPatchSchema), async (c) => {
    const db = c.env.DB;
    const now = c.get('now');
    const period = await findPeriod(db, c.req.param('period'));
    const patch = c.req.valid('json');
    const next = {
      due: patch.due ?? period.due,
      grace_days: patch.graceDays ?? period.grace_days,
      locked: patch.locked === undefined ? period.locked : patch.locked ? 1 : 0,
    };
    // A reason belongs to a lock: kept while locked, dropped on unlock.
    const lockReason = next.locked ? (patch.lockReason ?? period.lock_reason) : null;
    if (next.due < period.cutoff_to) {
      throw new ApiError(
        'INVALID_REQUEST',
        {
          vi: `Hạn nộp không được trước ngày chốt số liệu (${period.cutoff_to}).`,
          en: `The due date cannot be before the data cut-off (${period.cutoff_to}).`,
        },
        { issues: [{ field: 'due', message: 'before the cut-off' }] },
      );
    }
    await db.batch([
      db
        .prepare(
          'UPDATE periods SET due = ?, grace_days = ?, locked = ?, lock_reason = ?, updated_at = ? WHERE code = ?',
        )
        .bind(next.due, next.grace_days, next.locked, lockReason, now, period.code),
      auditStatement(db, now, c.get('principal'), 'period.update', period.code, {
        before: period,
        patch,
      }),
    ]);
    const updated = await findPeriod(db, period.code);
    return c.json(periodJson(updated, vnToday(new Date(now))));
  })

  .post(
    '/:period/reopenings',
    requireCoordinator,
    limitBody,
    jsonBody(ReopenRequestSchema),
    async (c) => {
      const db = c.env.DB;
      const now = c.get('now');
      const period = await findPeriod(db, c.req.param('period'));
      const body = c.req.valid('json');
      const agency = await findAgency(db, body.agency);
      const principal = c.get('principal');
      await db.batch([
        db
          .prepare(
            `INSERT INTO period_reopenings (period_code, agency_code, reason, created_at, created_by)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (period_code, agency_code) DO UPDATE SET reason = excluded.reason,
             created_at = excluded.created_at, created_by = excluded.created_by`,
          )
          .bind(period.code, agency.code, body.reason, now, principal.label),
        auditStatement(db, now, principal, 'period.reopen', `${agency.code}/${period.code}`, {
          reason: body.reason,
        }),
      ]);
      return c.json(
        { period: period.code, agency: agency.code, reason: body.reason, reopenedAt: now },
        201,
      );
    },
  )

  .delete('/:period/reopenings/:agency', requireCoordinator, async (c) => {
    const db = c.env.DB;
    const now = c.get('now');
    const period = await findPeriod(db, c.req.param('period'));
    const agency = await findAgency(db, c.req.param('agency'));
    const existing = await db
      .prepare('SELECT 1 AS x FROM period_reopenings WHERE period_code = ? AND agency_code = ?')
      .bind(period.code, agency.code)
      .first();
    if (!existing) {
      throw new ApiError('NOT_FOUND', {
        vi: `Kỳ ${period.code} chưa mở lại cho ${agency.code}.`,
        en: `${period.code} is not reopened for ${agency.code}.`,
      });
    }
    await db.batch([
      db
        .prepare('DELETE FROM period_reopenings WHERE period_code = ? AND agency_code = ?')
        .bind(period.code, agency.code),
      auditStatement(
        db,
        now,
        c.get('principal'),
        'period.close-reopening',
        `${agency.code}/${period.code}`,
      ),
    ]);
    return c.json({ period: period.code, agency: agency.code, reopened: false });
  });
