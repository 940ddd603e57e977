// `npm run check`: the pure parts (arguments, checking the bytes, output).
// The file is read by the same shared reader the Worker's upload route uses
// and checked by the same validate(), so what this prints is what an upload
// of the file would answer.
import { parseArgs } from 'node:util';
import { parsePeriodCode } from '../../shared/periods/index.ts';
import type { Plan } from '../../shared/plan/index.ts';
import type { Submission } from '../../shared/submission/schema.ts';
import type { Bilingual } from '../../shared/text/bilingual.ts';
import { type Finding, validate } from '../../shared/validate/index.ts';
import {
  chooseProgressSheet,
  type ProblemCode,
  problemCode,
  problemDetails,
  readWorkbook,
  type WorkbookProblem,
} from '../../shared/workbook/index.ts';
import { argumentProblem, bilingual, ScriptError } from './messages.ts';

export const USAGE = `Cách dùng / Usage:
  npm run check -- <tệp.xlsx> [--agency <mã>] [--period <kỳ>] [--json]

  Kiểm tra một biểu mẫu đã điền như khi nộp lên hệ thống.
  Checks a filled template the way the system checks an upload.

  --agency <mã>    cơ quan phải là / the agency it must be (e.g. P-TP); mặc định: theo tệp / default: from the file
  --period <kỳ>    kỳ báo cáo phải là / the period it must be (e.g. 2026-Q1); mặc định: theo tệp / default: from the file
  --json           in kết quả dạng JSON, kèm dữ liệu sẽ gửi khi hợp lệ /
                   print the result as JSON, with the values that would be sent when valid

  Mã thoát / Exit code: 0 hợp lệ / valid (warnings allowed), 1 có lỗi / errors in the sheet,
  2 tệp không kiểm tra được / the file cannot be checked (or wrong arguments).`;

export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

/** Wrong arguments: the message, then the usage text. */
export class UsageError extends ScriptError {
  override name = 'UsageError';
}

export type CheckCommand =
  | { cmd: 'help' }
  | { cmd: 'check'; file: string; agency?: string; period?: string; json: boolean };

export function parseCheckArgs(argv: readonly string[]): CheckCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    const why = argumentProblem(e);
    throw new UsageError(`Tham số không hợp lệ: ${why.vi}`, `Invalid arguments: ${why.en}`, {
      exitCode: EXIT.unreadable,
    });
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { cmd: 'help' };
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length ? 'Chỉ kiểm tra một tệp mỗi lần.' : 'Thiếu tên tệp .xlsx cần kiểm tra.',
      positionals.length ? 'Check one file at a time.' : 'Name the .xlsx file to check.',
      { exitCode: EXIT.unreadable },
    );
  }
  const clean = (s: string | undefined) => (s === undefined ? undefined : s.trim().toUpperCase());
  return {
    cmd: 'check',
    file: positionals[0] ?? '',
    agency: clean(v.agency),
    period: clean(v.period),
    json: v.json ?? false,
  };
}

/**
 * Checks `--agency` and `--period` before any file is read: the agency must be
 * one of the plan's reporting agencies (those with tasks, who submit), the
 * period a well-formed code (shared/periods parsePeriodCode, which also gives
 * the canonical form: "2026–q1" → "2026-Q1"). Returns the canonical values;
 * throws a UsageError (exit 2) naming the known codes or the expected shape.
 */
export function checkExpected(
  plan: Plan,
  given: { agency?: string; period?: string },
): { agency?: string; period?: string } {
  const out: { agency?: string; period?: string } = {};
  if (given.agency !== undefined) {
    const known = plan.reportingAgencies().map((a) => a.code);
    if (!known.includes(given.agency)) {
      const codes = known.join(', ');
      throw new UsageError(
        `--agency: không có cơ quan báo cáo mã “${given.agency}” trong kế hoạch. Các mã: ${codes}`,
        `--agency: no reporting agency has the code “${given.agency}” in the plan. Codes: ${codes}`,
        { exitCode: EXIT.unreadable },
      );
    }
    out.agency = given.agency;
  }
  if (given.period !== undefined) {
    const p = parsePeriodCode(given.period);
    if (!p.ok) {
      const { vi, en } = p.error.message;
      throw new UsageError(`--period: ${vi}`, `--period: ${en}`, { exitCode: EXIT.unreadable });
    }
    out.period = p.value.code;
  }
  return out;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      agency: { type: 'string' },
      period: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export type CheckOutcome =
  | {
      ok: boolean;
      kind: 'checked';
      file: string;
      sheet: string;
      agency?: string;
      period?: string;
      errors: number;
      warnings: number;
      /** The values an upload would store (validate()'s Submission); null when there are errors. */
      submission: Submission | null;
      /** Errors first, then warnings, each in the validator's order (top to bottom). */
      findings: Finding[];
    }
  | {
      ok: false;
      kind: 'problem';
      file: string;
      code: ProblemCode;
      message: Bilingual;
      details: Record<string, unknown>;
    };

/** Reads and checks the bytes of one file; never throws. */
export function checkBytes(
  bytes: Uint8Array,
  file: string,
  plan: Plan,
  expected: { agency?: string; period?: string } = {},
): CheckOutcome {
  const problem = (p: WorkbookProblem): CheckOutcome => ({
    ok: false,
    kind: 'problem',
    file,
    code: problemCode(p),
    message: p.message,
    details: problemDetails(p),
  });
  const book = readWorkbook(bytes);
  if (!book.ok) return problem(book.problem);
  const agencyNames = Object.fromEntries(plan.agencies.map((a) => [a.code, a.name]));
  const chosen = chooseProgressSheet(book, { ...expected, agencyNames });
  if (!chosen.ok) return problem(chosen.problem);
  const r = validate(chosen.sheet.grid, { plan, ...expected });
  return {
    ok: r.ok,
    kind: 'checked',
    file,
    sheet: chosen.sheet.identity.sheet,
    agency: r.agency,
    period: r.period,
    errors: r.errors,
    warnings: r.warnings,
    submission: r.submission,
    findings: [
      ...r.findings.filter((f) => f.severity === 'error'),
      ...r.findings.filter((f) => f.severity === 'warning'),
    ],
  };
}

export function exitCode(o: CheckOutcome): number {
  if (o.kind === 'problem') return EXIT.unreadable;
  return o.ok ? EXIT.ok : EXIT.findings;
}

/** The outcome for people: one block per finding, Vietnamese then English. */
export function formatText(o: CheckOutcome): string {
  if (o.kind === 'problem') {
    return `✗ ${o.file}: ${o.code}\n  ${o.message.vi}\n  ${o.message.en}`;
  }
  const lines = [
    `${bilingual('Tệp', 'File')}: ${o.file}`,
    `${bilingual('Trang', 'Sheet')}: “${o.sheet}” — ${o.agency ?? '?'}, ${o.period ?? '?'}`,
    '',
  ];
  for (const f of o.findings) {
    const mark = f.severity === 'error' ? '✗ lỗi / error  ' : '! lưu ý / warning';
    lines.push(`${mark}  ${f.cell.padEnd(6)} ${f.message.vi}`);
    lines.push(`${' '.repeat(17)}  ${' '.repeat(6)} ${f.message.en}`);
  }
  if (o.findings.length) lines.push('');
  lines.push(
    o.ok
      ? `✓ ${bilingual(
          `Hợp lệ, có thể nộp${o.warnings ? ` (${o.warnings} lưu ý)` : ''}`,
          `Valid, ready to submit${o.warnings ? ` (${o.warnings} warnings)` : ''}`,
        )}\n  ${bilingual(
          'Dữ liệu sẽ gửi: chạy lại lệnh với --json (trường “submission”)',
          'The values that would be sent: run again with --json (field “submission”)',
        )}`
      : `✗ ${bilingual(
          `Còn ${o.errors} lỗi, ${o.warnings} lưu ý: sửa các ô nêu trên rồi kiểm tra lại`,
          `${o.errors} errors, ${o.warnings} warnings: fix the cells listed and check again`,
        )}`,
  );
  return lines.join('\n');
}

/**
 * The outcome as JSON: the same findings (and error codes) the API answers
 * with, and, when the sheet is valid, `submission`: exactly what an upload
 * would store for the district (validate()'s Submission).
 */
export function toJson(o: CheckOutcome): Record<string, unknown> {
  if (o.kind === 'problem') {
    return {
      file: o.file,
      ok: false,
      error: { code: o.code, message: o.message, details: o.details },
    };
  }
  const { kind: _kind, submission, ...rest } = o;
  return submission ? { ...rest, submission } : rest;
}
