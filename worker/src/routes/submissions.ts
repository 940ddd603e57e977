// Submissions for a period: submit (any key, for its own agency), read the
// completeness of a period (coordinator), one agency's history (itself or the
// coordinator), and review (coordinator).
import { Hono } from 'hono';
import { submissionToGrid } from '../../../shared/submission/to-grid.ts';
import { validate } from '../../../shared/validate/index.ts';
import { findAgency } from '../db/agencies.ts';
import { auditStatement } from '../db/audit.ts';
import { loadCompleteness } from '../db/completeness.ts';
import { findPeriod, isReopenedFor } from '../db/periods.ts';
import {
  auditSubmissionStatement,
  findById,
  findByIdempotencyKey,
  findLatestWithContent,
  history,
  insertSubmissionStatement,
  receipt,
  rememberIdempotencyKeyStatement,
  reviewState,
} from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { canonicalJson, sha256Hex } from '../lib/hash.ts';
import { deadlineOf } from '../lib/timeliness.ts';
import { assertCanRead, requireCoordinator } from '../middleware/auth.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';
import { plan } from '../plan.ts';
import { ReviewRequestSchema, SubmissionRequestSchema } from '../schemas.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export const submissions = new Hono<AppEnv>()
  .post('/:period/submissions', limitBody, jsonBody(SubmissionRequestSchema), async (c) => {
    const db = c.env.DB;
    const principal = c.get('principal');
    const now = c.get('now');
    const period = await findPeriod(db, c.req.param('period'));
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
    const idempotencyKey = c.req.header('idempotency-key') ?? null;
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ApiError(
        'INVALID_REQUEST',
        {
          vi: 'Idempotency-Key phải gồm 1–200 ký tự ASCII in được.',
          en: 'Idempotency-Key must be 1–200 printable ASCII characters.',
        },
        { issues: [{ field: 'header.Idempotency-Key', message: 'invalid' }] },
      );
    }

    // The same validate() the add-in runs, on the sheet this Submission draws.
    const checked = validate(
      { values: submissionToGrid(plan, body) },
      { plan, agency: principal.agencyCode, period: period.code },
    );
    if (!checked.submission) {
      throw new ApiError('VALIDATION_FAILED', undefined, { findings: checked.findings });
    }
    const payload = canonicalJson(checked.submission);
    const contentHash = await sha256Hex(payload);
    const warnings = checked.findings.filter((f) => f.severity === 'warning');

    // A replayed request gets its first receipt, even after the period was locked.
    if (idempotencyKey) {
      const first = await findByIdempotencyKey(db, principal.agencyCode, idempotencyKey);
      if (first) return replay(first);
    }

    if (period.locked && !(await isReopenedFor(db, period.code, principal.agencyCode))) {
      const reason = period.lock_reason ?? '';
      throw new ApiError('PERIOD_LOCKED', {
        vi: `Kỳ báo cáo ${period.code} đã khóa: ${reason}`,
        en: `Report period ${period.code} is locked: ${reason}`,
      });
    }

    const id = crypto.randomUUID();
    const actor = `${principal.agencyCode}/${principal.keyPrefix}`;
    await db.batch([
      insertSubmissionStatement(db, {
        id,
        agency: principal.agencyCode,
        period: period.code,
        receivedAt: now,
        submittedBy: submittedBy ?? principal.label,
        keyPrefix: principal.keyPrefix,
        contentHash,
        idempotencyKey,
        source: c.req.header('x-source') === 'upload' ? 'upload' : 'api',
        payload,
        warnings: JSON.stringify(warnings),
      }),
      auditSubmissionStatement(db, id, now, actor),
      ...(idempotencyKey
        ? [
            rememberIdempotencyKeyStatement(db, {
              agency: principal.agencyCode,
              period: period.code,
              key: idempotencyKey,
              contentHash,
              requestId: id,
              at: now,
            }),
          ]
        : []),
    ]);
    const stored = await findById(db, id);
    if (stored) return c.json({ ...receipt(stored), unchanged: false, replayed: false }, 201);

    // Not stored: a concurrent request with the same idempotency key won, or
    // the latest version already has exactly this content.
    if (idempotencyKey) {
      const first = await findByIdempotencyKey(db, principal.agencyCode, idempotencyKey);
      // This request remembered the key itself: its answer is "unchanged", below.
      if (first && first.key_request !== id) return replay(first);
    }
    // Looked up by content, not as the latest version: a concurrent request
    // may have added a different version since the INSERT was skipped.
    const same = await findLatestWithContent(db, principal.agencyCode, period.code, contentHash);
    if (same) return c.json({ ...receipt(same), unchanged: true, replayed: false }, 200);
    throw new ApiError('INTERNAL');

    function replay(first: NonNullable<Awaited<ReturnType<typeof findByIdempotencyKey>>>) {
      if (first.key_period !== period.code || first.key_hash !== contentHash) {
        throw new ApiError('IDEMPOTENCY_CONFLICT');
      }
      return c.json({ ...receipt(first), unchanged: false, replayed: true }, 200);
    }
  })

  .get('/:period/submissions', requireCoordinator, async (c) => {
    const db = c.env.DB;
    const period = await findPeriod(db, c.req.param('period'));
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
    const period = await findPeriod(db, c.req.param('period'));
    const agency = await findAgency(db, agencyCode);
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
      const period = await findPeriod(db, c.req.param('period'));
      const agency = await findAgency(db, c.req.param('agency'));
      const body = c.req.valid('json');
      const versions = await history(db, agency.code, period.code);
      const target = body.version ? versions.find((v) => v.version === body.version) : versions[0];
      if (!target) {
        throw new ApiError('NOT_FOUND', {
          vi: `${agency.code} chưa có báo cáo${body.version ? ` phiên bản ${body.version}` : ''} cho kỳ ${period.code}.`,
          en: `${agency.code} has no report${body.version ? ` version ${body.version}` : ''} for ${period.code}.`,
        });
      }
      const state = body.action === 'accept' ? 'accepted' : 'returned';
      const comment = body.comment || null; // '' after trimming is no comment
      const id = crypto.randomUUID();
      await db.batch([
        db
          .prepare(
            'INSERT INTO reviews (id, submission_id, state, comment, reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .bind(id, target.id, state, comment, principal.label, now),
        auditStatement(db, now, principal, `submission.${state}`, `${agency.code}/${period.code}`, {
          submission: target.id,
          version: target.version,
          comment: comment,
        }),
      ]);
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
