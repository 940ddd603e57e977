// Authorization: Bearer <key>. The key's prefix finds its row; the SHA-256
// of the key is compared with the stored one in constant time. Missing,
// malformed, unknown or revoked keys are all the same 401.
import type { MiddlewareHandler } from 'hono';
import { findKeyWithHash } from '../db/access-keys.ts';
import type { AppEnv, Principal } from '../env.ts';
import { ApiError } from '../errors.ts';
import { constantTimeEqual, hashKey, keyPrefix } from '../lib/keys.ts';

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const key = match?.[1] ?? '';
  const prefix = keyPrefix(key);
  // Hash even when the key is malformed, so timing does not tell the cases apart.
  const hash = await hashKey(key);
  const row = prefix ? await findKeyWithHash(c.env.DB, prefix) : null;
  if (!row || row.revoked_at !== null || !constantTimeEqual(row.hash, hash) || !prefix) {
    throw new ApiError('UNAUTHENTICATED');
  }
  const principal: Principal = {
    role: row.role,
    agencyCode: row.agency_code,
    keyPrefix: prefix,
    label: row.label ?? prefix,
  };
  c.set('principal', principal);
  await next();
};

export const requireCoordinator: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('principal').role !== 'coordinator') {
    throw new ApiError('FORBIDDEN', {
      vi: 'Chỉ cơ quan điều phối được làm việc này.',
      en: 'Only the coordinating office may do this.',
    });
  }
  await next();
};

/** The agency itself or the coordinator; anyone else gets 403. */
export function assertCanRead(principal: Principal, agencyCode: string): void {
  if (principal.role === 'coordinator' || principal.agencyCode === agencyCode) return;
  throw new ApiError('FORBIDDEN', {
    vi: 'Khóa này chỉ xem được dữ liệu của cơ quan mình.',
    en: "This key can only read its own agency's data.",
  });
}
