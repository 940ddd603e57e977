// The local development keys in .dev-keys.json (git-ignored): one
// coordinator key and one agency key for every agency with tasks. npm start
// issues them once and reuses them afterwards; the file keeps the keys
// themselves, the database only their hashes.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { Plan } from '../../shared/plan/index.ts';
import type { KeyRole } from '../../shared/vocabulary/index.ts';
import { generateKey, KEY_PATTERN, keyPrefix } from '../../worker/src/lib/keys.ts';
import type { KeyRow } from './access-keys.ts';
import { ScriptError } from './messages.ts';
import { ROOT } from './wrangler.ts';

export const DEV_KEYS_FILE = join(ROOT, '.dev-keys.json');

export interface KeySlot {
  agency: string;
  role: KeyRole;
}

export interface DevKey extends KeySlot {
  key: string;
}

const DevKeysSchema = z.array(
  z.object({
    agency: z.string().min(1),
    role: z.enum(['agency', 'coordinator']),
    key: z.string().regex(KEY_PATTERN),
  }),
);

/** The keys a local database gets: the coordinator's, then one per reporting agency. */
export function wantedSlots(plan: Plan): KeySlot[] {
  return [
    { agency: plan.coordinator.code, role: 'coordinator' },
    ...plan.reportingAgencies().map((a) => ({ agency: a.code, role: 'agency' as const })),
  ];
}

export function parseDevKeys(text: string, file = DEV_KEYS_FILE): DevKey[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ScriptError(
      `${file} không phải JSON hợp lệ; xóa tệp để cấp khóa mới.`,
      `${file} is not valid JSON; delete it to issue new keys.`,
    );
  }
  const r = DevKeysSchema.safeParse(json);
  if (!r.success) {
    const where = r.error.issues[0]?.path.join('.') || '(root)';
    throw new ScriptError(
      `${file} không đúng dạng [{ agency, role, key }] (tại ${where}); xóa tệp để cấp khóa mới.`,
      `${file} is not a list of { agency, role, key } (at ${where}); delete it to issue new keys.`,
    );
  }
  return r.data.map(({ agency, role, key }) => ({ agency, role, key }));
}

/** The keys in the file, or undefined when there is no file. */
export function readDevKeys(file = DEV_KEYS_FILE): DevKey[] | undefined {
  if (!existsSync(file)) return undefined;
  return parseDevKeys(readFileSync(file, 'utf8'), file);
}

export function writeDevKeys(keys: readonly DevKey[], file = DEV_KEYS_FILE): void {
  const list = keys.map(({ agency, role, key }) => ({ agency, role, key }));
  writeFileSync(file, `${JSON.stringify(list, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // also when the file existed with wider permissions
}

/**
 * One key per wanted slot, in the slots' order: the existing key for the slot
 * when there is one (keys for slots no longer wanted are dropped), a new one
 * otherwise. `fresh` lists the new ones.
 */
export function fillSlots(
  wanted: readonly KeySlot[],
  existing: readonly DevKey[],
  generate: () => { key: string } = generateKey,
): { keys: DevKey[]; fresh: DevKey[] } {
  const fresh: DevKey[] = [];
  const keys = wanted.map((slot) => {
    const found = existing.find((k) => k.agency === slot.agency && k.role === slot.role);
    if (found) return found;
    const k = { ...slot, key: generate().key };
    fresh.push(k);
    return k;
  });
  return { keys, fresh };
}

export type KeyState = 'ok' | 'missing' | 'revoked' | 'mismatch';

/** Whether the database holds this very key, for its agency and role, unrevoked. */
export function keyState(k: DevKey, hash: string, row: KeyRow | undefined): KeyState {
  if (!row) return 'missing';
  if (row.hash !== hash || row.agency_code !== k.agency || row.role !== k.role) return 'mismatch';
  if (row.revoked_at !== null) return 'revoked';
  return 'ok';
}

export function prefixOf(k: DevKey): string {
  const p = keyPrefix(k.key);
  if (!p) throw new ScriptError(`Khóa sai dạng: ${k.agency}`, `Malformed key: ${k.agency}`);
  return p;
}
