// Workbooks (.xlsx) for a period: the merged district workbook
// (coordinator) and an agency's blank progress sheet (the coordinator for
// any agency, an agency key for its own). D1 in, the pure builders in
// reports/, the writer in xlsx/.
import { type Context, Hono } from 'hono';
import type { PeriodInfo } from '../../../shared/layout/index.ts';
import { startedFromNote } from '../../../shared/layout/started-from.ts';
import { getPeriod, periodName } from '../../../shared/periods/index.ts';
import type { Submission } from '../../../shared/submission/schema.ts';
import { rowCells, submissionFill } from '../../../shared/submission/to-grid.ts';
import { clip } from '../../../shared/text/clip.ts';
import { XLSX_MEDIA_TYPE } from '../../../shared/workbook/media-type.ts';
import { loadDocumentSettings } from '../db/document-settings.ts';
import type { PeriodRow } from '../db/periods.ts';
import { findVersion } from '../db/submissions.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { type CarryForward, carryForward } from '../lib/carry-forward.ts';
import { loadMergedInput } from '../lib/merged-input.ts';
import { namedPlan } from '../lib/named-plan.ts';
import { assertCanRead, requireCoordinator } from '../middleware/auth.ts';
import { plan } from '../plan.ts';
import { buildMergedWorkbook } from '../reports/merged.ts';
import { buildTemplateWorkbook, type TemplateOptions } from '../reports/template.ts';
import { writeXlsxNative } from '../xlsx/writer.ts';
import { serveBuiltFile } from './built-file.ts';
import { agencyOr404, agencyQuery, periodOr404, readableReport } from './lookups.ts';

/**
 * `attachment` with an ASCII fallback name and the real (Vietnamese) name in
 * RFC 6266 / RFC 8187 form: UTF-8, NFC, percent-encoded.
 */
export function contentDisposition(asciiName: string, name: string): string {
  const fallback = asciiName.replace(/[^A-Za-z0-9._-]+/g, '-');
  const encoded = encodeURIComponent(name.normalize('NFC')).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "58/KH-UBND" → "KH58" (ASCII names) and "58-KH-UBND" (file names cannot hold "/"): every download's name. */
export const planShort = () => `KH${plan.def.number.split('/')[0] ?? ''}`;
export const planNumber = () => plan.def.number.replace(/[\\/:*?"<>|]/g, '-');

function xlsx(c: Context<AppEnv>, bytes: Uint8Array, asciiName: string, name: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': XLSX_MEDIA_TYPE,
    'Content-Disposition': contentDisposition(asciiName, name),
  });
}

export const workbooks = new Hono<AppEnv>()
  .get('/:period/workbook.xlsx', requireCoordinator, (c) => {
    const db = c.env.DB;
    return serveBuiltFile(c, c.req.param('period'), {
      kind: 'workbook',
      mediaType: XLSX_MEDIA_TYPE,
      disposition: (code) =>
        contentDisposition(
          `Tong-hop-${planShort()}-${code}.xlsx`,
          `Tổng hợp KH ${planNumber()} ${code}.xlsx`,
        ),
      build: async (p, now) =>
        writeXlsxNative(
          buildMergedWorkbook({
            ...(await loadMergedInput(db, p, now)),
            document: await loadDocumentSettings(db),
          }),
          { modified: now },
        ),
    });
  })

  .get('/:period/template.xlsx', async (c) => {
    const db = c.env.DB;
    const code = agencyQuery(c.req.query('agency'));
    const start = startQuery(c.req.query('start'));
    const period = await periodOr404(db, c.req.param('period'));
    const agency = await agencyOr404(db, code);
    assertCanRead(c.get('principal'), agency.code);
    // The names the coordinator set (e.g. the villages'), as /api/plan gives them to the add-in.
    const named = await namedPlan(db);
    const carried = start ? await carryForward(db, named, agency.code, period.code) : null;
    const workbook = buildTemplateWorkbook(
      named,
      agency.code,
      periodInfo(period),
      carried?.from ? startedFrom(carried) : {},
    );
    const res = xlsx(
      c,
      await writeXlsxNative(workbook, { modified: c.get('now') }),
      `Bieu-mau-${planShort()}-${agency.code}-${period.code}.xlsx`,
      `Biểu mẫu KH ${planNumber()} ${agency.code} ${period.code}.xlsx`,
    );
    if (carried) {
      const from = carried.from;
      res.headers.set(
        'X-Start-From',
        from ? `period=${from.period}; version=${from.version}` : 'none',
      );
    }
    return res;
  })

  // One stored version drawn on the agency's template: the report as it was
  // received, in the sheet it would have been typed into. Uploaded again it
  // validates clean and is acknowledged as unchanged.
  .get('/:period/submissions/:agency/versions/:file', async (c) => {
    const db = c.env.DB;
    const { period, agency } = await readableReport(
      db,
      c.get('principal'),
      c.req.param('period'),
      c.req.param('agency'),
    );
    const file = c.req.param('file');
    const version = /^([1-9]\d{0,8})\.xlsx$/.exec(file)?.[1];
    const row = version ? await findVersion(db, agency.code, period.code, Number(version)) : null;
    if (!row) {
      const shown = clip(file.replace(/\.xlsx$/, ''));
      throw new ApiError('NOT_FOUND', {
        vi: `${agency.name} (${agency.code}) không có báo cáo phiên bản “${shown}” cho kỳ ${periodName(period.code).vi}.`,
        en: `${agency.name} (${agency.code}) has no report version “${shown}” for ${periodName(period.code).en}.`,
      });
    }
    const submission = JSON.parse(row.payload) as Submission;
    const workbook = buildTemplateWorkbook(await namedPlan(db), agency.code, periodInfo(period), {
      fill: submissionFill(submission),
    });
    return xlsx(
      c,
      await writeXlsxNative(workbook, { modified: row.received_at }),
      `Bao-cao-${planShort()}-${agency.code}-${period.code}-v${row.version}.xlsx`,
      `Báo cáo KH ${planNumber()} ${agency.code} ${period.code} phiên bản ${row.version}.xlsx`,
    );
  });

/** `?start=`: absent (a blank template) or `last-accepted`; anything else is INVALID_REQUEST. */
function startQuery(value: string | undefined): 'last-accepted' | null {
  if (value === undefined || value === '') return null;
  if (value === 'last-accepted') return value;
  const shown = clip(value);
  throw new ApiError(
    'INVALID_REQUEST',
    {
      vi: `?start=${shown} không hợp lệ: chỉ có ?start=last-accepted (bắt đầu từ báo cáo đã tiếp nhận gần nhất).`,
      en: `?start=${shown} is not valid: the only value is ?start=last-accepted (start from the last accepted report).`,
    },
    { issues: [{ field: 'query.start', message: "must be 'last-accepted'" }] },
  );
}

/**
 * Template options that start a sheet from a carried-forward report: its
 * status, percent and completed products, and a title line naming it
 * ("Bắt đầu từ báo cáo kỳ Quý I năm 2026 (2026-Q1), phiên bản 2, đã tiếp nhận").
 */
function startedFrom(carried: CarryForward): TemplateOptions {
  const byTask = new Map(carried.rows.map((r) => [r.taskId, r]));
  const from = carried.from;
  return {
    fill: (task) => {
      const r = byTask.get(task.taskId);
      return r ? rowCells(r) : {};
    },
    note: from ? startedFromNote(from) : undefined,
  };
}

/** The period as the layout's title block shows it, with the due date the coordinator set. */
export function periodInfo(period: PeriodRow): PeriodInfo {
  return {
    code: period.code,
    label: getPeriod(period.code).label,
    cutoff: { from: period.cutoff_from, to: period.cutoff_to },
    due: period.due,
  };
}
