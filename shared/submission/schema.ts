// What an agency submits for a period: the validator's typed output, the
// Worker's request body, and what D1 stores.
import * as z from 'zod';
import { STATUS_CODES, TEXT_LIMITS } from '../layout/columns.ts';
import { AgencyCodeSchema, TaskIdSchema } from '../plan/schema.ts';
import { text } from '../text/schema.ts';
import { MAX_SUBMISSION_ROWS } from './limits.ts';

export { MAX_SUBMISSION_ROWS };

export const SubmissionRowSchema = z.object({
  taskId: TaskIdSchema,
  role: z.enum(['lead', 'coordinating']),
  status: z.enum(STATUS_CODES),
  /** 0–100, or null where the status needs none (not started, regular work). */
  percent: z.number().min(0).max(100).nullable(),
  result: text().max(TEXT_LIMITS.result),
  completedProducts: text().max(TEXT_LIMITS.completedProducts),
  difficulties: text().max(TEXT_LIMITS.difficulties),
  proposals: text().max(TEXT_LIMITS.proposals),
});

export const SubmissionSchema = z.object({
  planId: text().min(1).max(40),
  agencyCode: AgencyCodeSchema,
  periodCode: z.string().regex(/^\d{4}-(?:Q[1-4]|H[12]|M9|Y)$/),
  layoutVersion: z.number().int().positive(),
  rows: z.array(SubmissionRowSchema).max(MAX_SUBMISSION_ROWS),
});

export type SubmissionRow = z.infer<typeof SubmissionRowSchema>;
export type Submission = z.infer<typeof SubmissionSchema>;
