// GET /api/periods/:period/workbook.xlsx (coordinator) and
// GET /api/periods/:period/template.xlsx?agency= (coordinator, or an agency
// for itself): status codes, headers, role rules, and what the zip holds.
// Independent readers (openpyxl, LibreOffice) are in tests/node/xlsx-readers.test.ts.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOTTED, EMPTY_DOCUMENT_SETTINGS } from '../../shared/documents/index.ts';
import { XLSX_MEDIA_TYPE as XLSX } from '../../shared/workbook/media-type.ts';
import { PAGE_NUMBER_FOOTER } from '../../worker/src/reports/common.ts';
import {
  api,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  submit,
  validSubmission,
} from './helpers.ts';

async function download(path: string, key?: string) {
  const res = await api(path, key ? { key } : {});
  return res;
}

async function parts(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  // A zip file starts with the local file header signature "PK\3\4".
  expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** The `filename*` of a Content-Disposition, decoded. */
function utf8Name(header: string): string {
  const m = /filename\*=UTF-8''([^;]+)$/.exec(header);
  expect(m, header).not.toBeNull();
  return decodeURIComponent(m?.[1] ?? '');
}

function review(period: string, agency: string, key: string, json: unknown) {
  return api(`/api/periods/${period}/submissions/${agency}/review`, { method: 'POST', key, json });
}

describe('GET /api/periods/:period/workbook.xlsx', () => {
  it('gives the coordinator an .xlsx attachment with a Vietnamese file name, not cached', async () => {
    const res = await download('/api/periods/2026-Q1/workbook.xlsx', await coordinatorKey());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cd = res.headers.get('content-disposition') ?? '';
    expect(cd).toBe(
      `attachment; filename="Tong-hop-KH58-2026-Q1.xlsx"; filename*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p%20KH%2058-KH-UBND%202026-Q1.xlsx`,
    );
    expect(utf8Name(cd)).toBe('Tổng hợp KH 58-KH-UBND 2026-Q1.xlsx');
    const p = await parts(res);
    const workbook = p['xl/workbook.xml'] ?? '';
    const names = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([
      'Tổng hợp',
      'Chi tiết',
      'Khó khăn - Kiến nghị',
      'Tình hình nộp báo cáo',
    ]);
  });

  it('normalises the period code in the URL and names the file after it', async () => {
    const res = await download('/api/periods/2026-q1/workbook.xlsx', await coordinatorKey());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      'filename="Tong-hop-KH58-2026-Q1.xlsx"',
    );
  });

  it('refuses agency keys (403), missing keys (401) and unknown periods (404), changing nothing', async () => {
    const agency = await issueKey('P-TP');
    const key = await coordinatorKey();
    await expectNoChange(async () => {
      await expectError(await download('/api/periods/2026-Q1/workbook.xlsx', agency), 'FORBIDDEN');
      await expectError(await download('/api/periods/2026-Q1/workbook.xlsx'), 'UNAUTHENTICATED');
      await expectError(await download('/api/periods/2026-Q5/workbook.xlsx', key), 'NOT_FOUND');
      await expectError(await download('/api/periods/2099-Q1/workbook.xlsx', key), 'NOT_FOUND');
    });
  });

  it('merges what agencies submitted; an agency that has not reported shows "Chưa nộp", the page’s word', async () => {
    const period = '2028-Q1';
    await submit(await issueKey('P-TP'), validSubmission('P-TP', period, ' — dấu hiệu P-TP'));
    const res = await download(`/api/periods/${period}/workbook.xlsx`, await coordinatorKey());
    expect(res.status).toBe(200);
    const p = await parts(res);
    const strings = p['xl/sharedStrings.xml'] ?? '';
    expect(strings).toContain('Đã triển khai I.1 — dấu hiệu P-TP');
    expect(strings).toContain('Chưa nộp');
    expect(strings).not.toContain('Chưa báo cáo');
    expect(strings).toContain('Phòng Tư pháp (chủ trì)');
    expect(strings).not.toContain('<f>');
    for (const sheet of Object.keys(p).filter((k) => k.startsWith('xl/worksheets/'))) {
      expect(p[sheet], sheet).not.toContain('<f>');
    }
  });

  it('prints the document settings the coordinator saved; unset lines as dotted blanks', async () => {
    const key = await coordinatorKey();
    const path = '/api/periods/2028-Q2/workbook.xlsx';
    const before = (await parts(await download(path, key)))['xl/sharedStrings.xml'] ?? '';
    expect(before).toContain(`Số: ……/${DOTTED}`);
    expect(before).not.toContain('CƠ QUAN THỬ NGHIỆM');
    const saved = await api('/api/settings/document', {
      method: 'PUT',
      key,
      json: {
        ...EMPTY_DOCUMENT_SETTINGS,
        issuingBody: 'CƠ QUAN THỬ NGHIỆM',
        numberSymbol: 'BC-TN',
        recipients: ['Cơ quan nhận thử nghiệm'],
      },
    });
    expect(saved.status).toBe(200);
    const p = await parts(await download(path, key));
    const strings = p['xl/sharedStrings.xml'] ?? '';
    for (const text of [
      'CƠ QUAN THỬ NGHIỆM',
      'Số: ……/BC-TN',
      'Cơ quan nhận thử nghiệm.',
      '- Như trên;',
    ])
      expect(strings).toContain(text);
    expect(strings).toContain(`- Lưu: VT, ${DOTTED}.`);
    // Every sheet numbers its pages in the footer.
    const sheets = Object.keys(p).filter((k) => k.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(4);
    for (const sheet of sheets) {
      const footer = /<oddFooter>(.*?)<\/oddFooter>/.exec(p[sheet] ?? '')?.[1];
      expect(footer?.replaceAll('&quot;', '"').replaceAll('&amp;', '&'), sheet).toBe(
        PAGE_NUMBER_FOOTER,
      );
    }
  });

  it('uses the accepted version over a newer unreviewed one, else the latest version', async () => {
    const period = '2028-Q2';
    const tp = await issueKey('P-TP');
    const thon = await issueKey('THON-02');
    const coordinator = await coordinatorKey();
    // P-TP: v1 accepted, then v2 sent: the merge keeps v1.
    await submit(tp, validSubmission('P-TP', period, ' — bản một đã duyệt'));
    expect((await review(period, 'P-TP', coordinator, { action: 'accept' })).status).toBe(201);
    await submit(tp, validSubmission('P-TP', period, ' — bản hai chưa duyệt'));
    // THON-02: v1 returned, v2 sent: the merge takes v2.
    await submit(thon, validSubmission('THON-02', period, ' — thôn bản một'));
    expect(
      (await review(period, 'THON-02', coordinator, { action: 'return', comment: 'Bổ sung' }))
        .status,
    ).toBe(201);
    await submit(thon, validSubmission('THON-02', period, ' — thôn bản hai'));
    // The coordinating office: two versions, none reviewed: the latest.
    await submit(coordinator, validSubmission(COORDINATOR, period, ' — điều phối một'));
    await submit(coordinator, validSubmission(COORDINATOR, period, ' — điều phối hai'));

    const p = await parts(await download(`/api/periods/${period}/workbook.xlsx`, coordinator));
    const strings = p['xl/sharedStrings.xml'] ?? '';
    expect(strings).toContain('bản một đã duyệt');
    expect(strings).not.toContain('bản hai chưa duyệt');
    expect(strings).toContain('thôn bản hai');
    expect(strings).not.toContain('thôn bản một');
    expect(strings).toContain('điều phối hai');
    expect(strings).not.toContain('điều phối một');
    // The submissions sheet gives the review state of each latest version: none reviewed yet.
    expect(strings).toContain('Chờ xem xét');
    expect(strings).not.toContain('Đã tiếp nhận');
    expect(strings).not.toContain('Đã trả lại để sửa');
  });
});

describe('GET /api/periods/:period/template.xlsx', () => {
  it('gives the coordinator any agency’s template, laid out from the shared layout', async () => {
    const res = await download(
      '/api/periods/2026-Q1/template.xlsx?agency=P-TP',
      await coordinatorKey(),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cd = res.headers.get('content-disposition') ?? '';
    expect(cd).toMatch(
      /^attachment; filename="Bieu-mau-KH58-P-TP-2026-Q1\.xlsx"; filename\*=UTF-8''/,
    );
    expect(utf8Name(cd)).toBe('Biểu mẫu KH 58-KH-UBND P-TP 2026-Q1.xlsx');
    const p = await parts(res);
    expect(p['xl/workbook.xml']).toContain('<sheet name="P-TP 2026-Q1"');
    expect(p['xl/sharedStrings.xml']).toContain(
      'Mã mẫu biểu (không sửa / do not edit): plan=58-KH-UBND-2022; agency=P-TP; period=2026-Q1; layout=1',
    );
    const sheet = p['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toContain('<sheetProtection sheet="1"');
    expect(sheet).toContain('type="list"');
  });

  it('gives an agency key its own template, with the name the coordinator set', async () => {
    const coordinator = await coordinatorKey();
    const rename = await api('/api/agencies/THON-04', {
      method: 'PATCH',
      key: coordinator,
      json: { name: 'Thôn thử nghiệm Ba' },
    });
    expect(rename.status).toBe(200);
    const res = await download(
      '/api/periods/2026-H1/template.xlsx?agency=THON-04',
      await issueKey('THON-04'),
    );
    expect(res.status).toBe(200);
    const p = await parts(res);
    expect(p['xl/sharedStrings.xml']).toContain('Cơ quan báo cáo: Thôn thử nghiệm Ba');
    expect(p['xl/sharedStrings.xml']).toContain('Kỳ báo cáo: 6 tháng đầu năm 2026');
  });

  it('refuses another agency’s template (403), no agency (400), unknown agency or period (404)', async () => {
    const agency = await issueKey('P-TP');
    const coordinator = await coordinatorKey();
    await expectNoChange(async () => {
      await expectError(
        await download('/api/periods/2026-Q1/template.xlsx?agency=THON-01', agency),
        'FORBIDDEN',
      );
      const missing = await expectError(
        await download('/api/periods/2026-Q1/template.xlsx', coordinator),
        'INVALID_REQUEST',
      );
      expect(issueFields(missing)).toEqual(['query.agency']);
      await expectError(
        await download('/api/periods/2026-Q1/template.xlsx?agency=', agency),
        'INVALID_REQUEST',
      );
      await expectError(
        await download('/api/periods/2026-Q1/template.xlsx?agency=NOPE', coordinator),
        'NOT_FOUND',
      );
      await expectError(
        await download('/api/periods/2026-Q9/template.xlsx?agency=P-TP', agency),
        'NOT_FOUND',
      );
      await expectError(
        await download('/api/periods/2026-Q1/template.xlsx?agency=P-TP'),
        'UNAUTHENTICATED',
      );
    });
  });
});
