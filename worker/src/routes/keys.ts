// Access keys (coordinator only): list, issue (shown once), revoke.
import { Hono } from 'hono';
import { clip } from '../../../shared/text/clip.ts';
import { type AccessKeyRow, insertKey, listKeys, revokeKey } from '../db/access-keys.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { generateKey, hashKey } from '../lib/keys.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';
import { KeyRequestSchema } from '../schemas.ts';
import { agencyOr404 } from './lookups.ts';

const keyJson = (k: AccessKeyRow) => ({
  prefix: k.prefix,
  agency: k.agency_code,
  role: k.role,
  label: k.label,
  createdAt: k.created_at,
  createdBy: k.created_by,
  revokedAt: k.revoked_at,
});

export const keys = new Hono<AppEnv>()
  .use(requireCoordinator)
  .get('/', async (c) => c.json({ keys: (await listKeys(c.env.DB)).map(keyJson) }))

  .post('/', limitBody, jsonBody(KeyRequestSchema), async (c) => {
    const db = c.env.DB;
    const body = c.req.valid('json');
    const agency = await agencyOr404(db, body.agency);
    if (body.role === 'coordinator' && agency.is_coordinator !== 1) {
      throw new ApiError(
        'INVALID_REQUEST',
        {
          vi: 'Chỉ cơ quan điều phối mới có khóa điều phối.',
          en: 'Only the coordinating office can hold a coordinator key.',
        },
        {
          issues: [
            { field: 'role', message: 'coordinator keys belong to the coordinating office' },
          ],
        },
      );
    }
    const { key, prefix } = generateKey();
    const label = body.label ?? `${agency.short_name} (${prefix})`;
    const hash = await hashKey(key);
    const { createdAt } = await insertKey(
      db,
      { prefix, hash, agency: agency.code, role: body.role, label },
      c.get('principal'),
    );
    // The only time the key is ever shown.
    return c.json({ key, prefix, agency: agency.code, role: body.role, label, createdAt }, 201);
  })

  // The key in use only with ?confirm=self (it signs the caller out); the
  // last active coordinator key never (db/access-keys.ts refuses it).
  .delete('/:prefix', async (c) => {
    const prefix = c.req.param('prefix');
    const principal = c.get('principal');
    if (prefix === principal.keyPrefix && c.req.query('confirm') !== 'self') {
      throw new ApiError('CONFIRMATION_REQUIRED', undefined, { confirm: 'self' });
    }
    const row = await revokeKey(c.env.DB, prefix, principal);
    if (!row) {
      // A whole key pasted in the path is not echoed: only what a prefix can be.
      const shown = clip(prefix, 12);
      throw new ApiError('NOT_FOUND', {
        vi: `Không có khóa “${shown}”.`,
        en: `There is no key “${shown}”.`,
      });
    }
    return c.json(keyJson(row));
  });
