// The district's document settings (shared/documents): who issues the
// reports, to whom, who signs. Read and replaced whole by the coordinator;
// the merged workbook and the report document print them.
import { Hono } from 'hono';
import { DocumentSettingsSchema } from '../../../shared/documents/index.ts';
import { loadDocumentSettings, saveDocumentSettings } from '../db/document-settings.ts';
import type { AppEnv } from '../env.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';

export const settingsRoutes = new Hono<AppEnv>()
  .get('/document', requireCoordinator, async (c) => c.json(await loadDocumentSettings(c.env.DB)))

  // The whole settings, each line as it prints; a refused body (400 naming
  // the field) writes nothing. Audited as documents.settings.
  .put('/document', requireCoordinator, limitBody, jsonBody(DocumentSettingsSchema), async (c) => {
    const settings = c.req.valid('json');
    await saveDocumentSettings(c.env.DB, settings, c.get('principal'));
    return c.json(settings);
  });
