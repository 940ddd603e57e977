// Access keys (coordinator only): list, issue (shown once), revoke.
import { Hono } from 'hono';
import { findAgency } from '../db/agencies.ts';
import { auditStatement } from '../db/audit.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { generateKey, hashKey } from '../lib/keys.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';
import { KeyRequestSchema } from '../schemas.ts';

interface KeyRow {
  prefix: string;
  agency_code: string;
  role: string;
  label: string | null;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

const keyJson = (k: KeyRow) => ({
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
  .get('/', async (c) => {
    const { results } = await c.env.DB.prepare(
      'SELECT prefix, agency_code, role, label, created_at, created_by, revoked_at FROM access_keys ORDER BY created_at',
    ).all<KeyRow>();
    return c.json({ keys: results.map(keyJson) });
  })

  .post('/', limitBody, jsonBody(KeyRequestSchema), async (c) => {
    const db = c.env.DB;
    const now = c.get('now');
    const body = c.req.valid('json');
    const agency = await findAgency(db, body.agency);
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
    const principal = c.get('principal');
    await db.batch([
      db
        .prepare(
          `INSERT INTO access_keys (id, prefix, hash, agency_code, role, label, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          crypto.randomUUID(),
          prefix,
          await hashKey(key),
          agency.code,
          body.role,
          label,
          now,
          principal.label,
        ),
      auditStatement(db, now, principal, 'key.issue', prefix, {
        agency: agency.code,
        role: body.role,
      }),
    ]);
    // The only time the key is ever shown.
    return c.json(
      { key, prefix, agency: agency.code, role: body.role, label, createdAt: now },
      201,
    );
  })

  .delete('/:prefix', async (c) => {
    const db = c.env.DB;
    const now = c.get('now');
    const prefix = c.req.param('prefix');
    const row = await db
      .prepare(
        'SELECT prefix, agency_code, role, label, created_at, created_by, revoked_at FROM access_keys WHERE prefix = ?',
      )
      .bind(prefix)
      .first<KeyRow>();
    if (!row) {
      throw new ApiError('NOT_FOUND', {
        vi: `Không có khóa “${prefix}”.`,
        en: `There is no key “${prefix}”.`,
      });
    }
    if (row.revoked_at === null) {
      await db.batch([
        db.prepare('UPDATE access_keys SET revoked_at = ? WHERE prefix = ?').bind(now, prefix),
        auditStatement(db, now, c.get('principal'), 'key.revoke', prefix),
      ]);
    }
    return c.json(keyJson({ ...row, revoked_at: row.revoked_at ?? now }));
  });
