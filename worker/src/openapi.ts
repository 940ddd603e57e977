// The OpenAPI 3.1 document, generated from the operations (operations.ts)
// and the same zod schemas the routes validate with and answer in
// (schemas.ts, responses.ts; z.toJSONSchema), plus a plain HTML page that
// reads it. tests/worker/openapi.test.ts checks it against the app's routes
// and their real answers.
import * as z from 'zod';
import { PlanDefinitionSchema } from '../../shared/plan/index.ts';
import { SubmissionSchema } from '../../shared/submission/schema.ts';
import { ERRORS } from './errors.ts';
import { AGENCY_CODE, type Answer, OPERATIONS, type Operation } from './operations.ts';
import { FindingSchema } from './responses.ts';
import { ErrorSchema } from './schemas.ts';

/** A request body's JSON Schema (what may be sent: defaults optional). */
const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
/** An answer's JSON Schema (what is sent). */
const answerSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' });

/** Path parameters by name: what each holds. */
const PATH_PARAMS: Record<string, { description: string; schema: Record<string, unknown> }> = {
  period: {
    description: 'A report period’s code, e.g. 2026-Q1, 2026-H1, 2026-Y',
    schema: { type: 'string' },
  },
  agency: { description: 'An agency’s code, e.g. P-TP', schema: AGENCY_CODE },
  code: { description: 'An agency’s code, e.g. P-TP', schema: AGENCY_CODE },
  prefix: { description: 'A key’s prefix (lsk_ + 8 characters)', schema: { type: 'string' } },
  version: { description: 'A version number: 1, 2, …', schema: { type: 'integer', minimum: 1 } },
};

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

/**
 * Every answer of an operation by status: its own (operations.ts) and those
 * it shares with its kind: 401 (any key), 403 (coordinator only), 400 and
 * 413 (a body), 500 (app.onError: a bug, nothing changed). A string is an
 * error answered in the error envelope.
 */
export function answersOf(op: Operation): Record<string, string | Answer> {
  const all: Record<string, string | Answer> = { ...op.responses };
  // The operation's own wording wins over the shared one.
  const add = (status: number, description: string) => {
    all[status] ??= description;
  };
  if (op.access !== 'public') add(401, ERRORS.UNAUTHENTICATED.en);
  if (op.access === 'coordinator') add(403, `${ERRORS.FORBIDDEN.en} (coordinator only)`);
  if (op.body) add(400, 'Malformed JSON, wrong content type or schema violation');
  if (op.multipart) add(400, 'Not multipart/form-data, or no file in the field “file”');
  if (op.body || op.multipart) add(413, ERRORS.PAYLOAD_TOO_LARGE.en);
  add(500, ERRORS.INTERNAL.en);
  return all;
}

/** One answer as an OpenAPI Response Object. */
function responseObject(a: string | Answer): Record<string, unknown> {
  if (typeof a === 'string') return { description: a, content: ERROR_CONTENT };
  const r: Record<string, unknown> = { description: a.description };
  if (a.json) r.content = { 'application/json': { schema: answerSchema(a.json) } };
  if (a.media) r.content = { [a.media]: {} };
  if (a.headers) r.headers = a.headers;
  return r;
}

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const params: Record<string, unknown>[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      ...PATH_PARAMS[m[1] ?? ''],
    }));
    for (const p of op.params ?? []) params.push({ ...p });
    const responses = Object.fromEntries(
      Object.entries(answersOf(op)).map(([status, a]) => [status, responseObject(a)]),
    );
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
        Error: answerSchema(ErrorSchema),
        Submission: jsonSchema(SubmissionSchema),
        Finding: answerSchema(FindingSchema),
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
<td>${Object.entries(answersOf(op))
      .map(([s, a]) => `<b>${s}</b> ${escapeHtml(typeof a === 'string' ? a : a.description)}`)
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
