// db/document-settings.ts in workerd against D1: nothing saved reads as every
// line unset; a save replaces the whole row and is audited in the same batch.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type DocumentSettings, EMPTY_DOCUMENT_SETTINGS } from '../../../shared/documents/index.ts';
import {
  loadDocumentSettings,
  saveDocumentSettings,
} from '../../../worker/src/db/document-settings.ts';
import { auditRows, COORDINATOR, testActor } from '../helpers.ts';

const settings: DocumentSettings = {
  parentBody: null,
  issuingBody: 'ỦY BAN NHÂN DÂN (tên cơ quan thử nghiệm)',
  numberSymbol: 'BC-UBND',
  place: 'Nơi thử nghiệm',
  recipients: ['Cơ quan nhận thử nghiệm'],
  signerLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  signerName: null,
  copyTo: ['Cơ quan A (thử nghiệm)'],
  archiveUnit: 'VP',
};

describe('db/document-settings', () => {
  it('reads as nothing set until saved; a save replaces the row and is audited', async () => {
    expect(await loadDocumentSettings(env.DB)).toEqual(EMPTY_DOCUMENT_SETTINGS);
    const actor = testActor(COORDINATOR);
    await saveDocumentSettings(env.DB, settings, actor);
    expect(await loadDocumentSettings(env.DB)).toEqual(settings);
    const changed = { ...settings, signerName: 'Người ký thử nghiệm', recipients: [] };
    await saveDocumentSettings(env.DB, changed, actor);
    expect(await loadDocumentSettings(env.DB)).toEqual(changed);
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM document_settings').first<{
      n: number;
    }>();
    expect(rows?.n).toBe(1);
    const audits = await auditRows('documents.settings', 'document_settings');
    expect(audits).toHaveLength(2);
    // The row's time is the second save's, the one its audit row carries.
    const stored = await env.DB.prepare('SELECT updated_at FROM document_settings').first<{
      updated_at: string;
    }>();
    expect(stored?.updated_at).toBe(audits[1]?.at);
  });

  it('a stored row of an older shape reads as nothing set, not as a failure', async () => {
    await env.DB.prepare(
      "INSERT OR REPLACE INTO document_settings (id, settings, updated_at, updated_by) VALUES (1, '{\"old\":true}', 't', 'x')",
    ).run();
    expect(await loadDocumentSettings(env.DB)).toEqual(EMPTY_DOCUMENT_SETTINGS);
  });
});
