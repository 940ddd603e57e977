// npm run check: arguments, the outcome of the shared reader + validate(),
// and the script itself spawned on generated files (exit codes, --json).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkBytes,
  checkExpected,
  EXIT,
  formatText,
  parseCheckArgs,
  toJson,
  UsageError,
} from '../../scripts/lib/check-cli.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import {
  CSV,
  cfb,
  filledXlsx,
  taskRows,
  templateXlsx,
  validFill,
} from '../support/upload-files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ls-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const withMistakes = () =>
  filledXlsx('P-TP', '2026-Q1', (t, i) => ({
    ...validFill(t),
    ...(i === 0 ? { status: 'Xong' } : {}),
    ...(i === 1 ? { percent: '' } : {}), // in progress without a percentage: a warning
  }));

/** Runs the script at the project root, as npm does; `initCwd` is where the command was typed. */
function run(args: string[], initCwd?: string) {
  const env = { ...process.env, ...(initCwd ? { INIT_CWD: initCwd } : {}) };
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'scripts', 'check.ts'), ...args],
      { cwd: ROOT, env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('parseCheckArgs', () => {
  it('one file, optional --agency/--period (case-folded) and --json', () => {
    expect(parseCheckArgs(['a.xlsx'])).toEqual({
      cmd: 'check',
      file: 'a.xlsx',
      agency: undefined,
      period: undefined,
      json: false,
    });
    expect(
      parseCheckArgs(['a.xlsx', '--agency', ' p-tp', '--period', '2026-q1', '--json']),
    ).toEqual({ cmd: 'check', file: 'a.xlsx', agency: 'P-TP', period: '2026-Q1', json: true });
    expect(parseCheckArgs(['--help'])).toEqual({ cmd: 'help' });
  });

  it('no file, two files or an unknown option is a usage error (exit 2)', () => {
    for (const argv of [[], ['a.xlsx', 'b.xlsx'], ['a.xlsx', '--agenc', 'P-TP']]) {
      expect(() => parseCheckArgs(argv)).toThrow(UsageError);
      try {
        parseCheckArgs(argv);
      } catch (e) {
        expect((e as UsageError).exitCode).toBe(EXIT.unreadable);
        expect((e as UsageError).vi).not.toBe((e as UsageError).en);
      }
    }
  });

  it("says what node's parseArgs refused in Vietnamese too, not in its English words", () => {
    const refused = (argv: string[]) => {
      try {
        parseCheckArgs(argv);
      } catch (e) {
        return e as UsageError;
      }
      throw new Error('not refused');
    };
    const unknown = refused(['a.xlsx', '--agenc', 'P-TP']);
    expect(unknown.vi).toContain('không có tùy chọn --agenc');
    expect(unknown.en).toContain('there is no option --agenc');
    const noValue = refused(['a.xlsx', '--agency']);
    expect(noValue.vi).toContain('--agency cần một giá trị');
    expect(noValue.vi).not.toMatch(/argument missing|Unknown option/);
  });
});

describe('checkExpected', () => {
  const refused = (given: { agency?: string; period?: string }) => {
    try {
      checkExpected(lySon58, given);
    } catch (e) {
      return e as UsageError;
    }
    throw new Error('not refused');
  };

  it('accepts a reporting agency and a period code, giving the canonical period', () => {
    expect(checkExpected(lySon58, {})).toEqual({});
    expect(checkExpected(lySon58, { agency: 'THON-05', period: '2026–Q1' })).toEqual({
      agency: 'THON-05',
      period: '2026-Q1',
    });
  });

  it('an unknown agency: exit 2, the known codes, Vietnamese without English words', () => {
    const e = refused({ agency: 'P-XYZ' });
    expect(e).toBeInstanceOf(UsageError);
    expect(e.exitCode).toBe(EXIT.unreadable);
    const codes = lySon58.reportingAgencies().map((a) => a.code);
    expect(codes).toContain('P-TP');
    for (const code of codes) {
      expect(e.vi).toContain(code);
      expect(e.en).toContain(code);
    }
    expect(e.vi).toContain('không có cơ quan báo cáo mã “P-XYZ”');
    expect(e.en).toContain('no reporting agency has the code “P-XYZ”');
    // The option's own name aside, no English words in the Vietnamese half.
    expect(e.vi.replace('--agency', '')).not.toMatch(/\b(?:agency|code|Codes|plan)\b/);
  });

  it('a malformed period: exit 2, the expected shape in both languages', () => {
    const e = refused({ period: '2026/1' });
    expect(e.exitCode).toBe(EXIT.unreadable);
    expect(e.vi).toContain('Mã kỳ báo cáo “2026/1” không hợp lệ; dạng đúng: 2026-Q1');
    expect(e.en).toContain('Report period code “2026/1” is invalid; expected e.g. 2026-Q1');
    expect(e.vi).not.toMatch(/\b(?:invalid|expected|period code)\b/);
    expect(refused({ period: '2026-Q5' }).vi).toContain('không có loại kỳ “Q5”');
  });
});

describe('checkBytes', () => {
  it('a valid sheet: ok, agency and period from the metadata', () => {
    const o = checkBytes(filledXlsx('THON-05', '2026-Y'), 'x.xlsx', lySon58);
    expect(o).toMatchObject({
      ok: true,
      kind: 'checked',
      sheet: 'THON-05 2026-Y',
      agency: 'THON-05',
      period: '2026-Y',
      errors: 0,
      warnings: 0,
    });
    expect(formatText(o)).toContain('✓ Hợp lệ, có thể nộp / Valid, ready to submit');
    expect(formatText(o)).toContain('--json');
    expect(toJson(o)).toHaveProperty('submission.agencyCode', 'THON-05');
  });

  it('findings list errors before warnings, each with its cell, Vietnamese then English', () => {
    const o = checkBytes(withMistakes(), 'x.xlsx', lySon58);
    if (o.kind !== 'checked') throw new Error(o.message.en);
    expect(o.findings.map((f) => [f.severity, f.cell, f.code])).toEqual([
      ['error', 'F7', 'STATUS_INVALID'],
      ['warning', 'G8', 'PERCENT_MISSING'],
    ]);
    const text = formatText(o);
    const vi = text.indexOf('Tình trạng “Xong”');
    const en = text.indexOf('Status “Xong”');
    expect(vi).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(vi);
    expect(text).toContain('✗ Còn 1 lỗi, 1 lưu ý');
  });

  it('flags that disagree with the file give the wrong-template error, as an upload would', () => {
    const o = checkBytes(filledXlsx('P-TP', '2026-Q1'), 'x.xlsx', lySon58, {
      agency: 'P-GDDT',
      period: '2026-Q1',
    });
    expect(o).toMatchObject({ ok: false, kind: 'problem', code: 'WRONG_TEMPLATE' });
    expect(toJson(o)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_TEMPLATE', details: { reason: 'other-agency' } },
    });
  });
});

describe('npm run check (spawned)', () => {
  it('exit 0 on a valid file', async () => {
    const r = await run([file('good.xlsx', filledXlsx('P-TP', '2026-Q1'))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('“P-TP 2026-Q1” — P-TP, 2026-Q1');
    expect(r.stdout).toContain('Valid, ready to submit');
  });

  it('--json of a valid file includes the submission: the values that would be stored', async () => {
    const r = await run([file('send.xlsx', filledXlsx('P-TP', '2026-Q1')), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ ok: true, agency: 'P-TP', period: '2026-Q1', errors: 0 });
    const rows = taskRows('P-TP', '2026-Q1');
    expect(rows.length).toBeGreaterThan(0);
    expect(body.submission).toMatchObject({
      planId: lySon58.id,
      agencyCode: 'P-TP',
      periodCode: '2026-Q1',
    });
    expect(body.submission.rows).toEqual(
      rows.map((t) =>
        expect.objectContaining({
          taskId: t.taskId,
          status: 'in-progress',
          percent: 50,
          result: `Đã triển khai nhiệm vụ ${t.taskId}`,
        }),
      ),
    );
  });

  it('a relative FILE is found from the folder the command was typed in (INIT_CWD)', async () => {
    file('here.xlsx', filledXlsx('P-TP', '2026-Q1'));
    const r = await run(['here.xlsx', '--json'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'here.xlsx', ok: true });
  });

  it('an unknown --agency or a malformed --period: exit 2 in both languages, then the usage', async () => {
    const path = file('flags.xlsx', filledXlsx('P-TP', '2026-Q1'));
    const agency = await run([path, '--agency', 'P-XYZ']);
    expect(agency.code).toBe(2);
    expect(agency.stderr).toContain('không có cơ quan báo cáo mã “P-XYZ”');
    expect(agency.stderr).toContain('no reporting agency has the code “P-XYZ”');
    expect(agency.stderr).toContain('THON-06');
    expect(agency.stderr).toContain('Cách dùng / Usage');
    const period = await run([path, '--period', '2026/1', '--json']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('Mã kỳ báo cáo “2026/1” không hợp lệ');
    expect(period.stderr).toContain('Report period code “2026/1” is invalid');
  });

  it('exit 1 on a sheet with errors; --json prints the findings', async () => {
    const path = file('mistakes.xlsx', withMistakes());
    const text = await run([path, '--agency', 'P-TP', '--period', '2026-Q1']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/✗ lỗi \/ error\s+F7\s+Tình trạng “Xong”/);
    const json = await run([path, '--json']);
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout);
    expect(Object.keys(body).sort()).toEqual(
      ['agency', 'errors', 'file', 'findings', 'ok', 'period', 'sheet', 'warnings'].sort(),
    );
    expect(body).toMatchObject({ ok: false, errors: 1, warnings: 1, agency: 'P-TP' });
    expect(body.findings[0]).toMatchObject({
      code: 'STATUS_INVALID',
      severity: 'error',
      cell: 'F7',
      message: { vi: expect.stringContaining('Xong'), en: expect.stringContaining('Xong') },
    });
  });

  it('exit 2 on files that cannot be checked, with the bilingual message', async () => {
    const csv = await run([file('data.csv', CSV)]);
    expect(csv.code).toBe(2);
    expect(csv.stdout).toContain('UNREADABLE_FILE');
    expect(csv.stdout).toContain('không phải bảng tính .xlsx');
    expect(csv.stdout).toContain('not an .xlsx workbook');
    const enc = await run([file('secret.xlsx', cfb(true)), '--json']);
    expect(enc.code).toBe(2);
    expect(JSON.parse(enc.stdout)).toMatchObject({
      ok: false,
      error: { code: 'UNREADABLE_FILE', details: { reason: 'encrypted' } },
    });
    const wrong = await run([
      file('blank.xlsx', templateXlsx('P-TP', '2026-Q1')),
      '--period',
      '2026-Q2',
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('WRONG_TEMPLATE');
    const missing = await run([join(dir, 'khong-co.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không mở được tệp');
    expect(missing.stderr).toContain('không có tệp hay thư mục này');
    expect(missing.stderr).toContain('there is no such file or folder');
    // Every line in both languages: none of Node's English-only text.
    expect(missing.stderr).not.toMatch(/no such file or directory|ENOENT/);
    const folder = await run([dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('it is a folder, not a file');
    const missingJson = await run([join(dir, 'khong-co.xlsx'), '--json']);
    expect(missingJson.code).toBe(2);
    expect(JSON.parse(missingJson.stdout)).toMatchObject({
      ok: false,
      error: { code: 'CANNOT_OPEN', details: { reason: 'ENOENT' } },
    });
    const usage = await run([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Cách dùng / Usage');
  });
});
