// The multipart/form-data body of an .xlsx upload (POST …/uploads): the
// size limit, checked before the body is read, and the form's fields (the
// file in `file`, an optional `submittedBy`). Every failure is the API's own
// error, before anything is read from the file.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { viNumber } from '../../../shared/text/vi-format.ts';
import { MiB } from '../../../shared/workbook/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { SubmissionRequestSchema } from '../schemas.ts';

export const DEFAULT_MAX_UPLOAD_BYTES = 2 * MiB;
/** Room for the multipart boundaries and part headers around the file. */
const MULTIPART_SLACK = 64 * 1024;
const SubmittedBySchema = SubmissionRequestSchema.shape.submittedBy.unwrap();
const SUBMITTED_BY_MAX = SubmittedBySchema.maxLength;

/** The largest accepted file, in bytes: MAX_UPLOAD_BYTES or 2 MiB. */
export const maxUploadBytes = (env: AppEnv['Bindings']) =>
  Number(env.MAX_UPLOAD_BYTES) || DEFAULT_MAX_UPLOAD_BYTES;

/** Refuses request bodies clearly larger than the file limit before reading them. */
export const limitUpload: MiddlewareHandler<AppEnv> = (c, next) =>
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
export async function readUploadForm(req: Request): Promise<{ file: File; submittedBy?: string }> {
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
  // The JSON body's schema, so the name is stored NFC either way. A lone
  // surrogate cannot arrive here: form fields are decoded as USVStrings.
  const submittedBy = SubmittedBySchema.safeParse(by);
  if (!submittedBy.success) {
    throw invalidField(
      'submittedBy',
      `submittedBy phải là chữ, 1–${SUBMITTED_BY_MAX} ký tự.`,
      `submittedBy must be text of 1–${SUBMITTED_BY_MAX} characters.`,
    );
  }
  return { file, submittedBy: submittedBy.data };
}
