// document_settings: the one row of the district's document settings
// (shared/documents/settings.ts), replaced whole and audited.
import {
  type DocumentSettings,
  DocumentSettingsSchema,
  EMPTY_DOCUMENT_SETTINGS,
} from '../../../shared/documents/index.ts';
import { type Actor, auditStatement } from './audit.ts';

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

/** Replaces the settings, audited as `documents.settings` with what was stored, in one batch. */
export async function saveDocumentSettings(
  db: D1Database,
  settings: DocumentSettings,
  actor: Actor,
  at: string,
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO document_settings (id, settings, updated_at, updated_by) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET settings = ?1, updated_at = ?2, updated_by = ?3`,
      )
      .bind(JSON.stringify(settings), at, actor.label),
    auditStatement(db, at, actor, 'documents.settings', 'document_settings', settings),
  ]);
}
