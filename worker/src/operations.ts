// Every operation of the API as data: path, who may call it, its request
// (body, query parameters, headers) and every answer it gives, the 2xx JSON
// answers with their zod schemas (responses.ts). openapi.ts turns this into
// the OpenAPI 3.1 document and the docs page; tests/worker/openapi.test.ts
// checks it against the app's routes and their real answers.
import * as z from 'zod';
import { DOCX_MEDIA_TYPE, DocumentSettingsSchema } from '../../shared/documents/index.ts';
import { AgencyCodeSchema } from '../../shared/plan/index.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/workbook/media-type.ts';
import { IDEMPOTENCY_KEY } from './middleware/idempotency-key.ts';
import {
  AgencyListSchema,
  AgencySchema,
  CarryForwardSchema,
  CompletenessSchema,
  DiffSchema,
  DocumentSettingsAnswerSchema,
  HealthSchema,
  HistorySchema,
  KeyListSchema,
  KeySchema,
  MeSchema,
  NewKeySchema,
  OpenApiDocumentSchema,
  PeriodListSchema,
  PeriodSchema,
  PlanAnswerSchema,
  ReopeningClosedSchema,
  ReopeningSchema,
  ReviewAnswerSchema,
  StoredReceiptSchema,
  UploadReceiptSchema,
} from './responses.ts';
import {
  AgencyPatchSchema,
  KeyRequestSchema,
  PeriodPatchSchema,
  ReopenRequestSchema,
  ReviewRequestSchema,
  SubmissionRequestSchema,
} from './schemas.ts';

export type Access = 'public' | 'any key' | 'coordinator';

/** A JSON Schema, as OpenAPI 3.1 takes it. */
type JsonSchema = Record<string, unknown>;

/** One answer of an operation. */
export interface Answer {
  description: string;
  /** A JSON answer: its schema (responses.ts). */
  json?: z.ZodType;
  /** Any other answer: its media type (the body is the file or page itself). */
  media?: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

/** A query parameter or request header. */
export interface Param {
  name: string;
  in: 'query' | 'header';
  required: boolean;
  description: string;
  schema: JsonSchema;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The OpenAPI path template. */
  path: string;
  /** The app's (Hono) route, when it is not `path` with `{x}` as `:x`. */
  route?: string;
  summary: string;
  access: Access;
  body?: z.ZodType;
  /** A multipart/form-data body instead of JSON: its JSON Schema. */
  multipart?: JsonSchema;
  /** Query parameters and request headers (path parameters come from the path). */
  params?: Param[];
  /**
   * Every status the route itself answers with (a string: an error, with the
   * error envelope). openapi.ts adds the ones every operation of its kind
   * shares: 401 (a key is needed), 403 (coordinator only), 400 and 413 (a
   * body), 500.
   */
  responses: Record<number, string | Answer>;
}

/** The multipart field `file` of both upload routes. */
const UPLOAD_FILE = {
  type: 'string',
  contentMediaType: XLSX_MEDIA_TYPE,
  description:
    'The filled template (.xlsx) of the key’s own agency for this period; at most MAX_UPLOAD_BYTES (2 MiB)',
};

/** An agency code's JSON Schema (shared/plan AgencyCodeSchema). */
export const AGENCY_CODE = z.toJSONSchema(AgencyCodeSchema) as JsonSchema;

const IDEMPOTENCY_KEY_HEADER: Param = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A retry with the same key answers the first answer (200, replayed: true); the same key with another report is 409 IDEMPOTENCY_CONFLICT',
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
};

const AGENCY_QUERY = (who: string): Param => ({
  name: 'agency',
  in: 'query',
  required: true,
  description: `The agency’s code (${who}); absent: 400 naming query.agency`,
  schema: AGENCY_CODE,
});

/** A file to save: an .xlsx (or `media`) with its file name (RFC 6266, the Vietnamese name in filename*). */
const xlsxAnswer = (
  description: string,
  headers: Answer['headers'] = {},
  media = XLSX_MEDIA_TYPE,
): Answer => ({
  description,
  media,
  headers: {
    'Content-Disposition': {
      description: 'attachment; filename="<ASCII name>"; filename*=UTF-8\'\'<Vietnamese name>',
      schema: { type: 'string' },
    },
    ...headers,
  },
});

/** X-Cache of the files built once per change of their inputs (worker/src/lib/built-once.ts). */
const X_CACHE = {
  'X-Cache': {
    description:
      'hit: the file stored in D1 when it was last built, from exactly the data it would be built from now and on the same day in Vietnam; miss: built for this request (and stored), as every request with Cache-Control: no-cache is. Either way the file is current',
    schema: { type: 'string', enum: ['hit', 'miss'] },
  },
};

const RECEIPT_REPLAYED =
  'Replayed (the same Idempotency-Key) or identical to the latest version: the earlier receipt, replayed or unchanged true';

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness',
    access: 'public',
    responses: { 200: { description: 'OK', json: HealthSchema } },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1', json: OpenApiDocumentSchema } },
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'This document as a page',
    access: 'public',
    responses: { 200: { description: 'HTML', media: 'text/html' } },
  },
  {
    method: 'get',
    path: '/api/plan',
    summary: 'The plan definition and every agency’s assignments',
    access: 'any key',
    responses: { 200: { description: 'The plan', json: PlanAnswerSchema } },
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'Who the key belongs to, and its agency’s tasks',
    access: 'any key',
    responses: {
      200: { description: 'The caller', json: MeSchema },
      404: 'The key’s agency is not in the registry',
    },
  },
  {
    method: 'get',
    path: '/api/agencies',
    summary: 'The agency registry',
    access: 'any key',
    responses: { 200: { description: 'Agencies', json: AgencyListSchema } },
  },
  {
    method: 'patch',
    path: '/api/agencies/{code}',
    summary: 'Rename an agency (e.g. a placeholder village)',
    access: 'coordinator',
    body: AgencyPatchSchema,
    responses: {
      200: { description: 'Renamed', json: AgencySchema },
      404: 'Unknown agency',
      409: 'Another agency already has this name or short name (CONFLICT, details: field, agency)',
    },
  },
  {
    method: 'get',
    path: '/api/periods',
    summary:
      'Periods with cut-off, due date, days left, lock; for an agency its own report and returned comment; for the coordinator the agencies each is reopened for',
    access: 'any key',
    params: [
      {
        name: 'year',
        in: 'query',
        required: false,
        description: 'Only this year’s periods; absent or empty: every year. At most once',
        schema: { type: 'string', pattern: '^(?:\\d{4})?$' },
      },
    ],
    responses: {
      200: {
        description:
          'Periods, each with the key’s own report (`own`) and, for the coordinator, the agencies it is reopened for (`reopenings`)',
        json: PeriodListSchema,
      },
      400: 'A year that is not four digits, or given more than once (details.issues: query.year)',
    },
  },
  {
    method: 'patch',
    path: '/api/periods/{period}',
    summary: 'Set due date, grace; lock or unlock with a reason',
    access: 'coordinator',
    body: PeriodPatchSchema,
    responses: {
      200: { description: 'Updated', json: PeriodSchema },
      400: 'Schema violation, or a due date before the cut-off',
      404: 'Unknown period',
    },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/reopenings',
    summary: 'Reopen a locked period for one agency',
    access: 'coordinator',
    body: ReopenRequestSchema,
    responses: {
      201: { description: 'Reopened', json: ReopeningSchema },
      404: 'Unknown period or agency',
    },
  },
  {
    method: 'delete',
    path: '/api/periods/{period}/reopenings/{agency}',
    summary: 'Close a reopening',
    access: 'coordinator',
    responses: {
      200: { description: 'Closed', json: ReopeningClosedSchema },
      404: 'Unknown period or agency, or not reopened',
    },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/submissions',
    summary:
      'Submit the agency’s report (re-validated; Idempotency-Key honoured; the period’s lock and the key’s revocation checked again at the write)',
    access: 'any key',
    body: SubmissionRequestSchema,
    params: [IDEMPOTENCY_KEY_HEADER],
    responses: {
      201: { description: 'Stored: the receipt', json: StoredReceiptSchema },
      200: { description: RECEIPT_REPLAYED, json: StoredReceiptSchema },
      400: 'Schema violation, periodCode other than the URL’s, or a malformed Idempotency-Key',
      403: 'Another agency’s report (agencyCode is not the key’s agency)',
      404: 'Unknown period',
      409: 'Period locked (PERIOD_LOCKED), or Idempotency-Key reused (IDEMPOTENCY_CONFLICT)',
      422: 'Validation findings (VALIDATION_FAILED, details.findings)',
    },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/uploads',
    summary:
      'Submit the agency’s report as its filled .xlsx template (multipart/form-data, field “file”; checked like a submission; Idempotency-Key honoured)',
    access: 'any key',
    params: [IDEMPOTENCY_KEY_HEADER],
    multipart: {
      type: 'object',
      required: ['file'],
      properties: {
        file: UPLOAD_FILE,
        submittedBy: { type: 'string', minLength: 1, maxLength: 120 },
      },
    },
    responses: {
      201: {
        description: 'Stored: the receipt, and the sheet that was read',
        json: UploadReceiptSchema,
      },
      200: { description: RECEIPT_REPLAYED, json: UploadReceiptSchema },
      400: 'Not multipart/form-data, not one file in the field “file”, a bad submittedBy, or a malformed Idempotency-Key',
      404: 'Unknown period',
      409: 'Period locked (PERIOD_LOCKED), or Idempotency-Key reused (IDEMPOTENCY_CONFLICT)',
      413: 'The file is larger than MAX_UPLOAD_BYTES',
      422: 'Unreadable file, no progress sheet, another agency’s or period’s template, or validation findings (cells of the uploaded sheet)',
    },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/uploads/annotated',
    summary:
      'The same file checked, nothing stored: the clerk’s values on a fresh template (.xlsx), each finding’s cell filled (error red, warning amber) with a cell note giving the message',
    access: 'any key',
    multipart: { type: 'object', required: ['file'], properties: { file: UPLOAD_FILE } },
    responses: {
      200: xlsxAnswer('The marked-up sheet', {
        'X-Findings': {
          description: 'How many findings the sheet marks: `errors=N; warnings=M`',
          schema: { type: 'string', pattern: '^errors=\\d+; warnings=\\d+$' },
        },
      }),
      400: 'Not multipart/form-data, or not one file in the field “file”',
      404: 'Unknown period',
      413: 'The file is larger than MAX_UPLOAD_BYTES',
      422: 'Unreadable file, no progress sheet, or another agency’s or period’s template',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/submissions',
    summary: 'Completeness: every expected agency, on time / late / missing, review state',
    access: 'coordinator',
    responses: {
      200: { description: 'Completeness', json: CompletenessSchema },
      404: 'Unknown period',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/submissions/{agency}',
    summary:
      'Version history with payloads, each version’s reviews (oldest first: state, comment, notes, reviewer, reviewedAt) and the notes of its latest return (the agency itself or the coordinator)',
    access: 'any key',
    responses: {
      200: { description: 'History, newest version first', json: HistorySchema },
      403: 'Another agency’s report',
      404: 'Unknown period or agency',
    },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/submissions/{agency}/review',
    summary:
      'Accept; return for correction with a comment and notes on the agency’s tasks (notes[].taskId, field?, text); or reopen an accepted report with a reason (it awaits review again)',
    access: 'coordinator',
    body: ReviewRequestSchema,
    responses: {
      201: { description: 'Reviewed', json: ReviewAnswerSchema },
      400: 'Schema violation, or a note on a task that is not the agency’s (notes.<i>.taskId)',
      404: 'Unknown period or agency, or no such report or version',
      409: 'A version that is not the latest (CONFLICT, details: version, latestVersion), or reopening one that is not accepted (CONFLICT, details: version, reviewState)',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/submissions/{agency}/diff',
    summary:
      'Cell-by-cell changes between two versions; tasks in appendix order, fields in column order',
    access: 'any key',
    params: [
      {
        name: 'from',
        in: 'query',
        required: false,
        description:
          'A version, or previous-period (the agency’s accepted, else latest, version of the previous scheduled period); default: the latest returned version before `to`, else `to` − 1',
        schema: {
          oneOf: [{ type: 'string', pattern: '^[1-9]\\d{0,8}$' }, { const: 'previous-period' }],
        },
      },
      {
        name: 'to',
        in: 'query',
        required: false,
        description: 'A version; default the latest',
        schema: { type: 'string', pattern: '^[1-9]\\d{0,8}$' },
      },
    ],
    responses: {
      200: { description: 'The changes', json: DiffSchema },
      400: 'from or to is not a version number',
      403: 'Another agency’s report',
      404: 'Unknown period, agency or version, or no report for the previous period',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/workbook.xlsx',
    summary:
      'The merged district workbook (.xlsx): Tổng hợp, Chi tiết, Khó khăn - Kiến nghị, Tình hình nộp báo cáo',
    access: 'coordinator',
    responses: {
      200: xlsxAnswer('The workbook', X_CACHE),
      404: 'Unknown period',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/report.docx',
    summary:
      'The district’s written report of the period (.docx, Decree 30/2020 form): header, title, Kính gửi, I. completeness, II. results by section naming the agencies, III. difficulties, IV. proposals, signature and Nơi nhận, from the merged workbook’s data and the document settings',
    access: 'coordinator',
    responses: {
      200: xlsxAnswer('The report', X_CACHE, DOCX_MEDIA_TYPE),
      404: 'Unknown period',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/template.xlsx',
    summary:
      'An agency’s progress sheet (.xlsx), blank or (start=last-accepted) started from the agency’s last accepted report of an earlier period: status, percent and completed products filled in, the title saying which report',
    access: 'any key',
    params: [
      AGENCY_QUERY('an agency key: its own agency only'),
      {
        name: 'start',
        in: 'query',
        required: false,
        description:
          'last-accepted: start from the agency’s last accepted report of an earlier period; absent or empty: blank',
        schema: { type: 'string', enum: ['last-accepted', ''] },
      },
    ],
    responses: {
      200: xlsxAnswer('The template', {
        'X-Start-From': {
          description:
            'With start=last-accepted only: `period=…; version=…` (the report it starts from), or `none` (the blank template)',
          schema: { type: 'string', pattern: '^(?:period=\\S+; version=\\d+|none)$' },
        },
      }),
      400: 'No ?agency=, or a ?start= other than last-accepted',
      403: 'Another agency’s template',
      404: 'Unknown period or agency',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/submissions/{agency}/versions/{version}.xlsx',
    route: '/api/periods/:period/submissions/:agency/versions/:file',
    summary:
      'One stored version drawn on the agency’s template (.xlsx), e.g. 2.xlsx. Uploaded again it is acknowledged as unchanged (the agency itself or the coordinator)',
    access: 'any key',
    responses: {
      200: xlsxAnswer('The version on the template'),
      403: 'Another agency’s report',
      404: 'Unknown period, agency or version (also 0.xlsx, 01.xlsx, 1.xls)',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/carry-forward',
    summary:
      'What an agency starts the period from: its last accepted report of an earlier period (the agency itself or the coordinator)',
    access: 'any key',
    params: [AGENCY_QUERY('an agency key: its own agency only')],
    responses: {
      200: {
        description: 'The carried-forward rows; from: null and no rows when none was accepted',
        json: CarryForwardSchema,
      },
      400: 'No ?agency=',
      403: 'Another agency',
      404: 'Unknown period or agency',
    },
  },
  {
    method: 'get',
    path: '/api/keys',
    summary: 'List access keys (prefixes only)',
    access: 'coordinator',
    responses: { 200: { description: 'Keys', json: KeyListSchema } },
  },
  {
    method: 'post',
    path: '/api/keys',
    summary: 'Issue a key (shown once)',
    access: 'coordinator',
    body: KeyRequestSchema,
    responses: {
      201: { description: 'The new key', json: NewKeySchema },
      400: 'Schema violation, or a coordinator key for an agency that is not the coordinating office',
      404: 'Unknown agency',
    },
  },
  {
    method: 'delete',
    path: '/api/keys/{prefix}',
    summary:
      'Revoke a key (already revoked: answered as it stands). The last active coordinator key is never revoked; the key making the request only with ?confirm=self',
    access: 'coordinator',
    params: [
      {
        name: 'confirm',
        in: 'query',
        required: false,
        description:
          '`self`: confirms revoking the key that makes this request (it signs you out); without it that is 409 CONFIRMATION_REQUIRED',
        schema: { type: 'string', enum: ['self'] },
      },
    ],
    responses: {
      200: { description: 'Revoked', json: KeySchema },
      404: 'Unknown key',
      409: 'The last active coordinator key (LAST_COORDINATOR_KEY), or the key in use without ?confirm=self (CONFIRMATION_REQUIRED)',
    },
  },
  {
    method: 'get',
    path: '/api/settings/document',
    summary:
      'The document settings: issuing bodies, number symbol, place, recipients, signer, “Nơi nhận”; null where not set (prints as a dotted blank)',
    access: 'coordinator',
    responses: { 200: { description: 'The settings', json: DocumentSettingsAnswerSchema } },
  },
  {
    method: 'put',
    path: '/api/settings/document',
    summary: 'Replace the document settings (audited as documents.settings)',
    access: 'coordinator',
    body: DocumentSettingsSchema,
    responses: {
      200: { description: 'The settings as stored', json: DocumentSettingsAnswerSchema },
      400: 'Schema violation: details.issues name the field (e.g. recipients.2)',
    },
  },
];
