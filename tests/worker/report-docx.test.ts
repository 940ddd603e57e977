// GET /api/periods/:period/report.docx (coordinator): the written report,
// built by the `docx` library inside workerd. Status codes, headers, role
// rules, and what document.xml says (unzipped here with fflate). Word's
// own reading (python-docx) and LibreOffice's rendering are in
// tests/node/report-docx-readers.test.ts.
import { env } from 'cloudflare:test';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  DOCX_MEDIA_TYPE,
  DOTTED,
  type DocumentSettings,
  EMPTY_DOCUMENT_SETTINGS,
} from '../../shared/documents/index.ts';
import { EMPTY, REPORT_HEADINGS } from '../../worker/src/reports/report.ts';
import {
  api,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueKey,
  submit,
  validSubmission,
} from './helpers.ts';

/** The parts of a .docx answer, as text. */
async function parts(res: Response): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** The text of each paragraph of document.xml (runs joined, line breaks as "\n"), XML entities decoded. */
function paragraphs(xml: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1] ?? '')))
      .join(''),
  );
}

async function saveSettings(settings: DocumentSettings) {
  await env.DB.prepare(
    `INSERT INTO document_settings (id, settings, updated_at, updated_by) VALUES (1, ?1, ?2, 'test')
     ON CONFLICT (id) DO UPDATE SET settings = ?1`,
  )
    .bind(JSON.stringify(settings), new Date().toISOString())
    .run();
}

describe('GET /api/periods/:period/report.docx', () => {
  it('gives the coordinator a .docx attachment with a Vietnamese file name, not cached', async () => {
    const res = await api('/api/periods/2026-Q1/report.docx', { key: await coordinatorKey() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX_MEDIA_TYPE);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Bao-cao-KH58-2026-Q1.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20KH%2058-KH-UBND%202026-Q1.docx`,
    );
    const p = await parts(res);
    expect(Object.keys(p)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );
    const doc = p['word/document.xml'] ?? '';
    // A4 portrait, margins 20/20/30/15 mm, a first page without the page number.
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(doc).toContain('<w:titlePg/>');
    const text = paragraphs(doc);
    for (const h of REPORT_HEADINGS) expect(text).toContain(h);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(p['word/styles.xml']).toContain('w:ascii="Times New Roman"');
  });

  it('refuses agency keys (403), missing keys (401) and unknown periods (404), changing nothing', async () => {
    const agency = await issueKey('P-TP');
    const key = await coordinatorKey();
    await expectNoChange(async () => {
      await expectError(
        await api('/api/periods/2026-Q1/report.docx', { key: agency }),
        'FORBIDDEN',
      );
      await expectError(await api('/api/periods/2026-Q1/report.docx'), 'UNAUTHENTICATED');
      await expectError(await api('/api/periods/2026-Q5/report.docx', { key }), 'NOT_FOUND');
      await expectError(await api('/api/periods/2099-Q1/report.docx', { key }), 'NOT_FOUND');
    });
  });

  it('says so in every part of a period nobody reported, and prints unset settings as dots', async () => {
    await saveSettings(EMPTY_DOCUMENT_SETTINGS);
    const res = await api('/api/periods/2029-Q1/report.docx', { key: await coordinatorKey() });
    expect(res.status).toBe(200);
    const text = paragraphs((await parts(res))['word/document.xml'] ?? '');
    expect(text).toContain(EMPTY.received);
    // II: each of the plan's five sections.
    expect(text.filter((t) => t === EMPTY.section)).toHaveLength(5);
    expect(text).toContain(EMPTY.difficulties);
    expect(text).toContain(`${EMPTY.proposals.replace(/\.$/, '')}./.`);
    expect(text).toContain(`Kính gửi: ${DOTTED}`);
    expect(text).toContain(`- Lưu: VT, ${DOTTED}.`);
    expect(text).not.toContain('- Như trên;');
  });

  it('gathers each task’s results naming the agency, and keeps hostile text as text', async () => {
    const period = '2028-Q2';
    const hostile = ' <w:p> =SUM(1) &amp; "x"';
    const submission = validSubmission('P-TP', period, hostile);
    const first = submission.rows[0];
    if (!first) throw new Error('P-TP has no task');
    first.difficulties = 'Khó khăn <b>thử</b>\nDòng hai';
    first.proposals = '=HYPERLINK("x") &lt;';
    expect((await submit(await issueKey('P-TP'), submission)).status).toBe(201);
    await saveSettings({
      ...EMPTY_DOCUMENT_SETTINGS,
      issuingBody: 'Cơ quan thử nghiệm',
      recipients: ['Nơi nhận thử nghiệm Một', 'Nơi nhận thử nghiệm Hai'],
      copyTo: ['Bản sao thử nghiệm'],
      archiveUnit: 'Đơn vị thử',
    });
    const res = await api(`/api/periods/${period}/report.docx`, { key: await coordinatorKey() });
    expect(res.status).toBe(200);
    const doc = (await parts(res))['word/document.xml'] ?? '';
    // Never markup: the angle brackets and ampersands are escaped in w:t.
    expect(doc).not.toContain('<w:p> =SUM');
    expect(doc).not.toContain('<b>');
    const text = paragraphs(doc);
    const line = text.find((t) => t.includes(`Đã triển khai ${first.taskId}${hostile}`));
    expect(line).toMatch(/^- .+ \(chủ trì\): Đang triển khai, 50%\. Đã triển khai/);
    expect(text).toContain(
      `- Khó khăn <b>thử</b>\nDòng hai (${line?.slice(2).split(' (')[0]}, nhiệm vụ ${first.taskId}).`,
    );
    expect(text.some((t) => t.startsWith('- =HYPERLINK("x") &lt; ('))).toBe(true);
    expect(text).toContain('CƠ QUAN THỬ NGHIỆM');
    expect(text).toContain('Kính gửi: ');
    expect(text).toContain('- Nơi nhận thử nghiệm Một;');
    expect(text).toContain('- Nơi nhận thử nghiệm Hai.');
    expect(text).toContain('- Như trên;');
    expect(text).toContain('- Bản sao thử nghiệm;');
    expect(text).toContain('- Lưu: VT, Đơn vị thử.');
  });
});
