// The merged workbook and the report (.docx) of a period: each built once per
// change of what it is made from (lib/built-once.ts) and served the same way.
import type { Context } from 'hono';
import type { BuiltFileKind } from '../db/built-files.ts';
import type { PeriodRow } from '../db/periods.ts';
import type { AppEnv } from '../env.ts';
import { builtOnce, wantsFresh } from '../lib/built-once.ts';
import { periodCodeOr404, periodNotFound } from './lookups.ts';

/** What one cached file is: its kind, media type, download name and builder. */
export interface BuiltFileRoute {
  kind: BuiltFileKind;
  mediaType: string;
  /** The Content-Disposition for the period `code` (as shared/periods writes it). */
  disposition: (code: string) => string;
  /** The file's bytes, from the period row read with the inputs, at the request's instant `now`. */
  build: (period: PeriodRow, now: string) => Promise<Uint8Array>;
}

/**
 * The answer to GET …/{period}/<file> (`urlPeriod` as written in the URL):
 * the stored file when its inputs are unchanged, else one built now (and
 * stored), or always built with `Cache-Control: no-cache`; headers
 * Content-Type, Content-Disposition and `X-Cache: hit|miss`. NOT_FOUND for
 * a malformed or unknown period.
 */
export async function serveBuiltFile(
  c: Context<AppEnv>,
  urlPeriod: string,
  route: BuiltFileRoute,
): Promise<Response> {
  const now = c.get('now');
  const code = periodCodeOr404(urlPeriod);
  const file = await builtOnce(
    c.env.DB,
    {
      period: code,
      kind: route.kind,
      version: c.env.CF_VERSION_METADATA.id,
      now,
      fresh: wantsFresh(c.req.header('cache-control')),
    },
    (period) => route.build(period, now),
  );
  if (!file) throw periodNotFound(urlPeriod);
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': route.mediaType,
    'Content-Disposition': route.disposition(code),
    'X-Cache': file.cache,
  });
}
