// Round trips with other applications, against the whole local system
// (wrangler dev, local D1, development keys): download an agency's template
// from the running Worker, fill it in LibreOffice (a Basic macro edits the
// cells, Calc saves the .xlsx) or openpyxl, upload it with plain fetch, and
// read the stored report back. Bad files made by LibreOffice (CSV, ODS, XLS)
// and the wrong templates are refused without storing anything.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLayout, type TaskRowLayout } from '../../shared/layout/index.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import { type CellEdit, fillWithOpenpyxl, LibreOffice } from './fillers.ts';
import { type System, useSystem } from './harness.ts';

const PERIOD = '2026-Q1';
let system: System;
let lo: LibreOffice;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lyson-upload-'));
  [system, lo] = await Promise.all([useSystem(), LibreOffice.start(dir)]);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Receipt {
  id: string;
  version: number;
  contentHash: string;
  agencyCode: string;
  periodCode: string;
  sheet: string;
  unchanged: boolean;
  replayed: boolean;
}
interface ErrorBody {
  error: { code: string; message: { vi: string; en: string }; details?: Record<string, unknown> };
}
interface StoredRow {
  taskId: string;
  status: string;
  percent: number | null;
  result: string;
  completedProducts: string;
  difficulties: string;
}

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

async function download(agency: string, period = PERIOD): Promise<string> {
  const res = await fetch(
    `${system.baseUrl}/api/periods/${period}/template.xlsx?agency=${agency}`,
    { headers: auth(system.keyFor(agency)) },
  );
  expect(res.status, await res.clone().text()).toBe(200);
  const path = join(dir, `template-${agency}-${period}.xlsx`);
  writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
  return path;
}

async function upload(agency: string, path: string, period = PERIOD, idempotencyKey?: string) {
  const form = new FormData();
  form.append('file', new File([readFileSync(path)], 'bao-cao.xlsx'));
  const res = await fetch(`${system.baseUrl}/api/periods/${period}/uploads`, {
    method: 'POST',
    headers: {
      ...auth(system.keyFor(agency)),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Receipt & ErrorBody };
}

async function versions(agency: string) {
  const res = await fetch(`${system.baseUrl}/api/periods/${PERIOD}/submissions/${agency}`, {
    headers: auth(system.keyFor(agency)),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    versions: { version: number; submission: { rows: StoredRow[] } }[];
  };
  return body.versions;
}

const tasks = (agency: string) => buildLayout(lySon58, agency, getPeriod(PERIOD)).tasks;
const result = (t: TaskRowLayout, app: string) =>
  `Đã triển khai nhiệm vụ ${t.taskId} tại thôn Đông, xã An Vĩnh (${app})`;

/** Every task in progress; the first at 45 % typed as a percentage, the others 60. */
function goodEdits(agency: string, app: string): CellEdit[] {
  return tasks(agency).flatMap((t, i) => [
    { cell: `F${t.row}`, kind: 's', value: 'Đang triển khai' },
    i === 0
      ? { cell: `G${t.row}`, kind: 'p', value: 0.45 }
      : { cell: `G${t.row}`, kind: 'n', value: 60 },
    { cell: `H${t.row}`, kind: 's', value: result(t, app) },
    ...(i === 1
      ? [{ cell: `I${t.row}`, kind: 's', value: 'Kế hoạch số 12/KH-UBND ngày 05/3/2026' } as const]
      : []),
    ...(i === 2
      ? [{ cell: `J${t.row}`, kind: 's', value: 'Thiếu kinh phí; đường đi lại khó khăn' } as const]
      : []),
  ]);
}

function expectStored(rows: StoredRow[], agency: string, app: string) {
  const list = tasks(agency);
  expect(rows.map((r) => r.taskId)).toEqual(list.map((t) => t.taskId));
  expect(rows.map((r) => r.status)).toEqual(list.map(() => 'in-progress'));
  expect(rows.map((r) => r.percent)).toEqual(list.map((_, i) => (i === 0 ? 45 : 60)));
  expect(rows.map((r) => r.result)).toEqual(list.map((t) => result(t, app)));
  expect(rows[1]?.completedProducts).toBe('Kế hoạch số 12/KH-UBND ngày 05/3/2026');
  expect(rows[2]?.difficulties).toBe('Thiếu kinh phí; đường đi lại khó khăn');
}

describe('uploads of templates filled by other applications', () => {
  it('LibreOffice: edited in Calc, saved as .xlsx, uploaded → 201; the values read back', async () => {
    const template = await download('P-TP');
    const filled = join(dir, 'p-tp-libreoffice.xlsx');
    await lo.fill(template, filled, goodEdits('P-TP', 'LibreOffice'));
    const r = await upload('P-TP', filled);
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ agencyCode: 'P-TP', periodCode: PERIOD, version: 1 });
    const [v1] = await versions('P-TP');
    expectStored(v1?.submission.rows ?? [], 'P-TP', 'LibreOffice');
  });

  it('openpyxl: filled in Python, uploaded → 201; the values read back', async () => {
    const template = await download('P-GDDT');
    const filled = join(dir, 'p-gddt-openpyxl.xlsx');
    await fillWithOpenpyxl(template, filled, goodEdits('P-GDDT', 'openpyxl'));
    const r = await upload('P-GDDT', filled);
    expect(r.status, r.text).toBe(201);
    const [v1] = await versions('P-GDDT');
    expectStored(v1?.submission.rows ?? [], 'P-GDDT', 'openpyxl');
  });

  it('mistakes made in LibreOffice → 422 naming the cells; nothing stored', async () => {
    const [first, second, third, fourth] = tasks('P-TP');
    if (!first || !second || !third || !fourth) throw new Error('P-TP has four tasks');
    const bad = join(dir, 'p-tp-mistakes.xlsx');
    await lo.fill(join(dir, 'p-tp-libreoffice.xlsx'), bad, [
      { cell: `F${first.row}`, kind: 's', value: 'Xong rồi' },
      { cell: `G${second.row}`, kind: 'n', value: 150 },
      { cell: `F${third.row}`, kind: 's', value: 'Hoàn thành' },
      { cell: `G${third.row}`, kind: 'n', value: 80 },
      { cell: `H${fourth.row}`, kind: 's', value: '' },
    ]);
    const r = await upload('P-TP', bad);
    expect(r.status, r.text).toBe(422);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const findings = r.body.error.details?.findings as { code: string; cell: string }[];
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['STATUS_INVALID', `F${first.row}`],
      ['PERCENT_INVALID', `G${second.row}`],
      ['PERCENT_STATUS_MISMATCH', `G${third.row}`],
      ['RESULT_REQUIRED', `H${fourth.row}`],
    ]);
    expect(await versions('P-TP')).toHaveLength(1);
  });

  it('a corrected file is version 2; a retry with its Idempotency-Key gets the same receipt; the same content saved again by LibreOffice is unchanged', async () => {
    const [first] = tasks('P-TP');
    if (!first) throw new Error('no task');
    const corrected = join(dir, 'p-tp-corrected.xlsx');
    await fillWithOpenpyxl(join(dir, 'p-tp-libreoffice.xlsx'), corrected, [
      { cell: `H${first.row}`, kind: 's', value: 'Đã sửa: hội nghị ngày 10/3/2026 với 135 người' },
    ]);
    const v2 = await upload('P-TP', corrected, PERIOD, 'tep-sua-1');
    expect(v2.status, v2.text).toBe(201);
    expect(v2.body.version).toBe(2);
    const retry = await upload('P-TP', corrected, PERIOD, 'tep-sua-1');
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: v2.body.id, version: 2, replayed: true });
    // LibreOffice opens openpyxl's file and writes its own .xlsx: the same report.
    const [resaved] = await lo.saveAs(corrected, ['xlsx'], join(dir, 'resaved'));
    if (!resaved) throw new Error('no resaved file');
    const same = await upload('P-TP', resaved);
    expect(same.status, same.text).toBe(200);
    expect(same.body).toMatchObject({ unchanged: true, contentHash: v2.body.contentHash });
    const all = await versions('P-TP');
    expect(all.map((v) => v.version)).toEqual([2, 1]);
    expect(all[0]?.submission.rows[0]?.result).toBe(
      'Đã sửa: hội nghị ngày 10/3/2026 với 135 người',
    );
  });

  it('bad files are refused with the right error and nothing is stored', async () => {
    const filled = join(dir, 'p-tp-libreoffice.xlsx');
    const [csv, ods, xls] = await lo.saveAs(filled, ['csv', 'ods', 'xls'], join(dir, 'converted'));
    if (!csv || !ods || !xls) throw new Error('LibreOffice saved fewer copies than asked');
    const expectations: [string, string, string | undefined][] = [
      [csv, 'UNREADABLE_FILE', 'not-xlsx'],
      [ods, 'UNREADABLE_FILE', 'ods'],
      [xls, 'UNREADABLE_FILE', 'legacy-xls'],
      [join(dir, 'p-gddt-openpyxl.xlsx'), 'WRONG_TEMPLATE', 'other-agency'],
      [await download('P-TP', '2026-H1'), 'WRONG_TEMPLATE', 'other-period'],
    ];
    const truncated = join(dir, 'truncated.xlsx');
    writeFileSync(truncated, readFileSync(filled).subarray(0, 4000));
    expectations.push([truncated, 'UNREADABLE_FILE', 'corrupt']);
    for (const [path, code, reason] of expectations) {
      const r = await upload('P-TP', path);
      expect([r.status, r.body.error?.code, r.body.error?.details?.reason], path).toEqual([
        422,
        code,
        reason,
      ]);
      expect(r.body.error.message.vi).not.toBe(r.body.error.message.en);
    }
    expect((await versions('P-TP')).map((v) => v.version)).toEqual([2, 1]);
    expect(await versions('P-GDDT')).toHaveLength(1);
  });
});
