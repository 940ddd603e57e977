// Types of `env` from cloudflare:test: the Worker's bindings plus the
// migrations vitest.config.ts passes in.
import type { D1Migration } from 'cloudflare:test';
import type { Env as WorkerEnv } from '../../worker/src/env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
