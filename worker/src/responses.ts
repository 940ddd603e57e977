// The JSON answers of the API's routes, as zod schemas: the source of the
// OpenAPI document's 2xx responses (openapi.ts), and what
// tests/worker/openapi.test.ts parses real answers with, so the document and
// the routes cannot drift apart. Strict objects: a field a route adds
// without documenting it fails that test. Built from shared/ schemas and the
// one vocabulary (shared/vocabulary), never a copy of them.
import * as z from 'zod';
import type { DocumentSettings } from '../../shared/documents/index.ts';
import { FILL_KEYS } from '../../shared/layout/columns.ts';
import { IsoDateSchema } from '../../shared/periods/index.ts';
import {
  AgencyCodeSchema,
  AgencyKindSchema,
  PlanDefinitionSchema,
  TaskIdSchema,
} from '../../shared/plan/index.ts';
import { SubmissionRowSchema, SubmissionSchema } from '../../shared/submission/schema.ts';
import type { Bilingual } from '../../shared/text/bilingual.ts';
import { FINDING_CODES, type Finding } from '../../shared/validate/index.ts';
import { REVIEW_STATES } from '../../shared/vocabulary/index.ts';

const BilingualSchema = z.strictObject({ vi: z.string(), en: z.string() });
/** An instant as the Worker writes it (`new Date().toISOString()`). */
const Instant = z.iso.datetime();
const PeriodCode = SubmissionSchema.shape.periodCode;
const Version = z.number().int().min(1);
const Count = z.number().int().min(0);

const ReviewStateSchema = z.enum(REVIEW_STATES);
/** What one review row records (shared/vocabulary ReviewOutcome). */
const ReviewOutcomeSchema = z.enum(['accepted', 'returned', 'reopened']);
/** shared/vocabulary Timeliness. */
const TimelinessSchema = z.enum(['on-time', 'late', 'missing']);
/** shared/vocabulary KeyRole. */
const KeyRoleSchema = z.enum(['coordinator', 'agency']);
const TaskRoleSchema = SubmissionRowSchema.shape.role;

/** A validator finding (shared/validate `Finding`): its code, severity, cell and message. */
export const FindingSchema = z.strictObject({
  code: z.enum(FINDING_CODES),
  severity: z.enum(['error', 'warning']),
  /** A1 address on the sheet, e.g. "F12". */
  cell: z.string(),
  field: z.string().optional(),
  taskId: z.string().optional(),
  message: BilingualSchema,
});
// The schema and shared/validate's type describe the same object.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const findingIsShared: Same<z.infer<typeof FindingSchema>, Finding> = true;
const bilingualIsShared: Same<z.infer<typeof BilingualSchema>, Bilingual> = true;
void findingIsShared;
void bilingualIsShared;

/** `{ period, version }`: one stored version of a report. */
const VersionRefSchema = z.strictObject({ period: PeriodCode, version: Version });

export const HealthSchema = z.strictObject({ ok: z.literal(true), name: z.string() });

/** The OpenAPI document itself: only its frame is checked here. */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

const TaskAssignmentSchema = z.strictObject({ taskId: TaskIdSchema, role: TaskRoleSchema });

/** GET /api/plan: the plan with the agencies' current names, and each agency's tasks. */
export const PlanAnswerSchema = z.strictObject({
  plan: PlanDefinitionSchema,
  assignments: z.record(AgencyCodeSchema, z.array(TaskAssignmentSchema)),
});

/** An agency of the registry, as D1 holds it. */
export const AgencySchema = z.strictObject({
  code: AgencyCodeSchema,
  name: z.string(),
  shortName: z.string(),
  kind: AgencyKindSchema,
  coordinator: z.boolean(),
  placeholder: z.boolean(),
});

export const MeSchema = z.strictObject({
  role: KeyRoleSchema,
  keyPrefix: z.string(),
  label: z.string(),
  agency: AgencySchema,
  tasks: z.array(TaskAssignmentSchema),
});

export const AgencyListSchema = z.strictObject({
  /** `reports`: the agency has tasks in the plan, so a report is expected from it. */
  agencies: z.array(AgencySchema.extend({ reports: z.boolean() })),
});

/** A report period with its dates and lock. */
export const PeriodSchema = z.strictObject({
  code: PeriodCode,
  year: z.number().int(),
  kind: z.string(),
  scheduled: z.boolean(),
  label: BilingualSchema,
  cutoff: z.strictObject({ from: IsoDateSchema, to: IsoDateSchema }),
  due: IsoDateSchema,
  graceDays: Count,
  deadline: IsoDateSchema,
  /** Days until the due date; negative once it has passed. */
  daysLeft: z.number().int(),
  locked: z.boolean(),
  lockReason: z.string().nullable(),
});

/**
 * A period as GET /api/periods lists it: the key's own report (the
 * coordinator's key: its own office's) and, for the coordinator only, the
 * agencies it is reopened for ([] for an agency key).
 */
const ListedPeriodSchema = PeriodSchema.extend({
  own: z.strictObject({
    submitted: z.boolean(),
    status: TimelinessSchema,
    overdue: z.boolean(),
    latestVersion: Version.nullable(),
    latestReceivedAt: Instant.nullable(),
    reviewState: ReviewStateSchema.nullable(),
    returnedComment: z.string().nullable(),
    reopened: z.boolean(),
    reopenReason: z.string().nullable(),
  }),
  reopenings: z.array(
    z.strictObject({ agency: AgencyCodeSchema, reason: z.string(), reopenedAt: Instant }),
  ),
});

export const PeriodListSchema = z.strictObject({
  today: IsoDateSchema,
  /** The period to preselect (shared/periods/pick-open.ts). */
  current: PeriodCode.nullable(),
  periods: z.array(ListedPeriodSchema),
});

export const ReopeningSchema = z.strictObject({
  period: PeriodCode,
  agency: AgencyCodeSchema,
  reason: z.string(),
  reopenedAt: Instant,
});

export const ReopeningClosedSchema = z.strictObject({
  period: PeriodCode,
  agency: AgencyCodeSchema,
  reopened: z.literal(false),
});

/** What the sender keeps (routes/receipts.ts). */
export const ReceiptSchema = z.strictObject({
  id: z.string(),
  agencyCode: AgencyCodeSchema,
  periodCode: PeriodCode,
  version: Version,
  receivedAt: Instant,
  submittedBy: z.string(),
  /** SHA-256 of the stored Submission, hex. */
  contentHash: z.string(),
  warnings: z.array(FindingSchema),
});

/** The answer to a submission: the receipt, and whether it was a replay or unchanged. */
export const StoredReceiptSchema = ReceiptSchema.extend({
  unchanged: z.boolean(),
  replayed: z.boolean(),
});

/** The answer to an upload: the receipt and the name of the sheet that was read. */
export const UploadReceiptSchema = StoredReceiptSchema.extend({ sheet: z.string() });

export const CompletenessSchema = z.strictObject({
  period: z.strictObject({
    code: PeriodCode,
    due: IsoDateSchema,
    graceDays: Count,
    deadline: IsoDateSchema,
  }),
  totals: z.strictObject({
    expected: Count,
    received: Count,
    onTime: Count,
    late: Count,
    missing: Count,
  }),
  agencies: z.array(
    z.strictObject({
      agency: z.strictObject({
        code: AgencyCodeSchema,
        name: z.string(),
        shortName: z.string(),
        kind: AgencyKindSchema,
      }),
      status: TimelinessSchema,
      overdue: z.boolean(),
      latestVersion: Version.nullable(),
      latestId: z.string().nullable(),
      firstReceivedAt: Instant.nullable(),
      latestReceivedAt: Instant.nullable(),
      submittedBy: z.string().nullable(),
      reviewState: ReviewStateSchema.nullable(),
      reviewComment: z.string().nullable(),
    }),
  ),
});

/** A coordinator's note as stored: `field` null for the task's row as a whole. */
const StoredNoteSchema = z.strictObject({
  taskId: TaskIdSchema,
  field: z.enum(FILL_KEYS).nullable(),
  text: z.string(),
});

/** One review of a version (db/reviews.ts ReviewRecord). */
const ReviewRecordSchema = z.strictObject({
  state: ReviewOutcomeSchema,
  comment: z.string().nullable(),
  notes: z.array(StoredNoteSchema),
  /** The reviewing key's label. */
  reviewer: z.string(),
  reviewedAt: Instant,
});

export const HistorySchema = z.strictObject({
  period: PeriodCode,
  agency: z.strictObject({ code: AgencyCodeSchema, name: z.string() }),
  /** Newest first. */
  versions: z.array(
    ReceiptSchema.extend({
      reviewState: ReviewStateSchema,
      reviewComment: z.string().nullable(),
      reviewedAt: Instant.nullable(),
      /** Oldest first. */
      reviews: z.array(ReviewRecordSchema),
      /** The notes of the latest return ([] if never returned). */
      notes: z.array(StoredNoteSchema),
      submission: SubmissionSchema,
    }),
  ),
});

export const ReviewAnswerSchema = ReviewRecordSchema.extend({
  id: z.string(),
  submissionId: z.string(),
  version: Version,
});

const CellValue = z.union([z.string(), z.number()]).nullable();

/** shared/submission/diff.ts: tasks in appendix order, fields in column order. */
export const DiffSchema = z.strictObject({
  period: PeriodCode,
  agency: AgencyCodeSchema,
  from: VersionRefSchema.nullable(),
  to: VersionRefSchema,
  changes: z.array(
    z.strictObject({
      taskId: TaskIdSchema,
      field: z.enum(FILL_KEYS),
      before: CellValue,
      after: CellValue,
    }),
  ),
});

/** lib/carry-forward.ts CarryForward. */
export const CarryForwardSchema = z.strictObject({
  from: VersionRefSchema.nullable(),
  rows: z.array(
    SubmissionRowSchema.pick({
      taskId: true,
      status: true,
      percent: true,
      completedProducts: true,
    }).strict(),
  ),
});

/** An access key as listed: never the key itself. */
export const KeySchema = z.strictObject({
  prefix: z.string(),
  agency: AgencyCodeSchema,
  role: KeyRoleSchema,
  label: z.string().nullable(),
  createdAt: Instant,
  createdBy: z.string(),
  revokedAt: Instant.nullable(),
});

export const KeyListSchema = z.strictObject({ keys: z.array(KeySchema) });

/** A new key: the only answer that carries the key itself. */
export const NewKeySchema = z.strictObject({
  key: z.string(),
  prefix: z.string(),
  agency: AgencyCodeSchema,
  role: KeyRoleSchema,
  label: z.string(),
  createdAt: Instant,
});

/**
 * The document settings as stored (shared/documents DocumentSettings): each
 * line as it prints, null where not set.
 */
export const DocumentSettingsAnswerSchema = z.strictObject({
  parentBody: z.string().nullable(),
  issuingBody: z.string().nullable(),
  numberSymbol: z.string().nullable(),
  place: z.string().nullable(),
  recipients: z.array(z.string()),
  signerLines: z.array(z.string()),
  signerName: z.string().nullable(),
  copyTo: z.array(z.string()),
  archiveUnit: z.string().nullable(),
});
const settingsAreShared: Same<
  z.infer<typeof DocumentSettingsAnswerSchema>,
  DocumentSettings
> = true;
void settingsAreShared;
