// The Worker's per-request variables, and AppEnv for Hono's generics. The
// bindings themselves (DB, ASSETS, [vars]) are the global `Env` that
// `npm run cf-typegen` (wrangler types) generates from wrangler.toml into
// worker/worker-configuration.d.ts.
import type { KeyRole } from '../../shared/vocabulary/index.ts';

/** Who is calling: set by the auth middleware from the bearer key. */
export interface Principal {
  role: KeyRole;
  agencyCode: string;
  keyPrefix: string;
  /** Name given when the key was issued (shown as "submitted by"). */
  label: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: { principal: Principal; now: string };
}
