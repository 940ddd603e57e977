// POST /api/periods/:period/uploads inside workerd against the local D1: a
// filled .xlsx template, read by the shared reader (SheetJS), checked by the
// same validate() and stored through the same path as a JSON submission.

import { env } from 'cloudflare:test';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TaskRowLayout } from '../../shared/layout/index.ts';
import { validate } from '../../shared/validate/index.ts';
import { chooseProgressSheet, readWorkbook } from '../../shared/workbook/index.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/workbook/media-type.ts';
import { writeXlsx } from '../../worker/src/xlsx/writer.ts';
import {
  CSV,
  cfb,
  duplicatedSharedStrings,
  type Fill,
  filledGrid,
  filledModel,
  filledXlsx,
  manyEntries,
  odsLike,
  paddedXlsx,
  paddedXmlXlsx,
  patchEntry,
  patchPart,
  taskRows,
  tooMuchUncompressed,
  validFill,
  withEntries,
  zipBomb,
} from '../support/upload-files.ts';
import {
  api,
  auditRows,
  COORDINATOR,
  coordinatorKey,
  type ErrorJson,
  expectError,
  expectNoChange,
  expectReceivedWhenWritten,
  issueFields,
  issueKey,
  patchPeriod,
  plan,
  renameAgency,
  slowPost,
  submit,
  upload,
  uploadBody,
} from './helpers.ts';

interface UploadReceipt {
  id: string;
  agencyCode: string;
  periodCode: string;
  version: number;
  receivedAt: string;
  submittedBy: string;
  contentHash: string;
  warnings: { code: string; cell: string; severity: string }[];
  unchanged: boolean;
  replayed: boolean;
  sheet: string;
}

async function rowsOf(agency: string, period: string) {
  const { results } = await env.DB.prepare(
    'SELECT id, version, source, submitted_by, payload FROM submissions WHERE agency_code = ? AND period_code = ? ORDER BY version',
  )
    .bind(agency, period)
    .all<{ id: string; version: number; source: string; submitted_by: string; payload: string }>();
  return results;
}

/** The Submission the add-in would send for the same cells. */
function expectedSubmission(agency: string, period: string, fill = validFill) {
  const r = validate({ values: filledGrid(agency, period, fill) }, { plan, agency, period });
  if (!r.submission) throw new Error(JSON.stringify(r.findings));
  return r.submission;
}

/** The error, and proof that nothing was written. */
async function refused(act: () => Promise<Response>, code: Parameters<typeof expectError>[1]) {
  return expectNoChange(async () => expectError(await act(), code));
}

const details = (body: ErrorJson) => body.error.details as Record<string, unknown>;

describe('POST /api/periods/:period/uploads: stored like a submission', () => {
  it('stores a filled template: 201 receipt, source upload, the payload the add-in would send', async () => {
    const key = await issueKey('P-TP', 'agency', 'Chị Lan, Phòng Tư pháp');
    const res = await upload(key, '2026-Q1', filledXlsx('P-TP', '2026-Q1'));
    expect(res.status, await res.clone().text()).toBe(201);
    const r = await res.json<UploadReceipt>();
    expect(r).toMatchObject({
      agencyCode: 'P-TP',
      periodCode: '2026-Q1',
      version: 1,
      submittedBy: 'Chị Lan, Phòng Tư pháp',
      unchanged: false,
      replayed: false,
      warnings: [],
      sheet: 'P-TP 2026-Q1',
    });
    const rows = await rowsOf('P-TP', '2026-Q1');
    expect(rows.map((x) => [x.version, x.source])).toEqual([[1, 'upload']]);
    expect(JSON.parse(rows[0]?.payload ?? '')).toEqual(expectedSubmission('P-TP', '2026-Q1'));
    expect(await auditRows('submission.create', 'P-TP/2026-Q1')).toHaveLength(1);

    // The history shows it, and the same content sent as JSON is the same report.
    const history = await (await api('/api/periods/2026-Q1/submissions/P-TP', { key })).json<{
      versions: { submission: unknown; id: string }[];
    }>();
    expect(history.versions.map((v) => v.id)).toEqual([r.id]);
    const json = await submit(key, expectedSubmission('P-TP', '2026-Q1'));
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ unchanged: true, id: r.id, contentHash: r.contentHash });
  });

  it('reads percent-formatted cells as Excel does (0.45 shown as 45% → 45) and keeps warnings', async () => {
    const key = await issueKey('P-GDDT');
    const bytes = filledXlsx('P-GDDT', '2026-Q1', (t, i) => ({
      ...validFill(t),
      percent: i === 0 ? { value: 0.45, style: { numberFormat: '0%' } } : i === 1 ? '' : 60,
    }));
    const res = await upload(key, '2026-Q1', bytes);
    expect(res.status, await res.clone().text()).toBe(201);
    const r = await res.json<UploadReceipt>();
    // In progress without a percentage (row 8) is a warning, named at its cell.
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'PERCENT_MISSING', cell: 'G8', severity: 'warning' }),
    ]);
    const payload = JSON.parse((await rowsOf('P-GDDT', '2026-Q1'))[0]?.payload ?? '');
    expect(payload.rows.slice(0, 3).map((x: { percent: number | null }) => x.percent)).toEqual([
      45,
      null,
      60,
    ]);
  });

  it('submittedBy from the form is kept; a corrected file is version 2; the same file again is unchanged', async () => {
    const key = await issueKey('P-VHTT');
    const first = await upload(key, '2026-Q2', filledXlsx('P-VHTT', '2026-Q2'), {
      submittedBy: '  Anh Minh ',
    });
    expect(first.status).toBe(201);
    expect((await first.json<UploadReceipt>()).submittedBy).toBe('Anh Minh');
    const corrected = filledXlsx('P-VHTT', '2026-Q2', (t) => ({
      ...validFill(t),
      result: `Đã sửa: ${t.taskId}`,
    }));
    const v2 = await upload(key, '2026-Q2', corrected);
    expect(v2.status).toBe(201);
    expect((await v2.json<UploadReceipt>()).version).toBe(2);
    const again = await expectNoChange(() => upload(key, '2026-Q2', corrected));
    expect(again.status).toBe(200);
    expect(await again.json<UploadReceipt>()).toMatchObject({ version: 2, unchanged: true });
    expect((await rowsOf('P-VHTT', '2026-Q2')).map((x) => x.submitted_by)).toEqual([
      'Anh Minh',
      'P-VHTT test',
    ]);
  });

  it('an Idempotency-Key retry gets the same receipt; the key with another file is 409', async () => {
    const key = await issueKey('THON-01');
    const headers = { 'idempotency-key': 'upload-1' };
    const bytes = filledXlsx('THON-01', '2026-Q1');
    const first = await upload(key, '2026-Q1', bytes, { headers });
    expect(first.status).toBe(201);
    const receipt = await first.json<UploadReceipt>();
    const retry = await expectNoChange(() => upload(key, '2026-Q1', bytes, { headers }));
    expect(retry.status).toBe(200);
    expect(await retry.json<UploadReceipt>()).toEqual({ ...receipt, replayed: true });
    const other = filledXlsx('THON-01', '2026-Q1', (t) => ({ ...validFill(t), result: 'Khác' }));
    await refused(() => upload(key, '2026-Q1', other, { headers }), 'IDEMPOTENCY_CONFLICT');
    await refused(
      () => upload(key, '2026-Q1', bytes, { headers: { 'idempotency-key': 'có dấu' } }),
      'INVALID_REQUEST',
    );
  });

  it('a locked period refuses uploads; a reopening lets the agency in', async () => {
    const key = await issueKey('THON-02');
    await patchPeriod('2026-M9', { locked: true, lockReason: 'Đã tổng hợp' });
    const body = await refused(
      () => upload(key, '2026-M9', filledXlsx('THON-02', '2026-M9')),
      'PERIOD_LOCKED',
    );
    expect(body.error.message.vi).toContain('Đã tổng hợp');
    const reopen = await api('/api/periods/2026-M9/reopenings', {
      method: 'POST',
      key: await coordinatorKey(),
      json: { agency: 'THON-02', reason: 'Nộp muộn có lý do' },
    });
    expect(reopen.status).toBe(201);
    expect((await upload(key, '2026-M9', filledXlsx('THON-02', '2026-M9'))).status).toBe(201);
  });
});

describe('uploads: checked when written, however slowly the file arrives', () => {
  // Issue 16: the period and the key were checked when the request began; an
  // upload sent slowly was stored after the lock (or the revocation) with a
  // receivedAt from before it. Now both are part of the write itself.
  it('a lock that lands while the file arrives: 409 PERIOD_LOCKED, nothing stored', async () => {
    const key = await issueKey('THON-04');
    const slow = slowPost(
      '/api/periods/2026-Q3/uploads',
      key,
      await uploadBody(filledXlsx('THON-04', '2026-Q3')),
      { 'idempotency-key': 'slow-1' },
    );
    await slow.reading;
    await patchPeriod('2026-Q3', { locked: true, lockReason: 'Khóa giữa chừng' });
    const body = await expectNoChange(async () => {
      slow.release();
      return expectError(await slow.response, 'PERIOD_LOCKED');
    });
    expect(body.error.message.vi).toContain('Khóa giữa chừng');
    expect(await rowsOf('THON-04', '2026-Q3')).toEqual([]);
    await patchPeriod('2026-Q3', { locked: false });
    // Nothing was remembered for the key: once unlocked, the same request stores.
    const retry = await upload(key, '2026-Q3', filledXlsx('THON-04', '2026-Q3'), {
      headers: { 'idempotency-key': 'slow-1' },
    });
    expect(retry.status).toBe(201);
  });

  it('a key revoked while the file arrives: 401, nothing stored', async () => {
    const key = await issueKey('THON-05');
    const coord = await coordinatorKey();
    const slow = slowPost(
      '/api/periods/2026-Q3/uploads',
      key,
      await uploadBody(filledXlsx('THON-05', '2026-Q3')),
    );
    await slow.reading;
    const revoke = await api(`/api/keys/${key.slice(0, 12)}`, { method: 'DELETE', key: coord });
    expect(revoke.status).toBe(200);
    await expectNoChange(async () => {
      slow.release();
      await expectError(await slow.response, 'UNAUTHENTICATED');
    });
    expect(await rowsOf('THON-05', '2026-Q3')).toEqual([]);
    expect(await auditRows('submission.create', 'THON-05/2026-Q3')).toEqual([]);
  });

  it('receivedAt and the audit time are when the file was stored, not when it began to arrive', async () => {
    const key = await issueKey('THON-06');
    const slow = slowPost(
      '/api/periods/2026-Q3/uploads',
      key,
      await uploadBody(filledXlsx('THON-06', '2026-Q3')),
    );
    await expectReceivedWhenWritten(slow, '2026-Q3', 'THON-06');
  });
});

describe('uploads: validation findings name the uploaded sheet’s cells', () => {
  it('a sheet with mistakes is 422 VALIDATION_FAILED with the findings the add-in shows; nothing stored', async () => {
    const key = await issueKey('THON-03');
    const mistakes = (t: TaskRowLayout, i: number): Fill => ({
      ...validFill(t),
      ...(i === 0 ? { status: 'Xong rồi' } : {}),
      ...(i === 1 ? { percent: 150 } : {}),
      ...(i === 2 ? { status: 'Hoàn thành', percent: 80 } : {}),
      ...(i === 3 ? { result: '' } : {}),
    });
    const bytes = filledXlsx('THON-03', '2026-Q1', mistakes);
    const body = await refused(() => upload(key, '2026-Q1', bytes), 'VALIDATION_FAILED');
    const d = details(body) as { sheet: string; findings: { code: string; cell: string }[] };
    expect(d.sheet).toBe('THON-03 2026-Q1');
    expect(d.findings.map((f) => [f.code, f.cell])).toEqual([
      ['STATUS_INVALID', 'F7'],
      ['PERCENT_INVALID', 'G8'],
      ['PERCENT_STATUS_MISMATCH', 'G9'],
      ['RESULT_REQUIRED', 'H10'],
    ]);
    // The same cells through validate() directly: exactly the same findings.
    const direct = validate(
      { values: filledGrid('THON-03', '2026-Q1', mistakes) },
      { plan, agency: 'THON-03', period: '2026-Q1' },
    );
    expect(direct.findings).toHaveLength(4);
    expect(d.findings).toEqual(JSON.parse(JSON.stringify(direct.findings)));
    expect(await rowsOf('THON-03', '2026-Q1')).toEqual([]);
  });

  it('entries named constructor, toString, hasOwnProperty are entries: the report is stored, not a 500', async () => {
    const key = await issueKey('P-KTHT');
    const bytes = withEntries(filledXlsx('P-KTHT', '2026-Q1'), [
      ['constructor', new Uint8Array([65])],
      ['toString', new Uint8Array(0)],
      ['hasOwnProperty', new Uint8Array([65])],
    ]);
    const res = await upload(key, '2026-Q1', bytes);
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('rows inserted above the table move the cells named', async () => {
    const key = await issueKey('THON-04');
    const model = filledModel('THON-04', '2026-Q1', (t, i) => ({
      ...validFill(t),
      ...(i === 0 ? { status: 'Không rõ' } : {}),
    }));
    const sheet = model.sheets[0];
    if (!sheet) throw new Error('no sheet');
    for (const row of sheet.rows) row.index += 2;
    sheet.rows.unshift({ index: 1, cells: [{ value: 'Ghi chú của đơn vị' }] });
    sheet.merges = [];
    sheet.dataValidations = [];
    sheet.freeze = undefined;
    sheet.print = undefined;
    const body = await refused(() => upload(key, '2026-Q1', writeXlsx(model)), 'VALIDATION_FAILED');
    expect((details(body).findings as { code: string; cell: string }[])[0]).toMatchObject({
      code: 'STATUS_INVALID',
      cell: 'F9',
    });
  });
});

describe('uploads: bad files are refused before anything is written', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['a CSV file', () => CSV, 'not-xlsx'],
    ['an encrypted workbook (CFB with EncryptedPackage)', () => cfb(true), 'encrypted'],
    ['an Excel 97-2003 .xls (CFB)', () => cfb(false), 'legacy-xls'],
    ['an OpenDocument spreadsheet', odsLike, 'ods'],
    ['a zip bomb', zipBomb, 'compression-ratio'],
    ['a zip with too many entries', () => manyEntries(), 'too-many-entries'],
    ['a zip too large once inflated', tooMuchUncompressed, 'too-large-uncompressed'],
    ['a truncated .xlsx', () => filledXlsx('P-TP', '2026-Q3').slice(0, 3000), 'corrupt'],
    [
      'a sheet whose XML is broken',
      () =>
        patchPart(filledXlsx('P-TP', '2026-Q3'), 'xl/worksheets/sheet1.xml', (x) =>
          x.slice(0, 500),
        ),
      'corrupt',
    ],
    [
      'a sheet cut inside a tag and then closed',
      () =>
        patchPart(filledXlsx('P-TP', '2026-Q3'), 'xl/worksheets/sheet1.xml', (x) => {
          const at = x.indexOf('<c r="H9"');
          return `${x.slice(0, at + 12)}</sheetData></worksheet>`;
        }),
      'corrupt',
    ],
    [
      'a workbook.xml padded with 30,000 defined names',
      () => paddedXmlXlsx('workbook', 30_000, 'P-TP', '2026-Q3'),
      'part-too-large',
    ],
    [
      'one part twice (the shared strings, deflated then stored with another text)',
      duplicatedSharedStrings,
      'corrupt',
    ],
    [
      'an entry named “__proto__”',
      () =>
        patchEntry(
          withEntries(filledXlsx('P-TP', '2026-Q3'), [['__proto_x', new Uint8Array([65])]]),
          '__proto_x',
          { rename: '__proto__' },
        ),
      'corrupt',
    ],
    [
      'an entry named “toString” of an unknown compression method (was a 500)',
      () =>
        patchEntry(
          withEntries(filledXlsx('P-TP', '2026-Q3'), [['toString', new Uint8Array(0)]]),
          'toString',
          { method: 12 },
        ),
      'corrupt',
    ],
    [
      'a package naming a shared-strings part it lacks',
      () => {
        const files = unzipSync(filledXlsx('P-TP', '2026-Q3'));
        delete files['xl/sharedStrings.xml'];
        return zipSync(files);
      },
      'corrupt',
    ],
  ];
  for (const [name, make, reason] of cases) {
    it(`${name} → 422 UNREADABLE_FILE (${reason})`, async () => {
      const key = await issueKey('P-TP');
      const body = await refused(() => upload(key, '2026-Q3', make()), 'UNREADABLE_FILE');
      expect(details(body).reason).toBe(reason);
      expect(body.error.message.vi).not.toBe(body.error.message.en);
    });
  }

  it('an empty file is unreadable; no file, a text field or two files are 400 naming “file”', async () => {
    const key = await issueKey('P-TP');
    const empty = await refused(() => upload(key, '2026-Q3', new Uint8Array(0)), 'UNREADABLE_FILE');
    expect(details(empty).reason).toBe('empty');
    expect(
      issueFields(await refused(() => upload(key, '2026-Q3', null), 'INVALID_REQUEST')),
    ).toEqual(['file']);
    const text = new FormData();
    text.append('file', 'không phải tệp');
    const asText = await refused(
      () => api('/api/periods/2026-Q3/uploads', { method: 'POST', key, body: text }),
      'INVALID_REQUEST',
    );
    expect(issueFields(asText)).toEqual(['file']);
    const two = new FormData();
    const bytes = filledXlsx('P-TP', '2026-Q3') as Uint8Array<ArrayBuffer>;
    two.append('file', new File([bytes], 'a.xlsx'));
    two.append('file', new File([bytes], 'b.xlsx'));
    expect(
      issueFields(
        await refused(
          () => api('/api/periods/2026-Q3/uploads', { method: 'POST', key, body: two }),
          'INVALID_REQUEST',
        ),
      ),
    ).toEqual(['file']);
    const badName = await refused(
      () => upload(key, '2026-Q3', bytes, { submittedBy: 'x'.repeat(121) }),
      'INVALID_REQUEST',
    );
    expect(issueFields(badName)).toEqual(['submittedBy']);
  });

  it('a JSON or raw body is 400 UNSUPPORTED_CONTENT_TYPE naming multipart/form-data', async () => {
    const key = await issueKey('P-TP');
    const body = await refused(
      () => api('/api/periods/2026-Q3/uploads', { method: 'POST', key, json: { file: 'x' } }),
      'UNSUPPORTED_CONTENT_TYPE',
    );
    expect(body.error.message.en).toContain('multipart/form-data');
    await refused(
      () =>
        api('/api/periods/2026-Q3/uploads', {
          method: 'POST',
          key,
          body: filledXlsx('P-TP', '2026-Q3') as Uint8Array<ArrayBuffer>,
          headers: { 'content-type': XLSX_MEDIA_TYPE },
        }),
      'UNSUPPORTED_CONTENT_TYPE',
    );
  });

  it('31 sheets of padding (~2 million cells) beside the report: it is stored, the padding never parsed', async () => {
    const key = await issueKey('THON-05');
    const res = await upload(key, '2026-Q1', paddedXlsx('THON-05', '2026-Q1'));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json<UploadReceipt>()).toMatchObject({
      sheet: 'THON-05 2026-Q1',
      version: 1,
      unchanged: false,
    });
    const rows = await rowsOf('THON-05', '2026-Q1');
    expect(JSON.parse(rows[0]?.payload ?? '')).toEqual(expectedSubmission('THON-05', '2026-Q1'));
  });

  it('padding that could be a progress sheet is 422 UNREADABLE_FILE (too-many-cells) naming the sheet', async () => {
    const key = await issueKey('P-TP');
    const body = await refused(
      () => upload(key, '2026-Q3', paddedXlsx('P-TP', '2026-Q3', true)),
      'UNREADABLE_FILE',
    );
    expect(details(body)).toMatchObject({ reason: 'too-many-cells', sheet: 'Dữ liệu 2' });
  });

  it('a file over MAX_UPLOAD_BYTES is 413, whether the body limit or the reader sees it', async () => {
    const key = await issueKey('P-TP');
    const limit = Number(env.MAX_UPLOAD_BYTES);
    expect(limit).toBe(2 * 1024 * 1024);
    // Just over the file limit: the multipart body fits, the reader refuses it.
    const justOver = await refused(
      () => upload(key, '2026-Q3', new Uint8Array(limit + 1)),
      'PAYLOAD_TOO_LARGE',
    );
    expect(justOver.error.message.en).toContain('2.0 MB');
    // Far over: the body limit refuses it before it is read.
    await refused(() => upload(key, '2026-Q3', new Uint8Array(3 * limit)), 'PAYLOAD_TOO_LARGE');
  });

  it('a workbook without the metadata cell is 422 NO_PROGRESS_SHEET naming its sheets', async () => {
    const key = await issueKey('P-TP');
    const model = filledModel('P-TP', '2026-Q3');
    const sheet = model.sheets[0];
    if (!sheet) throw new Error('no sheet');
    sheet.rows = sheet.rows.filter((r) => r.index !== 5); // the metadata row
    sheet.name = 'Báo cáo';
    const body = await refused(() => upload(key, '2026-Q3', writeXlsx(model)), 'NO_PROGRESS_SHEET');
    expect(details(body).sheets).toEqual(['Báo cáo']);
    expect(body.error.message.vi).toContain('Mã mẫu biểu');
  });

  it('an unknown period is 404', async () => {
    const key = await issueKey('P-TP');
    await refused(() => upload(key, '2031-Q1', filledXlsx('P-TP', '2026-Q1')), 'NOT_FOUND');
  });
});

describe('uploads: whose report', () => {
  it('no key is 401', async () => {
    await refused(
      () => upload(undefined, '2026-Q1', filledXlsx('P-TP', '2026-Q1')),
      'UNAUTHENTICATED',
    );
  });

  it('agency A’s key with agency B’s template is 422 WRONG_TEMPLATE naming both; B gets nothing', async () => {
    const key = await issueKey('P-TP');
    const body = await refused(
      () => upload(key, '2026-H2', filledXlsx('P-GDDT', '2026-H2')),
      'WRONG_TEMPLATE',
    );
    expect(details(body)).toMatchObject({
      reason: 'other-agency',
      expected: { agency: 'P-TP', period: '2026-H2' },
      found: [{ sheet: 'P-GDDT 2026-H2', cell: 'A5', agency: 'P-GDDT', period: '2026-H2' }],
    });
    expect(body.error.message.vi).toContain('P-GDDT');
    expect(body.error.message.vi).toContain('P-TP');
    expect(await rowsOf('P-GDDT', '2026-H2')).toEqual([]);
  });

  it('names the agencies as D1 names them and the period as people say it, codes second', async () => {
    const coordinator = await coordinatorKey();
    await renameAgency('THON-05', 'Thôn thử nghiệm Năm');
    const body = await refused(
      () => upload(coordinator, '2026-H2', filledXlsx('THON-05', '2026-H2')),
      'WRONG_TEMPLATE',
    );
    expect(body.error.message.vi).toContain(
      'Tệp là biểu mẫu của Thôn thử nghiệm Năm (THON-05), kỳ 6 tháng cuối năm 2026 (2026-H2)',
    );
    expect(body.error.message.vi).toContain(
      `không phải của ${plan.agency(COORDINATOR)?.name} (${COORDINATOR}), kỳ 6 tháng cuối năm 2026 (2026-H2)`,
    );
  });

  it('another period’s template is 422 WRONG_TEMPLATE (other-period)', async () => {
    const key = await issueKey('P-TP');
    const body = await refused(
      () => upload(key, '2026-H2', filledXlsx('P-TP', '2026-Q1')),
      'WRONG_TEMPLATE',
    );
    expect(details(body)).toMatchObject({ reason: 'other-period' });
    expect(body.error.message.en).toContain('2026-Q1');
    expect(body.error.message.en).toContain('2026-H2');
  });

  it('two progress sheets for the same report are refused; the right one among others is read', async () => {
    const key = await issueKey('P-TP');
    const model = filledModel('P-TP', '2026-H2');
    const [sheet] = model.sheets;
    if (!sheet) throw new Error('no sheet');
    const other = filledModel('P-GDDT', '2026-H2').sheets[0];
    if (!other) throw new Error('no sheet');
    const twice = { ...model, sheets: [sheet, { ...sheet, name: 'Bản sao' }] };
    const body = await refused(() => upload(key, '2026-H2', writeXlsx(twice)), 'WRONG_TEMPLATE');
    expect(details(body)).toMatchObject({ reason: 'several-sheets' });
    expect(body.error.message.vi).toContain('Bản sao');
    // Another agency's sheet next to ours: ours is the report.
    const mixed = { ...model, sheets: [other, sheet] };
    const res = await upload(key, '2026-H2', writeXlsx(mixed));
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json<UploadReceipt>()).sheet).toBe('P-TP 2026-H2');
  });

  it('the coordinator key uploads its own office’s report only, not another agency’s', async () => {
    const key = await coordinatorKey();
    const own = await upload(key, '2026-Q1', filledXlsx(COORDINATOR, '2026-Q1'));
    expect(own.status, await own.clone().text()).toBe(201);
    expect((await own.json<UploadReceipt>()).agencyCode).toBe(COORDINATOR);
    const body = await refused(
      () => upload(key, '2026-Q1', filledXlsx('THON-06', '2026-Q1')),
      'WRONG_TEMPLATE',
    );
    expect(details(body)).toMatchObject({ expected: { agency: COORDINATOR } });
    expect(await rowsOf('THON-06', '2026-Q1')).toEqual([]);
  });
});

describe('uploads in the API description', () => {
  it('documents the multipart body with its file field', async () => {
    const doc = await (await api('/api/openapi.json')).json<{
      paths: Record<string, Record<string, { requestBody: { content: Record<string, unknown> } }>>;
    }>();
    const body = doc.paths['/api/periods/{period}/uploads']?.post?.requestBody;
    expect(body?.content['multipart/form-data']).toMatchObject({
      schema: { required: ['file'], properties: { file: { type: 'string' } } },
    });
  });
});

describe('POST /api/periods/:period/uploads/annotated', () => {
  function annotated(key: string | undefined, period: string, bytes: Uint8Array) {
    const form = new FormData();
    form.append(
      'file',
      new File([bytes as Uint8Array<ArrayBuffer>], 'bao-cao.xlsx', { type: XLSX_MEDIA_TYPE }),
    );
    return api(`/api/periods/${period}/uploads/annotated`, { method: 'POST', key, body: form });
  }

  it('hands the clerk’s values back on a fresh template, each finding’s cell coloured and noted; nothing stored', async () => {
    const key = await issueKey('P-TP');
    const period = '2026-H2';
    const bad = filledXlsx('P-TP', period, (t, i) =>
      i === 1
        ? { status: 'Đã xong rồi', percent: 50, result: `Dòng ${t.taskId}` }
        : i === 2
          ? { status: 'Hoàn thành', percent: 80, result: `Dòng ${t.taskId}` }
          : validFill(t),
    );
    const res = await expectNoChange(() => annotated(key, period, bad));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers.get('content-disposition')).toContain(
      'filename="Danh-dau-P-TP-2026-H2.xlsx"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());

    // What the validator says of the same file, to compare the marks with.
    const tasks = taskRows('P-TP', period);
    const rowOf = (i: number) => (tasks[i] as TaskRowLayout).row;
    const parts = unzipSync(bytes);
    const comments = strFromU8(parts['xl/comments1.xml'] as Uint8Array);
    const refs = [...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs).toContain(`F${rowOf(1)}`); // the status that is not on the list
    expect(refs).toContain(`G${rowOf(2)}`); // done needs 100
    expect(comments).toContain('Lỗi: ');
    expect(comments).toContain('Error: ');
    expect(strFromU8(parts['xl/styles.xml'] as Uint8Array)).toContain('FFC7CE');
    expect(strFromU8(parts['[Content_Types].xml'] as Uint8Array)).toContain('/xl/comments1.xml');

    // The clerk's own values are there, read back by the same reader.
    const book = readWorkbook(bytes);
    if (!book.ok) throw new Error('unreadable');
    const chosen = chooseProgressSheet(book, { agency: 'P-TP', period });
    if (!chosen.ok) throw new Error('no sheet');
    const values = chosen.sheet.grid.values;
    expect(values[rowOf(1) - 1]?.[5]).toBe('Đã xong rồi');
    // A number stays a number, not "number stored as text".
    expect(values[rowOf(2) - 1]?.[6]).toBe(80);
    expect(values[rowOf(0) - 1]?.[7]).toBe(`Đã triển khai nhiệm vụ ${tasks[0]?.taskId}`);
    expect(String(values[3]?.[0])).toContain('Bản đánh dấu: 2 lỗi');
    expect(res.headers.get('x-findings')).toBe('errors=2; warnings=0');
  });

  it('refuses what the upload refuses: another agency’s template, no key; nothing stored', async () => {
    const key = await issueKey('P-TP');
    await expectNoChange(async () => {
      await expectError(
        await annotated(key, '2026-H2', filledXlsx('P-GDDT', '2026-H2')),
        'WRONG_TEMPLATE',
      );
      await expectError(
        await annotated(undefined, '2026-H2', filledXlsx('P-TP', '2026-H2')),
        'UNAUTHENTICATED',
      );
    });
  });
});
