// document_settings: the one row of the district's document settings
// (shared/documents/settings.ts), replaced whole and audited.
import {
  type DocumentSettings,
  DocumentSettingsSchema,
  EMPTY_DOCUMENT_SETTINGS,
} from '../../../shared/documents/index.ts';
import { type Actor, auditAtWriteStatement } from './audit.ts';
import { DB_NOW } from './clock.ts';

/**
 * The stored settings, or EMPTY_DOCUMENT_SETTINGS when none were saved. A
 * stored value that no longer parses (an older shape) reads as empty rather
 * than failing every document.
 */
export async function loadDocumentSettings(db: D1Database): Promise<DocumentSettings> {
  const row = await db
    .prepare('SELECT settings FROM document_settings WHERE id = 1')
    .first<{ settings: string }>();
  if (!row) return EMPTY_DOCUMENT_SETTINGS;
  const parsed = DocumentSettingsSchema.safeParse(JSON.parse(row.settings));
  return parsed.success ? parsed.data : EMPTY_DOCUMENT_SETTINGS;
}

/**
 * Replaces the settings, audited as `documents.settings` with what was
 * stored, in one batch; `updated_at` and the audit time are the database's
 * clock at the write.
 */
export async function saveDocumentSettings(
  db: D1Database,
  settings: DocumentSettings,
  actor: Actor,
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO document_settings (id, settings, updated_at, updated_by) VALUES (1, ?1, ${DB_NOW}, ?2)
         ON CONFLICT (id) DO UPDATE SET settings = excluded.settings,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .bind(JSON.stringify(settings), actor.label),
    auditAtWriteStatement(
      db,
      '(SELECT updated_at FROM document_settings WHERE id = 1)',
      [],
      actor,
      'documents.settings',
      'document_settings',
      settings,
    ),
  ]);
}
