// Request and response schemas of the API. Built from shared/ schemas, so the
// Worker accepts exactly what the add-in produces; also the source of the
// OpenAPI document.
import * as z from 'zod';
import { FILL_KEYS } from '../../shared/layout/columns.ts';
import { looksLikeMetadata, META_PREFIX } from '../../shared/layout/metadata.ts';
import { IsoDateSchema } from '../../shared/periods/index.ts';
import { AgencyCodeSchema, TaskIdSchema } from '../../shared/plan/index.ts';
import { SubmissionSchema } from '../../shared/submission/schema.ts';
import { INVISIBLE_OR_CONTROL } from '../../shared/text/one-line.ts';
import { text } from '../../shared/text/schema.ts';

export const SubmissionRequestSchema = SubmissionSchema.extend({
  /** Who pressed "Gửi báo cáo"; defaults to the key's label. */
  submittedBy: text().trim().min(1).max(120).optional(),
});

/** A coordinator's note on one task (or one of its cells) of a returned report. */
export const ReviewNoteSchema = z.strictObject({
  taskId: TaskIdSchema,
  /** The cell's column; absent: the task's row as a whole. */
  field: z.enum(FILL_KEYS).optional(),
  text: text().trim().min(1).max(1000),
});

export const ReviewRequestSchema = z
  .object({
    action: z.enum(['accept', 'return', 'reopen']),
    /** Required to return (what to correct) and to reopen (why). */
    comment: text().trim().max(2000).optional(),
    /** The version reviewed; the latest when omitted. */
    version: z.number().int().positive().optional(),
    /** With a return only: notes on the agency's own tasks (the route checks the task ids). */
    notes: z.array(ReviewNoteSchema).max(200).optional(),
  })
  .refine((r) => r.action !== 'return' || (r.comment?.length ?? 0) > 0, {
    path: ['comment'],
    message: 'A comment is required when returning a report for correction',
  })
  .refine((r) => r.action !== 'reopen' || (r.comment?.length ?? 0) > 0, {
    path: ['comment'],
    message: 'A reason (comment) is required to reopen an accepted report',
  })
  .refine((r) => r.action === 'return' || r.notes === undefined, {
    path: ['notes'],
    message: 'Notes go with a return only',
  });

export const PeriodPatchSchema = z
  .object({
    due: IsoDateSchema.optional(),
    graceDays: z.number().int().min(0).max(365).optional(),
    locked: z.boolean().optional(),
    lockReason: text().trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((p) => p.locked !== true || !!p.lockReason, {
    path: ['lockReason'],
    message: 'A reason is required to lock a period',
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change' });

export const ReopenRequestSchema = z.object({
  agency: AgencyCodeSchema,
  reason: text().trim().min(1).max(500),
});

export const KeyRequestSchema = z.object({
  agency: AgencyCodeSchema,
  role: z.enum(['agency', 'coordinator']).default('agency'),
  label: text().trim().min(1).max(120).optional(),
});

/** A name is one line of visible text (shared/text/one-line.ts). */
const oneLine = {
  error:
    'Tên không được chứa ký tự điều khiển hay ký tự ẩn / A name may not hold control or invisible characters',
};

/**
 * A name is printed on the agency's progress sheet (its title): it may not
 * read as the sheet's metadata cell (shared/layout/metadata.ts), which says
 * whose template the sheet is. The reader prefers the exact cell anyway;
 * this keeps new names from even looking like it.
 */
const notMetadata = {
  error:
    'Tên không được giống ô mã mẫu biểu (“plan=… layout=…”) / A name may not look like the template code cell (“plan=… layout=…”)',
};
const readsAsMetadata = (s: string) => s.includes(META_PREFIX) || looksLikeMetadata(s);

export const AgencyPatchSchema = z
  .object({
    name: text()
      .trim()
      .min(1)
      .max(200)
      .refine((s) => !INVISIBLE_OR_CONTROL.test(s), oneLine)
      .refine((s) => !readsAsMetadata(s), notMetadata)
      .optional(),
    shortName: text()
      .trim()
      .min(1)
      .max(40)
      .refine((s) => !INVISIBLE_OR_CONTROL.test(s), oneLine)
      .refine((s) => !readsAsMetadata(s), notMetadata)
      .optional(),
  })
  .strict()
  .refine((p) => p.name || p.shortName, { message: 'Nothing to change' });

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ vi: z.string(), en: z.string() }),
    details: z
      .unknown()
      .optional()
      .describe(
        'What the error concerns: findings (422), issues (400: field, message) or the conflicting values (409). Each list holds at most 100 items; omitted counts the items left out',
      ),
  }),
});
