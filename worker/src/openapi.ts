// The OpenAPI 3.1 document, generated from the same zod schemas the routes
// validate with (z.toJSONSchema), plus a plain HTML page that reads it.
// tests/worker/openapi.test.ts checks that every route of the app is listed.
import { z } from 'zod';
import { PlanDefinitionSchema } from '../../shared/plan/index.ts';
import { SubmissionSchema } from '../../shared/submission/schema.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/workbook/media-type.ts';
import { ERRORS } from './errors.ts';
import {
  AgencyPatchSchema,
  ErrorSchema,
  KeyRequestSchema,
  PeriodPatchSchema,
  ReopenRequestSchema,
  ReviewRequestSchema,
  SubmissionRequestSchema,
} from './schemas.ts';

type Access = 'public' | 'any key' | 'coordinator';
interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  access: Access;
  body?: z.ZodType;
  /** A multipart/form-data body instead of JSON: its JSON Schema. */
  multipart?: Record<string, unknown>;
  /** Status codes this operation answers with, besides the common ones. */
  responses: Record<number, string>;
}

/** The multipart field `file` of both upload routes. */
const UPLOAD_FILE = {
  type: 'string',
  contentMediaType: XLSX_MEDIA_TYPE,
  description:
    'The filled template (.xlsx) of the key’s own agency for this period; at most MAX_UPLOAD_BYTES (2 MiB)',
};

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness',
    access: 'public',
    responses: { 200: 'OK' },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    access: 'public',
    responses: { 200: 'OpenAPI' },
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'This document as a page',
    access: 'public',
    responses: { 200: 'HTML' },
  },
  {
    method: 'get',
    path: '/api/plan',
    summary: 'The plan definition and every agency’s assignments',
    access: 'any key',
    responses: { 200: 'The plan' },
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'Who the key belongs to, and its agency’s tasks',
    access: 'any key',
    responses: { 200: 'The caller' },
  },
  {
    method: 'get',
    path: '/api/agencies',
    summary: 'The agency registry',
    access: 'any key',
    responses: { 200: 'Agencies' },
  },
  {
    method: 'patch',
    path: '/api/agencies/{code}',
    summary: 'Rename an agency (e.g. a placeholder village)',
    access: 'coordinator',
    body: AgencyPatchSchema,
    responses: { 200: 'Renamed', 404: 'Unknown agency' },
  },
  {
    method: 'get',
    path: '/api/periods',
    summary:
      'Periods with cut-off, due date, days left, lock; for an agency its own report and returned comment; for the coordinator the agencies each is reopened for',
    access: 'any key',
    responses: { 200: 'Periods' },
  },
  {
    method: 'patch',
    path: '/api/periods/{period}',
    summary: 'Set due date, grace; lock or unlock with a reason',
    access: 'coordinator',
    body: PeriodPatchSchema,
    responses: { 200: 'Updated', 404: 'Unknown period' },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/reopenings',
    summary: 'Reopen a locked period for one agency',
    access: 'coordinator',
    body: ReopenRequestSchema,
    responses: { 201: 'Reopened', 404: 'Unknown period or agency' },
  },
  {
    method: 'delete',
    path: '/api/periods/{period}/reopenings/{agency}',
    summary: 'Close a reopening',
    access: 'coordinator',
    responses: { 200: 'Closed', 404: 'Not reopened' },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/submissions',
    summary: 'Submit the agency’s report (re-validated; Idempotency-Key honoured)',
    access: 'any key',
    body: SubmissionRequestSchema,
    responses: {
      201: 'Stored: the receipt',
      200: 'Replayed or identical to the latest version: the earlier receipt',
      404: 'Unknown period',
      409: 'Period locked, or Idempotency-Key reused',
      422: 'Validation findings',
    },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/uploads',
    summary:
      'Submit the agency’s report as its filled .xlsx template (multipart/form-data, field “file”; checked like a submission; Idempotency-Key honoured)',
    access: 'any key',
    multipart: {
      type: 'object',
      required: ['file'],
      properties: {
        file: UPLOAD_FILE,
        submittedBy: { type: 'string', minLength: 1, maxLength: 120 },
      },
    },
    responses: {
      201: 'Stored: the receipt, and the sheet that was read',
      200: 'Replayed or identical to the latest version: the earlier receipt',
      404: 'Unknown period',
      409: 'Period locked, or Idempotency-Key reused',
      422: 'Unreadable file, no progress sheet, another agency’s or period’s template, or validation findings (cells of the uploaded sheet)',
    },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/uploads/annotated',
    summary:
      'The same file checked, nothing stored: the clerk’s values on a fresh template (.xlsx), each finding’s cell filled (error red, warning amber) with a cell note giving the message; header X-Findings: errors=N; warnings=M',
    access: 'any key',
    multipart: { type: 'object', required: ['file'], properties: { file: UPLOAD_FILE } },
    responses: {
      200: `The marked-up sheet (${XLSX_MEDIA_TYPE})`,
      404: 'Unknown period',
      422: 'Unreadable file, no progress sheet, or another agency’s or period’s template',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/submissions',
    summary: 'Completeness: every expected agency, on time / late / missing, review state',
    access: 'coordinator',
    responses: { 200: 'Completeness', 404: 'Unknown period' },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/submissions/{agency}',
    summary:
      'Version history with payloads, each version’s reviews (oldest first: state, comment, notes, reviewer, reviewedAt) and the notes of its latest return (the agency itself or the coordinator)',
    access: 'any key',
    responses: { 200: 'History', 403: 'Another agency’s report', 404: 'Unknown period or agency' },
  },
  {
    method: 'post',
    path: '/api/periods/{period}/submissions/{agency}/review',
    summary:
      'Accept; return for correction with a comment and notes on the agency’s tasks (notes[].taskId, field?, text); or reopen an accepted report with a reason (it awaits review again)',
    access: 'coordinator',
    body: ReviewRequestSchema,
    responses: {
      201: 'Reviewed: { id, submissionId, version, state, comment, notes, reviewer, reviewedAt }',
      404: 'No such report or version',
      409: 'Reopening a version that is not accepted (CONFLICT)',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/submissions/{agency}/diff',
    summary:
      'Cell-by-cell changes between two versions: ?to= (default the latest), ?from= a version (default the latest returned version before to, else to − 1) or previous-period (the agency’s accepted, else latest, version of the previous scheduled period); tasks in appendix order, fields in column order',
    access: 'any key',
    responses: {
      200: '{ period, agency, from: { period, version } | null, to: { period, version }, changes: [{ taskId, field, before, after }] }',
      400: 'from or to is not a version number',
      403: 'Another agency’s report',
      404: 'Unknown period, agency or version',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/workbook.xlsx',
    summary:
      'The merged district workbook (.xlsx): Tổng hợp, Chi tiết, Khó khăn - Kiến nghị, Tình hình nộp báo cáo',
    access: 'coordinator',
    responses: {
      200: `The workbook (${XLSX_MEDIA_TYPE})`,
      404: 'Unknown period',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/template.xlsx',
    summary:
      'An agency’s progress sheet (.xlsx); query ?agency=CODE (an agency key: its own agency only). With &start=last-accepted, status, percent and completed products come from the agency’s last accepted report of an earlier period, the title says which, and the header X-Start-From says `period=…; version=…` (or `none`: the blank template)',
    access: 'any key',
    responses: {
      200: `The template (${XLSX_MEDIA_TYPE})`,
      400: 'No ?agency=, or a ?start= other than last-accepted',
      403: 'Another agency’s template',
      404: 'Unknown period or agency',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/submissions/{agency}/versions/{file}',
    summary:
      'One stored version drawn on the agency’s template (.xlsx); {file} is `<version>.xlsx`, e.g. 2.xlsx. Uploaded again it is acknowledged as unchanged (the agency itself or the coordinator)',
    access: 'any key',
    responses: {
      200: `The version on the template (${XLSX_MEDIA_TYPE})`,
      403: 'Another agency’s report',
      404: 'Unknown period, agency or version',
    },
  },
  {
    method: 'get',
    path: '/api/periods/{period}/carry-forward',
    summary:
      'What an agency starts the period from: `{ from: { period, version } | null, rows: [{ taskId, status, percent, completedProducts }] }` from its last accepted report of an earlier period; query ?agency=CODE (the agency itself or the coordinator)',
    access: 'any key',
    responses: {
      200: 'The carried-forward rows',
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
    responses: { 200: 'Keys' },
  },
  {
    method: 'post',
    path: '/api/keys',
    summary: 'Issue a key (shown once)',
    access: 'coordinator',
    body: KeyRequestSchema,
    responses: { 201: 'The new key', 404: 'Unknown agency' },
  },
  {
    method: 'delete',
    path: '/api/keys/{prefix}',
    summary: 'Revoke a key',
    access: 'coordinator',
    responses: { 200: 'Revoked', 404: 'Unknown key' },
  },
];

const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(op.responses)) {
      responses[status] = { description };
    }
    if (op.access !== 'public') responses['401'] = { description: ERRORS.UNAUTHENTICATED.en };
    if (op.access === 'coordinator') responses['403'] = { description: ERRORS.FORBIDDEN.en };
    if (op.body) {
      responses['400'] = { description: 'Malformed JSON, wrong content type or schema violation' };
      responses['413'] = { description: ERRORS.PAYLOAD_TOO_LARGE.en };
    }
    if (op.multipart) {
      responses['400'] = { description: 'Not multipart/form-data, or no file in the field “file”' };
      responses['413'] = { description: ERRORS.PAYLOAD_TOO_LARGE.en };
    }
    for (const [status, r] of Object.entries(responses)) {
      if (Number(status) >= 400) {
        (r as Record<string, unknown>).content = {
          'application/json': { schema: { $ref: '#/components/schemas/Error' } },
        };
      }
    }
    const operation: Record<string, unknown> = {
      summary: op.summary,
      'x-access': op.access,
      parameters: params,
      responses,
    };
    if (op.access !== 'public') operation.security = [{ bearer: [] }];
    if (op.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(op.body) } },
      };
    }
    if (op.multipart) {
      operation.requestBody = {
        required: true,
        content: { 'multipart/form-data': { schema: op.multipart } },
      };
    }
    paths[op.path] = { ...paths[op.path], [op.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Báo cáo giảm nghèo bền vững — Kế hoạch 58/KH-UBND',
      version: '1',
      description:
        'Progress reports of Plan 58/KH-UBND (Lý Sơn). Every error is { error: { code, message: { vi, en }, details? } } with a code from x-error-codes.',
    },
    'x-error-codes': Object.fromEntries(
      Object.entries(ERRORS).map(([k, v]) => [k, { status: v.status, vi: v.vi, en: v.en }]),
    ),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'lsk_… access key' },
      },
      schemas: {
        Error: jsonSchema(ErrorSchema),
        Submission: jsonSchema(SubmissionSchema),
        PlanDefinition: jsonSchema(PlanDefinitionSchema),
      },
    },
    paths,
  };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch,
  );

/** A readable page of the API (no external scripts: it must work offline). */
function bodyHtml(op: Operation): string {
  const schema = op.body ? jsonSchema(op.body) : op.multipart;
  if (!schema) return '';
  const kind = op.multipart ? 'multipart/form-data' : 'application/json';
  return `<details><summary>${kind}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
}

export function docsPage(): string {
  const rows = OPERATIONS.map(
    (
      op,
    ) => `<tr><td><code>${op.method.toUpperCase()}</code></td><td><code>${escapeHtml(op.path)}</code></td>
<td>${escapeHtml(op.summary)}</td><td>${op.access}</td>
<td>${Object.entries(op.responses)
      .map(([s, d]) => `<b>${s}</b> ${escapeHtml(d)}`)
      .join('<br>')}</td>
<td>${bodyHtml(op)}</td></tr>`,
  ).join('\n');
  const errors = Object.entries(ERRORS)
    .map(
      ([code, e]) =>
        `<tr><td><code>${code}</code></td><td>${e.status}</td><td>${escapeHtml(e.vi)}</td><td>${escapeHtml(e.en)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API — Báo cáo Kế hoạch 58/KH-UBND</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem;color:#242424}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #d1d1d1;padding:.4rem;vertical-align:top;text-align:left}th{background:#f5f5f5}pre{font-size:12px;max-width:40rem;overflow:auto}</style></head>
<body><h1>API báo cáo Kế hoạch 58/KH-UBND</h1>
<p>Xác thực / Authentication: <code>Authorization: Bearer lsk_…</code>. Tài liệu máy đọc / Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<h2>Endpoints</h2><table><tr><th>Method</th><th>Path</th><th>What</th><th>Who</th><th>Answers</th><th>Body</th></tr>${rows}</table>
<h2>Error codes</h2><table><tr><th>Code</th><th>HTTP</th><th>Tiếng Việt</th><th>English</th></tr>${errors}</table></body></html>`;
}
