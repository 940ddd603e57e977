// GET/POST /api/keys and DELETE /api/keys/:prefix (coordinator only).
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { hashKey, KEY_PATTERN } from '../../worker/src/lib/keys.ts';
import {
  api,
  auditRows,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  LONG_TEST_TIMEOUT,
  submit,
  validSubmission,
} from './helpers.ts';

interface KeyJson {
  prefix: string;
  agency: string;
  role: string;
  label: string | null;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

describe('GET /api/keys', () => {
  it('lists every key by prefix, never the key or its hash', async () => {
    const coord = await coordinatorKey('Điều phối');
    const agencyKey = await issueKey('THON-06', 'agency', 'Thôn 6');
    const res = await api('/api/keys', { key: coord });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(coord);
    expect(text).not.toContain(agencyKey);
    expect(text).not.toContain(await hashKey(agencyKey));
    const { keys } = JSON.parse(text) as { keys: KeyJson[] };
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM access_keys').first<{
      n: number;
    }>();
    expect(keys).toHaveLength(count?.n ?? -1);
    for (const k of keys) {
      expect(Object.keys(k).sort()).toEqual(
        ['agency', 'createdAt', 'createdBy', 'label', 'prefix', 'revokedAt', 'role'].sort(),
      );
    }
    expect(keys.find((k) => k.prefix === agencyKey.slice(0, 12))).toEqual({
      prefix: agencyKey.slice(0, 12),
      agency: 'THON-06',
      role: 'agency',
      label: 'Thôn 6',
      createdAt: expect.any(String),
      createdBy: 'test',
      revokedAt: null,
    });
  });
});

describe('POST /api/keys', () => {
  it('issues a working key shown once, stores its hash only, and audits it', async () => {
    const coord = await coordinatorKey('Điều phối viên');
    const res = await api('/api/keys', {
      method: 'POST',
      key: coord,
      json: { agency: 'P-TP', label: 'Phòng Tư pháp — máy chị Hoa' },
    });
    expect(res.status).toBe(201);
    const issued = await res.json<{
      key: string;
      prefix: string;
      agency: string;
      role: string;
      label: string;
      createdAt: string;
    }>();
    expect(issued).toEqual({
      key: expect.stringMatching(KEY_PATTERN),
      prefix: issued.key.slice(0, 12),
      agency: 'P-TP',
      role: 'agency',
      label: 'Phòng Tư pháp — máy chị Hoa',
      createdAt: expect.any(String),
    });
    const row = await env.DB.prepare('SELECT * FROM access_keys WHERE prefix = ?')
      .bind(issued.prefix)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({
      hash: await hashKey(issued.key),
      agency_code: 'P-TP',
      role: 'agency',
      created_by: 'Điều phối viên',
      revoked_at: null,
    });
    // The new key works, as an agency key.
    const me = await (await api('/api/me', { key: issued.key })).json<Record<string, unknown>>();
    expect(me).toMatchObject({ role: 'agency', keyPrefix: issued.prefix });
    expect((await submit(issued.key, validSubmission('P-TP', '2026-Q1'))).status).toBe(201);
    await expectError(await api('/api/keys', { key: issued.key }), 'FORBIDDEN');
    // The key itself is never listed again.
    expect(await (await api('/api/keys', { key: coord })).text()).not.toContain(issued.key);
    const audit = await auditRows('key.issue', issued.prefix);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details ?? '').not.toContain(issued.key);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({ agency: 'P-TP', role: 'agency' });
  });

  it('a label defaults to the agency’s short name and the prefix', async () => {
    const res = await api('/api/keys', {
      method: 'POST',
      key: await coordinatorKey(),
      json: { agency: 'MTTQ' },
    });
    expect(res.status).toBe(201);
    const issued = await res.json<{ prefix: string; label: string }>();
    const agency = await env.DB.prepare('SELECT short_name FROM agencies WHERE code = ?')
      .bind('MTTQ')
      .first<{ short_name: string }>();
    expect(issued.label).toBe(`${agency?.short_name} (${issued.prefix})`);
  });

  it('issues another coordinator key to the coordinating office', async () => {
    const res = await api('/api/keys', {
      method: 'POST',
      key: await coordinatorKey(),
      json: { agency: COORDINATOR, role: 'coordinator', label: 'Phó trưởng ban' },
    });
    expect(res.status).toBe(201);
    const issued = await res.json<{ key: string }>();
    expect((await api('/api/keys', { key: issued.key })).status).toBe(200);
  });

  it('refuses a coordinator key for another agency, unknown agencies and bad bodies; nothing changes', async () => {
    const coord = await coordinatorKey();
    const post = (json: unknown) => api('/api/keys', { method: 'POST', key: coord, json });
    await expectNoChange(async () => {
      const role = await expectError(
        await post({ agency: 'P-TP', role: 'coordinator' }),
        'INVALID_REQUEST',
      );
      expect(issueFields(role)).toEqual(['role']);
      const unknown = await expectError(await post({ agency: 'P-XYZ' }), 'NOT_FOUND');
      expect(unknown.error.message.en).toContain('P-XYZ');
      const cases: [unknown, string][] = [
        [{}, 'agency'],
        [{ agency: 'p-tp' }, 'agency'],
        [{ agency: 'P-TP', role: 'admin' }, 'role'],
        [{ agency: 'P-TP', label: '' }, 'label'],
        [{ agency: 'P-TP', label: 'x'.repeat(121) }, 'label'],
      ];
      for (const [json, field] of cases) {
        const body = await expectError(await post(json), 'INVALID_REQUEST');
        expect(issueFields(body), JSON.stringify(json)).toContain(field);
      }
    });
  });
});

describe('DELETE /api/keys/:prefix', () => {
  it('revokes a key: it stops working at once; audited once; revoking again is harmless', async () => {
    const coord = await coordinatorKey();
    const key = await issueKey('P-KTHT', 'agency', 'Phòng KT-HT');
    const prefix = key.slice(0, 12);
    const res = await api(`/api/keys/${prefix}`, { method: 'DELETE', key: coord });
    expect(res.status).toBe(200);
    const body = await res.json<KeyJson>();
    expect(body).toMatchObject({
      prefix,
      agency: 'P-KTHT',
      role: 'agency',
      label: 'Phòng KT-HT',
      revokedAt: expect.any(String),
    });
    const row = await env.DB.prepare('SELECT revoked_at FROM access_keys WHERE prefix = ?')
      .bind(prefix)
      .first<{ revoked_at: string }>();
    expect(row?.revoked_at).toBe(body.revokedAt);
    await expectError(await api('/api/me', { key }), 'UNAUTHENTICATED');
    await expectError(
      await api('/api/periods/2026-Q1/submissions', {
        method: 'POST',
        key,
        json: validSubmission('P-KTHT', '2026-Q1'),
      }),
      'UNAUTHENTICATED',
    );
    expect(await auditRows('key.revoke', prefix)).toHaveLength(1);

    const again = await expectNoChange(() =>
      api(`/api/keys/${prefix}`, { method: 'DELETE', key: coord }),
    );
    expect(again.status).toBe(200);
    expect((await again.json<KeyJson>()).revokedAt).toBe(body.revokedAt);
    // The list shows it revoked.
    const { keys } = await (await api('/api/keys', { key: coord })).json<{ keys: KeyJson[] }>();
    expect(keys.find((k) => k.prefix === prefix)?.revokedAt).toBe(body.revokedAt);
  });

  it('an unknown key is 404 and changes nothing', async () => {
    const coord = await coordinatorKey();
    for (const prefix of ['lsk_abcdefgh', 'nothing', coord]) {
      const body = await expectNoChange(async () =>
        expectError(
          await api(`/api/keys/${prefix}`, { method: 'DELETE', key: coord }),
          'NOT_FOUND',
        ),
      );
      // A whole key pasted in the path is quoted only as far as a prefix goes.
      const shown = prefix.length > 12 ? `${prefix.slice(0, 12)}…` : prefix;
      expect(body.error.message.en).toContain(`“${shown}”`);
      if (prefix === coord) expect(JSON.stringify(body)).not.toContain(coord);
    }
  });

  it('an agency cannot revoke keys, not even its own', async () => {
    const key = await issueKey('THON-01');
    await expectNoChange(async () =>
      expectError(
        await api(`/api/keys/${key.slice(0, 12)}`, { method: 'DELETE', key }),
        'FORBIDDEN',
      ),
    );
    expect((await api('/api/me', { key })).status).toBe(200);
  });
});

/** Revokes every active coordinator key but these, straight in D1: a district down to its last keys. */
async function onlyCoordinatorKeys(...keep: string[]) {
  const prefixes = keep.map((k) => k.slice(0, 12));
  await env.DB.prepare(
    `UPDATE access_keys SET revoked_at = ? WHERE role = 'coordinator' AND revoked_at IS NULL
       AND prefix NOT IN (SELECT value FROM json_each(?))`,
  )
    .bind(new Date().toISOString(), JSON.stringify(prefixes))
    .run();
}

async function activeCoordinatorKeys() {
  const { results } = await env.DB.prepare(
    "SELECT prefix FROM access_keys WHERE role = 'coordinator' AND revoked_at IS NULL",
  ).all<{ prefix: string }>();
  return results.map((r) => r.prefix);
}

describe('DELETE /api/keys/:prefix: administrators cannot lock themselves out', () => {
  it('the key in use needs ?confirm=self: without it 409 CONFIRMATION_REQUIRED and nothing changes', async () => {
    await coordinatorKey(); // another coordinator key: the one in use is not the last
    const own = await coordinatorKey('Chánh văn phòng');
    const prefix = own.slice(0, 12);
    for (const query of ['', '?confirm=yes', '?confirm=SELF']) {
      const body = await expectNoChange(async () =>
        expectError(
          await api(`/api/keys/${prefix}${query}`, { method: 'DELETE', key: own }),
          'CONFIRMATION_REQUIRED',
        ),
      );
      expect(body.error.details).toEqual({ confirm: 'self' });
    }
    const res = await api(`/api/keys/${prefix}?confirm=self`, { method: 'DELETE', key: own });
    expect(res.status).toBe(200);
    expect((await res.json<KeyJson>()).revokedAt).toEqual(expect.any(String));
    expect(await auditRows('key.revoke', prefix)).toHaveLength(1);
    await expectError(await api('/api/me', { key: own }), 'UNAUTHENTICATED');
  });

  it('the last active coordinator key is 409 LAST_COORDINATOR_KEY, confirmed or not; nothing changes', async () => {
    const last = await coordinatorKey();
    await onlyCoordinatorKeys(last);
    const prefix = last.slice(0, 12);
    const body = await expectNoChange(async () =>
      expectError(
        await api(`/api/keys/${prefix}?confirm=self`, { method: 'DELETE', key: last }),
        'LAST_COORDINATOR_KEY',
      ),
    );
    expect(body.error.message.en).toContain(prefix);
    expect(body.error.message.vi).toContain(prefix);
    expect((await api('/api/me', { key: last })).status).toBe(200);
    // With another coordinator key issued, it may go.
    const next = await coordinatorKey();
    const res = await api(`/api/keys/${prefix}`, { method: 'DELETE', key: next });
    expect(res.status).toBe(200);
    expect(await activeCoordinatorKeys()).toEqual([next.slice(0, 12)]);
  });

  it('two coordinators revoking each other at once: one revocation passes, one key stays', {
    timeout: LONG_TEST_TIMEOUT,
  }, async () => {
    // Checked in the UPDATE itself: a check read before it would let both pass.
    for (let round = 0; round < 5; round++) {
      const a = await coordinatorKey();
      const b = await coordinatorKey();
      await onlyCoordinatorKeys(a, b);
      const [ra, rb] = await Promise.all([
        api(`/api/keys/${b.slice(0, 12)}`, { method: 'DELETE', key: a }),
        api(`/api/keys/${a.slice(0, 12)}`, { method: 'DELETE', key: b }),
      ]);
      const statuses = [ra.status, rb.status].sort();
      // The other either lost at the UPDATE (409) or was already refused at sign-in (401).
      expect([
        [200, 409],
        [200, 401],
      ]).toContainEqual(statuses);
      expect(await activeCoordinatorKeys()).toHaveLength(1);
    }
  });

  it('an agency key of the coordinating office is not a coordinator key: revoking it is allowed', async () => {
    const last = await coordinatorKey();
    await onlyCoordinatorKeys(last);
    const officeAgencyKey = await issueKey(COORDINATOR, 'agency');
    const res = await api(`/api/keys/${officeAgencyKey.slice(0, 12)}`, {
      method: 'DELETE',
      key: last,
    });
    expect(res.status).toBe(200);
    expect(await activeCoordinatorKeys()).toEqual([last.slice(0, 12)]);
  });
});
