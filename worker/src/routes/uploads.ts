// A filled .xlsx template uploaded by an agency without the add-in
// (multipart/form-data, the file in field `file`, optional `submittedBy`).
// Any key uploads for its own agency only: the sheet's metadata must name the
// key's agency and the URL's period. The progress sheet is read by the shared
// reader into the grid the add-in would read from Excel, checked by the same
// validate() (findings name the uploaded sheet's cells) and stored through
// the same path as a JSON submission, with source = 'upload'.
import { type Context, Hono } from 'hono';
import { clip } from '../../../shared/text/clip.ts';
import { validate } from '../../../shared/validate/index.ts';
import {
  chooseProgressSheet,
  DEFAULT_LIMITS,
  problemCode,
  problemDetails,
  readWorkbook,
  type WorkbookProblem,
} from '../../../shared/workbook/index.ts';
import { XLSX_MEDIA_TYPE } from '../../../shared/workbook/media-type.ts';
import { agencyNames } from '../db/agencies.ts';
import type { PeriodRow } from '../db/periods.ts';
import { storeSubmission } from '../db/store-submission.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { previousReport } from '../lib/carry-forward.ts';
import { inflateEntries } from '../lib/inflate-entries.ts';
import { namedPlan } from '../lib/named-plan.ts';
import { idempotencyKeyOf } from '../middleware/idempotency-key.ts';
import { limitUpload, maxUploadBytes, readUploadForm } from '../middleware/upload-form.ts';
import { plan } from '../plan.ts';
import { buildAnnotatedWorkbook } from '../reports/annotated.ts';
import { writeXlsxNative } from '../xlsx/writer.ts';
import { periodOr404 } from './lookups.ts';
import { storedAnswer } from './receipts.ts';
import { contentDisposition, periodInfo } from './workbooks.ts';

/** The reader's and the chooser's problems as the API's errors (codes shared with the CLI). */
const problemError = (p: WorkbookProblem) =>
  new ApiError(problemCode(p), p.message, problemDetails(p));

/**
 * The uploaded file read, its progress sheet chosen and checked by the same
 * validate() the add-in runs on the same cells (with the agency's last
 * accepted earlier report, for REGRESSION warnings). Throws the reader's
 * and the chooser's problems as the API's errors.
 */
async function checkUpload(c: Context<AppEnv>, file: File, period: PeriodRow) {
  const db = c.env.DB;
  const principal = c.get('principal');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const limits = { ...DEFAULT_LIMITS, maxBytes: maxUploadBytes(c.env) };
  // The entries inflated natively first; the reader checks and reads them as before.
  const book = readWorkbook(bytes, limits, await inflateEntries(bytes, limits));
  if (!book.ok) throw problemError(book.problem);
  const chosen = chooseProgressSheet(book, {
    agency: principal.agencyCode,
    period: period.code,
    agencyNames: await agencyNames(db),
  });
  if (!chosen.ok) throw problemError(chosen.problem);
  const previous = await previousReport(db, plan, principal.agencyCode, period.code);
  const checked = validate(chosen.sheet.grid, {
    plan,
    agency: principal.agencyCode,
    period: period.code,
    previous,
  });
  return { sheet: chosen.sheet, checked };
}

export const uploads = new Hono<AppEnv>()
  .post('/:period/uploads', limitUpload, async (c) => {
    const db = c.env.DB;
    const principal = c.get('principal');
    const period = await periodOr404(db, c.req.param('period'));
    const { file, submittedBy } = await readUploadForm(c.req.raw);
    const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'));
    const { sheet, checked } = await checkUpload(c, file, period);
    const { identity } = sheet;
    if (!checked.submission) {
      throw new ApiError('VALIDATION_FAILED', undefined, {
        sheet: clip(identity.sheet),
        findings: checked.findings,
      });
    }
    const stored = await storeSubmission(db, {
      actor: principal,
      period,
      submission: checked.submission,
      warnings: checked.findings.filter((f) => f.severity === 'warning'),
      idempotencyKey,
      submittedBy,
      source: 'upload',
    });
    const { status, body } = storedAnswer(stored);
    return c.json({ ...body, sheet: identity.sheet }, status);
  })

  // The same check, nothing stored: the clerk's values on a fresh template
  // with each finding's cell coloured and noted (reports/annotated.ts).
  .post('/:period/uploads/annotated', limitUpload, async (c) => {
    const db = c.env.DB;
    const principal = c.get('principal');
    const period = await periodOr404(db, c.req.param('period'));
    const { file } = await readUploadForm(c.req.raw);
    const { sheet, checked } = await checkUpload(c, file, period);
    const workbook = buildAnnotatedWorkbook(
      await namedPlan(db),
      principal.agencyCode,
      periodInfo(period),
      sheet.grid,
      checked.findings,
    );
    const bytes = await writeXlsxNative(workbook, { modified: c.get('now') });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': XLSX_MEDIA_TYPE,
      'Content-Disposition': contentDisposition(
        `Danh-dau-${principal.agencyCode}-${period.code}.xlsx`,
        `Đánh dấu ${principal.agencyCode} ${period.code}.xlsx`,
      ),
      'X-Findings': `errors=${checked.errors}; warnings=${checked.warnings}`,
    });
  });
