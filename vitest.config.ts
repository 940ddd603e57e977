// Three kinds of tests: shared/ and scripts in Node; the Worker inside workerd
// against a real local D1 (Cloudflare's vitest plugin), migrations applied
// by tests/worker/setup.ts; and end to end, the whole local system
// (`wrangler dev`, local D1) driven through Debian's headless Chromium.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('worker/migrations');
  return {
    test: {
      projects: [
        {
          test: {
            name: 'node',
            include: ['tests/shared/**/*.test.ts', 'tests/node/**/*.test.ts'],
            environment: 'node',
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          test: {
            name: 'worker',
            include: ['tests/worker/**/*.test.ts'],
            setupFiles: ['tests/worker/setup.ts'],
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            // Each file starts its own wrangler dev and browser: one file at a
            // time, after the other projects, so two cores are not overloaded.
            fileParallelism: false,
            sequence: { groupOrder: 1 },
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
