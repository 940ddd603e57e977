// The Worker's bindings (wrangler.toml) and per-request variables.
import type { KeyRole } from '../../shared/vocabulary/index.ts';

export interface Env {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Largest accepted request body in bytes (a string: wrangler [vars]). */
  MAX_BODY_BYTES?: string;
  /** Largest accepted .xlsx upload in bytes (POST …/uploads); its own limit, 2 MiB by default. */
  MAX_UPLOAD_BYTES?: string;
}

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
