// shared/ runs unchanged in Excel's browser, in workerd and in Node. Biome's
// noRestrictedImports and shared/tsconfig.json (no ambient types) enforce it
// at check time; this test states the rule once more over the files themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../shared/', import.meta.url));
const files = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ name: f, text: readFileSync(join(root, f), 'utf8') }));

describe('shared/ is pure', () => {
  it('has source files', () => expect(files.length).toBeGreaterThan(10));

  it('imports only zod and its own files (the workbook reader also SheetJS and fflate)', () => {
    // Both are pure JS that runs unchanged in workerd and Node (docs/dependencies.md).
    const readerLibs = ['@e965/xlsx', 'fflate'];
    // SheetJS's number-format engine (SSF) reads cells the same way in every host.
    const cellLibs = ['@e965/xlsx'];
    for (const f of files) {
      for (const m of f.text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1] ?? '';
        const ok =
          spec === 'zod' ||
          (f.name.startsWith('workbook') && readerLibs.includes(spec)) ||
          (f.name.startsWith('cell') && cellLibs.includes(spec)) ||
          (spec.startsWith('.') && !/\b(worker|addin)\b/.test(spec));
        expect(ok, `${f.name} imports ${spec}`).toBe(true);
      }
    }
  });

  it('uses no Node, browser, Office or Workers globals', () => {
    const banned =
      /\b(process|Buffer|require|__dirname|window|document|localStorage|Office|Excel|caches|D1Database|navigator)\s*[.([]/;
    for (const f of files) {
      const code = f.text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(banned.exec(code)?.[0], f.name).toBeUndefined();
    }
  });
});
