// The coordinator's review of an agency's report: accept, return with a
// comment and notes on the agency's own tasks, or reopen an accepted report;
// and the cell-by-cell changes between two versions (what the agency
// corrected since a return, or since its previous period).
import { Hono } from 'hono';
import { scheduledPeriods } from '../../../shared/periods/index.ts';
import { diffSubmissions } from '../../../shared/submission/diff.ts';
import type { Submission } from '../../../shared/submission/schema.ts';
import type { ReviewOutcome } from '../../../shared/vocabulary/index.ts';
import { addReview, type ReviewNote } from '../db/reviews.ts';
import {
  acceptedOrLatest,
  findVersion,
  history,
  reviewState,
  type SubmissionRow,
} from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { agencyNamed, periodNamed } from '../lib/names.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';
import { plan } from '../plan.ts';
import { ReviewRequestSchema } from '../schemas.ts';
import { agencyOr404, periodOr404, readableReport } from './lookups.ts';

const OUTCOME = {
  accept: 'accepted',
  return: 'returned',
  reopen: 'reopened',
} as const satisfies Record<string, ReviewOutcome>;

const TASK_ORDER = plan.tasks.map((t) => t.id);

export const reviews = new Hono<AppEnv>()
  .post(
    '/:period/submissions/:agency/review',
    requireCoordinator,
    limitBody,
    jsonBody(ReviewRequestSchema),
    async (c) => {
      const db = c.env.DB;
      const principal = c.get('principal');
      const period = await periodOr404(db, c.req.param('period'));
      const agency = await agencyOr404(db, c.req.param('agency'));
      const body = c.req.valid('json');
      const notes = notesFor(agency, body.notes ?? []);
      const target = await findVersion(db, agency.code, period.code, body.version);
      if (!target) throw noVersion(agency, period.code, body.version);
      const state = OUTCOME[body.action];
      const comment = body.comment || null; // '' after trimming is no comment
      const { id, reviewedAt } = await addReview(
        db,
        { submission: target, state, comment, notes },
        principal,
      );
      return c.json(
        {
          id,
          submissionId: target.id,
          version: target.version,
          state,
          comment,
          notes,
          reviewer: principal.label,
          reviewedAt,
        },
        201,
      );
    },
  )

  .get('/:period/submissions/:agency/diff', async (c) => {
    const db = c.env.DB;
    const { period, agency } = await readableReport(
      db,
      c.get('principal'),
      c.req.param('period'),
      c.req.param('agency'),
    );
    const fromParam = c.req.query('from');
    const from = fromParam === 'previous-period' ? fromParam : versionParam('from', fromParam);
    const to = versionParam('to', c.req.query('to'));

    const versions = await history(db, agency.code, period.code); // newest first
    const toRow = to === undefined ? versions[0] : versions.find((v) => v.version === to);
    if (!toRow) throw noVersion(agency, period.code, to);

    let fromRow: SubmissionRow | null;
    if (from === 'previous-period') {
      const previous = previousScheduledPeriod(period.cutoff_to);
      fromRow = previous ? await acceptedOrLatest(db, agency.code, previous) : null;
      if (!fromRow) {
        throw new ApiError('NOT_FOUND', {
          vi: `${agencyNamed(agency)} chưa có báo cáo cho kỳ trước kỳ ${periodNamed(period.code).vi}${previous ? `: ${periodNamed(previous).vi}` : ''}.`,
          en: `${agencyNamed(agency)} has no report for the period before ${periodNamed(period.code).en}${previous ? `: ${periodNamed(previous).en}` : ''}.`,
        });
      }
    } else if (from !== undefined) {
      fromRow = versions.find((v) => v.version === from) ?? null;
      if (!fromRow) throw noVersion(agency, period.code, from);
    } else {
      // The version the coordinator last sent back, else the one just before.
      const earlier = versions.filter((v) => v.version < toRow.version);
      fromRow =
        earlier.find((v) => reviewState(v) === 'returned') ??
        earlier.find((v) => v.version === toRow.version - 1) ??
        null;
    }

    const payload = (row: SubmissionRow | null) =>
      row ? (JSON.parse(row.payload) as Submission) : null;
    return c.json({
      period: period.code,
      agency: agency.code,
      from: fromRow ? { period: fromRow.period_code, version: fromRow.version } : null,
      to: { period: toRow.period_code, version: toRow.version },
      changes: diffSubmissions(payload(fromRow), payload(toRow), TASK_ORDER),
    });
  });

/**
 * The notes as stored (field null when absent), each task checked against
 * the agency's tasks in the plan: INVALID_REQUEST naming `notes.<i>.taskId`.
 */
function notesFor(
  agency: { code: string; name: string },
  notes: readonly { taskId: string; field?: ReviewNote['field']; text: string }[],
): ReviewNote[] {
  const own = new Set(plan.tasksFor(agency.code).map((a) => a.task.id));
  const issues = notes.flatMap((n, i) =>
    own.has(n.taskId)
      ? []
      : [
          {
            field: `notes.${i}.taskId`,
            message: `Task ${n.taskId} is not one of ${agency.code}'s tasks`,
          },
        ],
  );
  if (issues.length) {
    const fields = issues.map((i) => i.field).join(', ');
    throw new ApiError(
      'INVALID_REQUEST',
      {
        vi: `Ghi chú nêu nhiệm vụ không thuộc ${agencyNamed(agency)}: ${fields}.`,
        en: `Notes name tasks that are not ${agencyNamed(agency)}'s: ${fields}.`,
      },
      { issues },
    );
  }
  return notes.map((n) => ({ taskId: n.taskId, field: n.field ?? null, text: n.text }));
}

/** A version number from the query (absent: undefined), or INVALID_REQUEST naming the parameter. */
function versionParam(name: 'from' | 'to', value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^[1-9]\d{0,8}$/.test(value)) return Number(value);
  const also = name === 'from' ? ' or “previous-period”' : '';
  throw new ApiError(
    'INVALID_REQUEST',
    {
      vi: `Tham số ${name} phải là số phiên bản (1, 2, …)${also ? ' hoặc “previous-period”' : ''}.`,
      en: `The ${name} parameter must be a version number (1, 2, …)${also}.`,
    },
    { issues: [{ field: name, message: `must be a version number${also}` }] },
  );
}

/**
 * The scheduled period (shared/periods: Q1, H1, Q3, Y by default) whose
 * cut-off window ends last before this period's ends: 2026-H1 → 2026-Q1,
 * 2026-Q1 → 2025-Y; undefined before the first.
 */
function previousScheduledPeriod(cutoffTo: string): string | undefined {
  return scheduledPeriods()
    .filter((p) => p.cutoff.to < cutoffTo)
    .sort((a, b) => (a.cutoff.to < b.cutoff.to ? -1 : a.cutoff.to > b.cutoff.to ? 1 : 0))
    .at(-1)?.code;
}

function noVersion(
  agency: { code: string; name: string },
  period: string,
  version: number | undefined,
): ApiError {
  const a = agencyNamed(agency);
  const p = periodNamed(period);
  return new ApiError('NOT_FOUND', {
    vi: `${a} chưa có báo cáo${version ? ` phiên bản ${version}` : ''} cho kỳ ${p.vi}.`,
    en: `${a} has no report${version ? ` version ${version}` : ''} for ${p.en}.`,
  });
}
