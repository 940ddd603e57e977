// db/access-keys.ts on its own: keys found by prefix with their hash, null
// for an unknown prefix, revocation once and audited.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  findKeyWithHash,
  insertKey,
  listKeys,
  revokeKey,
} from '../../../worker/src/db/access-keys.ts';
import { generateKey, hashKey } from '../../../worker/src/lib/keys.ts';
import { auditRows, COORDINATOR, testActor } from '../helpers.ts';

const coordinator = testActor(COORDINATOR);

async function newKey(agency: string) {
  const { key, prefix } = generateKey();
  const hash = await hashKey(key);
  const { createdAt } = await insertKey(
    env.DB,
    { prefix, hash, agency, role: 'agency', label: `${agency} key` },
    coordinator,
  );
  return { prefix, hash, createdAt };
}

describe('db/access-keys', () => {
  it('insertKey stores the hash (never the key), created_by the actor, audited as key.issue at created_at', async () => {
    const { prefix, hash, createdAt } = await newKey('P-VHTT');
    expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await findKeyWithHash(env.DB, prefix)).toEqual({
      prefix,
      hash,
      agency_code: 'P-VHTT',
      role: 'agency',
      label: 'P-VHTT key',
      created_at: createdAt,
      created_by: coordinator.label,
      revoked_at: null,
    });
    const listed = (await listKeys(env.DB)).find((k) => k.prefix === prefix);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('hash');
    const [audit] = await auditRows('key.issue', prefix);
    expect(audit?.at).toBe(createdAt);
    expect(JSON.parse(audit!.details!)).toEqual({ agency: 'P-VHTT', role: 'agency' });
  });

  it('an unknown prefix is null, for finding and for revoking (nothing written)', async () => {
    expect(await findKeyWithHash(env.DB, 'lsk_nokey000')).toBeNull();
    expect(await revokeKey(env.DB, 'lsk_nokey000', coordinator)).toBeNull();
    expect(await auditRows('key.revoke', 'lsk_nokey000')).toEqual([]);
  });

  it('revokeKey revokes once: a second call keeps the first time and writes nothing', async () => {
    const { prefix } = await newKey('P-GDDT');
    const first = await revokeKey(env.DB, prefix, coordinator);
    const at = first?.revoked_at;
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const again = await revokeKey(env.DB, prefix, coordinator);
    expect(again?.revoked_at).toBe(at);
    expect((await findKeyWithHash(env.DB, prefix))?.revoked_at).toBe(at);
    expect(await auditRows('key.revoke', prefix)).toMatchObject([{ at }]);
  });
});
