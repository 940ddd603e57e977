// GET /api/periods/:period/report.docx (coordinator): the district's written
// report of the period (reports/report.ts), from the same data as the merged
// workbook and the document settings the coordinator saved; built once per
// change of them (lib/built-once.ts).
import { Hono } from 'hono';
import { DOCX_MEDIA_TYPE } from '../../../shared/documents/index.ts';
import { loadDocumentSettings } from '../db/document-settings.ts';
import type { AppEnv } from '../env.ts';
import { loadMergedInput } from '../lib/merged-input.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { buildReportDocx } from '../reports/report.ts';
import { serveBuiltFile } from './built-file.ts';
import { contentDisposition, planNumber, planShort } from './workbooks.ts';

export const reportDocx = new Hono<AppEnv>().get(
  '/:period/report.docx',
  requireCoordinator,
  (c) => {
    const db = c.env.DB;
    return serveBuiltFile(c, c.req.param('period'), {
      kind: 'report',
      mediaType: DOCX_MEDIA_TYPE,
      disposition: (code) =>
        contentDisposition(
          `Bao-cao-${planShort()}-${code}.docx`,
          `Báo cáo KH ${planNumber()} ${code}.docx`,
        ),
      build: async (p, now) => {
        const [input, settings] = await Promise.all([
          loadMergedInput(db, p, now),
          loadDocumentSettings(db),
        ]);
        return buildReportDocx(input, settings);
      },
    });
  },
);
