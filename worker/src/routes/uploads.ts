// A filled .xlsx template uploaded by an agency without the add-in
// (multipart/form-data, the file in field `file`, optional `submittedBy`).
// Any key uploads for its own agency only: the sheet's metadata must name the
// key's agency and the URL's period. The progress sheet is read by the shared
// reader into the grid the add-in would read from Excel, checked by the same
// validate() (findings name the uploaded sheet's cells) and stored through
// the same path as a JSON submission, with source = 'upload'.
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { viNumber } from '../../../shared/text/vi-format.ts';
import { validate } from '../../../shared/validate/index.ts';
import {
  chooseProgressSheet,
  MiB,
  problemCode,
  problemDetails,
  readWorkbook,
  type WorkbookProblem,
} from '../../../shared/workbook/index.ts';
import { storeSubmission } from '../db/store-submission.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { idempotencyKeyOf } from '../middleware/idempotency-key.ts';
import { plan } from '../plan.ts';
import { periodOr404 } from './lookups.ts';
import { storedAnswer } from './receipts.ts';

export const DEFAULT_MAX_UPLOAD_BYTES = 2 * MiB;
/** Room for the multipart boundaries and part headers around the file. */
const MULTIPART_SLACK = 64 * 1024;
const SUBMITTED_BY_MAX = 120; // as SubmissionRequestSchema

const maxUploadBytes = (env: AppEnv['Bindings']) =>
  Number(env.MAX_UPLOAD_BYTES) || DEFAULT_MAX_UPLOAD_BYTES;

/** Refuses request bodies clearly larger than the file limit before reading them. */
const limitUpload: MiddlewareHandler<AppEnv> = (c, next) =>
  bodyLimit({
    maxSize: maxUploadBytes(c.env) + MULTIPART_SLACK,
    onError: (c) => {
      throw new ApiError('PAYLOAD_TOO_LARGE', tooLargeMessage(c.env));
    },
  })(c, next);

function tooLargeMessage(env: AppEnv['Bindings']) {
  const mb = maxUploadBytes(env) / MiB;
  return {
    vi: `Tệp tải lên quá lớn; giới hạn là ${viNumber(mb, 1)} MB.`,
    en: `The uploaded file is too large; the limit is ${mb.toFixed(1)} MB.`,
  };
}

const invalidField = (field: string, vi: string, en: string) =>
  new ApiError('INVALID_REQUEST', { vi, en }, { issues: [{ field, message: en }] });

/** The file and the optional submittedBy of a multipart/form-data body. */
async function readForm(req: Request): Promise<{ file: File; submittedBy?: string }> {
  const mediaType = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'multipart/form-data') {
    throw new ApiError('UNSUPPORTED_CONTENT_TYPE', {
      vi: 'Tệp phải gửi dạng multipart/form-data, trong trường “file”.',
      en: 'The file must be sent as multipart/form-data, in the field “file”.',
    });
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new ApiError('INVALID_REQUEST', {
      vi: 'Nội dung gửi lên không phải multipart/form-data hợp lệ.',
      en: 'The request body is not valid multipart/form-data.',
    });
  }
  const files = form.getAll('file');
  const [file] = files;
  if (files.length !== 1 || !(file instanceof File)) {
    throw invalidField(
      'file',
      files.length > 1
        ? 'Chỉ gửi một tệp trong trường “file”.'
        : 'Thiếu tệp: hãy gửi tệp .xlsx trong trường “file”.',
      files.length > 1
        ? 'Send exactly one file in the field “file”.'
        : 'No file: send the .xlsx file in the field “file”.',
    );
  }
  const by = form.get('submittedBy');
  if (by === null) return { file };
  const submittedBy = typeof by === 'string' ? by.trim() : '';
  if (!submittedBy || submittedBy.length > SUBMITTED_BY_MAX) {
    throw invalidField(
      'submittedBy',
      `submittedBy phải là chữ, 1–${SUBMITTED_BY_MAX} ký tự.`,
      `submittedBy must be text of 1–${SUBMITTED_BY_MAX} characters.`,
    );
  }
  return { file, submittedBy };
}

/** The reader's and the chooser's problems as the API's errors (codes shared with the CLI). */
const problemError = (p: WorkbookProblem) =>
  new ApiError(problemCode(p), p.message, problemDetails(p));

export const uploads = new Hono<AppEnv>().post('/:period/uploads', limitUpload, async (c) => {
  const db = c.env.DB;
  const principal = c.get('principal');
  const period = await periodOr404(db, c.req.param('period'));
  const { file, submittedBy } = await readForm(c.req.raw);
  const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'));

  const book = readWorkbook(new Uint8Array(await file.arrayBuffer()), {
    maxBytes: maxUploadBytes(c.env),
  });
  if (!book.ok) throw problemError(book.problem);
  const chosen = chooseProgressSheet(book, { agency: principal.agencyCode, period: period.code });
  if (!chosen.ok) throw problemError(chosen.problem);
  const { grid, identity } = chosen.sheet;

  // The same validate() the add-in runs on the same cells.
  const checked = validate(grid, { plan, agency: principal.agencyCode, period: period.code });
  if (!checked.submission) {
    throw new ApiError('VALIDATION_FAILED', undefined, {
      sheet: identity.sheet,
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
    now: c.get('now'),
  });
  const { status, body } = storedAnswer(stored);
  return c.json({ ...body, sheet: identity.sheet }, status);
});
