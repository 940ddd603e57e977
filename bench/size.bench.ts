// npm run bench:size (and part of npm run bench): the Worker as deployed,
// gzipped, and what it is made of. `wrangler deploy --dry-run --outdir`
// bundles it exactly as `npm run deploy` would (wrangler.toml: minify,
// aliases, no source map) without uploading; its esbuild metafile gives each
// package's share. The served folder (dist/public) is rebuilt first, as
// `npm run build` does, because the dry run checks that it exists. Prints
// figures; asserts nothing. The task pane's bundles: npm run bench:addin.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPublic } from '../scripts/lib/build-public.ts';
import { runWrangler } from '../scripts/lib/wrangler.ts';

/** How many of the largest contributors are printed. */
const TOP = 8;

/** esbuild's metafile, as far as this script reads it. */
interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** The package (`zod`, `@e965/xlsx`) or project folder (`worker/src`) an esbuild input belongs to. */
function contributor(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1] as string;
  return input.split('/').slice(0, 2).join('/');
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

await buildPublic();
const out = mkdtempSync(join(tmpdir(), 'lyson-size-'));
try {
  const meta = join(out, 'meta.json');
  const run = await runWrangler(['deploy', '--dry-run', '--outdir', out, '--metafile', meta]);
  if (run.code !== 0) throw new Error(`wrangler deploy --dry-run: ${run.stderr || run.stdout}`);
  const script = readFileSync(join(out, 'index.js'));
  const map = existsSync(join(out, 'index.js.map')) ? 'a source map beside it' : 'no source map';
  console.log(
    `Worker as deployed: ${kib(script.length)}, ${kib(gzipSync(script).length)} gzipped (${map})`,
  );
  const { outputs } = JSON.parse(readFileSync(meta, 'utf8')) as Metafile;
  const shares = new Map<string, number>();
  for (const output of Object.values(outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const who = contributor(input);
      shares.set(who, (shares.get(who) ?? 0) + bytesInOutput);
    }
  }
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  const top = [...shares].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  console.log(
    `  largest parts (minified): ${top.map(([who, n]) => `${who} ${kib(n)} (${((100 * n) / total).toFixed(0)}%)`).join(', ')}`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
