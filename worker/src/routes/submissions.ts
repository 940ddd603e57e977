// Submissions for a period: submit (any key, for its own agency), read the
// completeness of a period (coordinator), one agency's history (itself or the
// coordinator), and review (coordinator).
import { Hono } from 'hono';
import { submissionToGrid } from '../../../shared/submission/to-grid.ts';
import { validate } from '../../../shared/validate/index.ts';
import { addReview } from '../db/reviews.ts';
import { storeSubmission } from '../db/store-submission.ts';
import { findVersion, history, reviewState } from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { loadCompleteness } from '../lib/completeness.ts';
import { deadlineOf } from '../lib/timeliness.ts';
import { assertCanRead, requireCoordinator } from '../middleware/auth.ts';
import { idempotencyKeyOf } from '../middleware/idempotency-key.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';
import { plan } from '../plan.ts';
import { ReviewRequestSchema, SubmissionRequestSchema } from '../schemas.ts';
import { agencyOr404, periodOr404 } from './lookups.ts';
import { receipt, storedAnswer } from './receipts.ts';

export const submissions = new Hono<AppEnv>()
  .post('/:period/submissions', limitBody, jsonBody(SubmissionRequestSchema), async (c) => {
    const db = c.env.DB;
    const principal = c.get('principal');
    const now = c.get('now');
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
      throw new ApiError('FORBIDDEN', {
        vi: `Khóa này chỉ gửi được báo cáo của ${principal.agencyCode}.`,
        en: `This key can only submit reports for ${principal.agencyCode}.`,
      });
    }
    const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'));

    // The same validate() the add-in runs, on the sheet this Submission draws.
    const checked = validate(
      { values: submissionToGrid(plan, body) },
      { plan, agency: principal.agencyCode, period: period.code },
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
      source: c.req.header('x-source') === 'upload' ? 'upload' : 'api',
      now,
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
    const principal = c.get('principal');
    const agencyCode = c.req.param('agency');
    assertCanRead(principal, agencyCode);
    const period = await periodOr404(db, c.req.param('period'));
    const agency = await agencyOr404(db, agencyCode);
    const versions = await history(db, agency.code, period.code);
    return c.json({
      period: period.code,
      agency: { code: agency.code, name: agency.name },
      versions: versions.map((v) => ({
        ...receipt(v),
        reviewState: reviewState(v),
        reviewComment: v.review_comment ?? null,
        reviewedAt: v.reviewed_at ?? null,
        submission: JSON.parse(v.payload) as unknown,
      })),
    });
  })

  .post(
    '/:period/submissions/:agency/review',
    requireCoordinator,
    limitBody,
    jsonBody(ReviewRequestSchema),
    async (c) => {
      const db = c.env.DB;
      const principal = c.get('principal');
      const now = c.get('now');
      const period = await periodOr404(db, c.req.param('period'));
      const agency = await agencyOr404(db, c.req.param('agency'));
      const body = c.req.valid('json');
      const target = await findVersion(db, agency.code, period.code, body.version);
      if (!target) {
        throw new ApiError('NOT_FOUND', {
          vi: `${agency.code} chưa có báo cáo${body.version ? ` phiên bản ${body.version}` : ''} cho kỳ ${period.code}.`,
          en: `${agency.code} has no report${body.version ? ` version ${body.version}` : ''} for ${period.code}.`,
        });
      }
      const state = body.action === 'accept' ? 'accepted' : 'returned';
      const comment = body.comment || null; // '' after trimming is no comment
      const { id } = await addReview(db, { submission: target, state, comment }, principal, now);
      return c.json(
        {
          id,
          submissionId: target.id,
          version: target.version,
          state,
          comment: comment,
          reviewedAt: now,
        },
        201,
      );
    },
  );
