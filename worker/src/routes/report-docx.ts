// GET /api/periods/:period/report.docx (coordinator): the district's written
// report of the period (reports/report.ts), from the same data as the merged
// workbook and the document settings the coordinator saved; built once per
// change of them (lib/built-once.ts).
import { Hono } from 'hono';
import { DOCX_MEDIA_TYPE } from '../../../shared/documents/index.ts';
import { loadDocumentSettings } from '../db/document-settings.ts';
import type { AppEnv } from '../env.ts';
import { builtOnce, wantsFresh } from '../lib/built-once.ts';
import { loadMergedInput } from '../lib/merged-input.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { buildReportDocx } from '../reports/report.ts';
import { periodCodeOr404, periodNotFound } from './lookups.ts';
import { contentDisposition, planNumber, planShort } from './workbooks.ts';

export const reportDocx = new Hono<AppEnv>().get(
  '/:period/report.docx',
  requireCoordinator,
  async (c) => {
    const db = c.env.DB;
    const now = c.get('now');
    const code = periodCodeOr404(c.req.param('period'));
    const fresh = wantsFresh(c.req.header('cache-control'));
    const version = c.env.CF_VERSION_METADATA.id;
    const file = await builtOnce(
      db,
      { period: code, kind: 'report', version, now, fresh },
      async (p) => {
        const [input, settings] = await Promise.all([
          loadMergedInput(db, p, now),
          loadDocumentSettings(db),
        ]);
        return buildReportDocx(input, settings);
      },
    );
    if (!file) throw periodNotFound(c.req.param('period'));
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': DOCX_MEDIA_TYPE,
      'Content-Disposition': contentDisposition(
        `Bao-cao-${planShort()}-${code}.docx`,
        `Báo cáo KH ${planNumber()} ${code}.docx`,
      ),
      'X-Cache': file.cache,
    });
  },
);
