// built_files: the merged workbook and the written report (.docx) of a
// period as last built, with the exact text of what they were built from
// (`inputs`). Nothing is ever invalidated by a write: each request reads the
// inputs again in one statement, and the stored bytes are served only when
// they were built from the same inputs. A write route cannot forget to clear
// the cache, because no write route knows it exists.
import type { PeriodRow } from './periods.ts';

/** What is built once per change of its inputs. */
export type BuiltFileKind = 'workbook' | 'report';

/**
 * Everything in D1 that the merged workbook and the report of `?1` are made
 * from (worker/src/lib/merged-input.ts, the agencies' names, the document
 * settings), as one text: the period row (dates, grace, lock), every agency
 * row (names and order), the document settings, every version of the
 * period's reports (submissions are append-only: id, version and content
 * hash name the payload) and every review of them (append-only too; a
 * review's notes are written with it). JSON quoting keeps it unambiguous.
 */
const INPUTS = `json_array(
  (SELECT json_array(code, cutoff_from, cutoff_to, due, grace_days, locked, lock_reason)
     FROM periods WHERE code = ?1),
  (SELECT json_group_array(json_array(code, name, short_name, kind, is_coordinator, placeholder, sort_order))
     FROM (SELECT * FROM agencies ORDER BY sort_order, code)),
  (SELECT settings FROM document_settings WHERE id = 1),
  (SELECT json_group_array(json_array(id, agency_code, version, received_at, content_hash))
     FROM (SELECT id, agency_code, version, received_at, content_hash FROM submissions
           WHERE period_code = ?1 ORDER BY agency_code, version)),
  (SELECT json_group_array(json_array(id, submission_id, state, created_at))
     FROM (SELECT r.id, r.submission_id, r.state, r.created_at FROM reviews r
           JOIN submissions s ON s.id = r.submission_id
           WHERE s.period_code = ?1 ORDER BY r.rowid)))`;

/**
 * The period's row, and either the stored file (base64: it was built from
 * exactly the inputs of now) or the inputs of now (`prefix` followed by their
 * text: what to store with a file built from them).
 */
export type BuiltFileLookup = { period: PeriodRow } & (
  | { base64: string; inputs: null }
  | { base64: null; inputs: string }
);

/**
 * One statement: the period `code`'s row and, unless `fresh`, the stored
 * `kind` file if it was built from exactly the inputs of now (after
 * `prefix`, the caller's part of the key: the Worker's version, calendar day);
 * otherwise those inputs, so that only a miss carries them back. Null when
 * there is no such period.
 */
export async function lookUpBuiltFile(
  db: D1Database,
  code: string,
  kind: BuiltFileKind,
  prefix: string,
  fresh = false,
): Promise<BuiltFileLookup | null> {
  const row = await db
    .prepare(
      `SELECT p.*, b.base64 AS base64, CASE WHEN b.base64 IS NULL THEN i.inputs END AS inputs
       FROM periods p
       CROSS JOIN (SELECT ?3 || ${INPUTS} AS inputs) i
       LEFT JOIN built_files b
         ON b.period_code = p.code AND b.kind = ?2 AND b.inputs = i.inputs AND NOT ?4
       WHERE p.code = ?1`,
    )
    .bind(code, kind, prefix, fresh ? 1 : 0)
    .first<PeriodRow & { base64: string | null; inputs: string | null }>();
  if (!row) return null;
  const { base64, inputs, ...period } = row;
  if (base64 !== null) return { period, base64, inputs: null };
  if (inputs !== null) return { period, base64: null, inputs };
  throw new Error(`built_files: no file and no inputs for ${code}/${kind}`);
}

/**
 * Stores freshly built bytes (base64) with the inputs they were built from,
 * replacing whatever the period's `kind` file was. Two requests building at
 * once both store a file true to the inputs it is stored with; the last
 * write wins and the other is rebuilt on a later request if it differs.
 */
export async function storeBuiltFile(
  db: D1Database,
  file: { period: string; kind: BuiltFileKind; inputs: string; base64: string; builtAt: string },
): Promise<void> {
  await db
    .prepare(
      `INSERT OR REPLACE INTO built_files (period_code, kind, inputs, base64, built_at)
       VALUES (?1, ?2, ?3, ?4, ?5)`,
    )
    .bind(file.period, file.kind, file.inputs, file.base64, file.builtAt)
    .run();
}
