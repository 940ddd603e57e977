// npm run manifest -- [--origin https://…] [--out file] [--provider name]
//
// Renders the add-in's XML manifest for the Worker's origin (default
// https://localhost:8787) and writes it to manifest.xml at the top of the
// project, or to --out; --provider names the publisher on the add-in's card.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_USAGE, parseManifestArgs, renderManifest } from './lib/manifest.ts';
import { done, report } from './lib/messages.ts';

const DEFAULT_OUT = fileURLToPath(new URL('../manifest.xml', import.meta.url));

function main(argv: string[]): number {
  const args = parseManifestArgs(argv);
  if (args.help) {
    console.log(MANIFEST_USAGE);
    return 0;
  }
  // npm runs scripts at the project root; --out is relative to where the command was typed.
  const out = args.out ? resolve(process.env.INIT_CWD ?? process.cwd(), args.out) : DEFAULT_OUT;
  writeFileSync(out, renderManifest(args.origin, args.provider));
  done(
    `Đã ghi manifest cho ${args.origin} vào ${out}`,
    `Wrote the manifest for ${args.origin} to ${out}`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.exitCode = report(e);
}
