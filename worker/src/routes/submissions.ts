// Submissions for a period: submit (any key, for its own agency), read the
// completeness of a period (coordinator), and one agency's history with its
// reviews (itself or the coordinator). Reviewing is routes/reviews.ts.
import { Hono } from 'hono';
import { submissionToGrid } from '../../../shared/submission/to-grid.ts';
import { validate } from '../../../shared/validate/index.ts';
import { findAgency } from '../db/agencies.ts';
import { reviewsOfReport } from '../db/reviews.ts';
import { storeSubmission } from '../db/store-submission.ts';
import { history, reviewState } from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { previousReport } from '../lib/carry-forward.ts';
import { loadCompleteness } from '../lib/completeness.ts';
import { agencyNamed } from '../lib/names.ts';
import { checkTaskRoles } from '../lib/task-roles.ts';
import { deadlineOf } from '../lib/timeliness.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { idempotencyKeyOf } from '../middleware/idempotency-key.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';
import { plan } from '../plan.ts';
import { SubmissionRequestSchema } from '../schemas.ts';
import { periodOr404, readableReport } from './lookups.ts';
import { receipt, storedAnswer } from './receipts.ts';

export const submissions = new Hono<AppEnv>()
  .post('/:period/submissions', limitBody, jsonBody(SubmissionRequestSchema), async (c) => {
    const db = c.env.DB;
    const principal = c.get('principal');
    const period = await periodOr404(db, c.req.param('period'));
    const { submittedBy, ...body } = c.req.valid('json');

    if (body.periodCode !== period.code) {
      throw new ApiError(
        'INVALID_REQUEST',
        {
          vi: `periodCode “${body.periodCode}” khác kỳ trong địa chỉ (${period.code}).`,
          en: `periodCode “${body.periodCode}” differs from the period in the URL (${period.code}).`,
        },
        { issues: [{ field: 'periodCode', message: 'must match the URL' }] },
      );
    }
    if (body.agencyCode !== principal.agencyCode) {
      const named = async (code: string) => agencyNamed((await findAgency(db, code)) ?? { code });
      const own = await named(principal.agencyCode);
      const other = await named(body.agencyCode);
      throw new ApiError('FORBIDDEN', {
        vi: `Khóa này chỉ gửi được báo cáo của ${own}, không phải của ${other}.`,
        en: `This key can only submit reports for ${own}, not for ${other}.`,
      });
    }
    checkTaskRoles(plan, principal.agencyCode, body.rows);
    const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'));

    // The same validate() the add-in runs, on the sheet this Submission draws.
    const previous = await previousReport(db, plan, principal.agencyCode, period.code);
    const checked = validate(
      { values: submissionToGrid(plan, body) },
      { plan, agency: principal.agencyCode, period: period.code, previous },
    );
    if (!checked.submission) {
      throw new ApiError('VALIDATION_FAILED', undefined, { findings: checked.findings });
    }
    const stored = await storeSubmission(db, {
      actor: principal,
      period,
      submission: checked.submission,
      warnings: checked.findings.filter((f) => f.severity === 'warning'),
      idempotencyKey,
      submittedBy,
      // The route decides the source, never a header: this is the JSON route.
      source: 'api',
    });
    const { status, body: answer } = storedAnswer(stored);
    return c.json(answer, status);
  })

  .get('/:period/submissions', requireCoordinator, async (c) => {
    const db = c.env.DB;
    const period = await periodOr404(db, c.req.param('period'));
    const { rows, totals } = await loadCompleteness(db, period, c.get('now'));
    return c.json({
      period: {
        code: period.code,
        due: period.due,
        graceDays: period.grace_days,
        deadline: deadlineOf(period),
      },
      totals,
      agencies: rows,
    });
  })

  .get('/:period/submissions/:agency', async (c) => {
    const db = c.env.DB;
    const { period, agency } = await readableReport(
      db,
      c.get('principal'),
      c.req.param('period'),
      c.req.param('agency'),
    );
    const versions = await history(db, agency.code, period.code);
    const reviewed = await reviewsOfReport(db, agency.code, period.code);
    return c.json({
      period: period.code,
      agency: { code: agency.code, name: agency.name },
      versions: versions.map((v) => {
        const reviews = reviewed.get(v.id) ?? [];
        return {
          ...receipt(v),
          reviewState: reviewState(v),
          reviewComment: v.review_comment ?? null,
          reviewedAt: v.reviewed_at ?? null,
          reviews,
          // What the agency is asked to correct: the notes of the latest return.
          notes: reviews.findLast((r) => r.state === 'returned')?.notes ?? [],
          submission: JSON.parse(v.payload) as unknown,
        };
      }),
    });
  });
