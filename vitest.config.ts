// Four projects, run and reported in this order (sequence.groupOrder):
//   node      shared/ and the scripts', add-in's and web page's logic in Node;
//   worker    the Worker inside workerd against a real local D1 (Cloudflare's
//             vitest plugin): one workerd for all files, the D1 reset to the
//             migrated and seeded state before each file (tests/worker/setup.ts);
//   programs  Node tests that start other programs: the project's scripts,
//             wrangler's D1 commands on throwaway databases, LibreOffice,
//             openpyxl, tsc;
//   e2e       the whole local system (`wrangler dev`, local D1) driven through
//             Debian's headless Chromium. One system serves every e2e file: the
//             project's globalSetup starts it in the background while the
//             other projects run (tests/e2e/harness-setup.ts).
// Timeouts are sized for a loaded 2-core machine: they bound a stuck test;
// no test relies on them to pass.

import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

/** The node tests that start other programs (the `programs` project). */
const PROGRAMS = [
  'tests/node/check-cli.test.ts',
  'tests/node/reader-shapes.test.ts',
  'tests/node/real-world-files.test.ts',
  'tests/node/summary-print.test.ts',
  'tests/node/report-docx-readers.test.ts',
  'tests/node/scripts.e2e.test.ts',
  'tests/node/seed-script.test.ts',
  'tests/node/start-https.test.ts',
  'tests/node/template-print.test.ts',
  'tests/node/tsconfig-boundaries.test.ts',
  'tests/node/xlsx-readers.test.ts',
];

/** wrangler.toml's module aliases (the bundle wrangler deploys), for the worker tests. */
const WORKER_ALIASES = {
  '@e965/xlsx': fileURLToPath(
    new URL('./node_modules/@e965/xlsx/dist/xlsx.mini.min.js', import.meta.url),
  ),
};

export default defineConfig(async () => {
  const migrations = await readD1Migrations('worker/migrations');
  return {
    test: {
      projects: [
        {
          test: {
            name: 'node',
            include: ['tests/shared/**/*.test.ts', 'tests/node/**/*.test.ts'],
            exclude: PROGRAMS,
            environment: 'node',
            sequence: { groupOrder: 0 },
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          // wrangler.toml's [alias], which the plugin does not apply: the
          // Worker reads uploads with SheetJS's mini build, so its tests do too.
          resolve: { alias: WORKER_ALIASES },
          test: {
            name: 'worker',
            include: ['tests/worker/**/*.test.ts'],
            setupFiles: ['tests/worker/setup.ts'],
            // Not a workerd per file (about 3 s of start-up each): one, reused;
            // the setup file gives each file a fresh D1.
            isolate: false,
            sequence: { groupOrder: 1 },
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
        {
          test: {
            name: 'programs',
            include: PROGRAMS,
            environment: 'node',
            // Two at a time even on two cores: LibreOffice's PDF export keeps
            // one core busy while wrangler's D1 commands run on the other.
            maxWorkers: 2,
            sequence: { groupOrder: 2 },
            testTimeout: 180_000,
            hookTimeout: 300_000,
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['tests/e2e/harness-setup.ts'],
            // The files share one system and one D1 (each keeps to its own
            // agencies, see tests/e2e/harness.ts): one file at a time.
            fileParallelism: false,
            sequence: { groupOrder: 3 },
            testTimeout: 120_000,
            // Also bounds each file's wait for the shared system (less 30 s):
            // it starts while the other projects keep both cores busy.
            hookTimeout: 360_000,
            // Waits on page text (expect.poll) answer in well under a second
            // on a quiet machine; the bound is for a loaded one.
            expect: { poll: { timeout: 30_000 } },
          },
        },
      ],
    },
  };
});
