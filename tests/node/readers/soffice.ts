// LibreOffice, an independent reader, printing files to PDF for the tests
// that look at paper: one headless run with its own profile under `dir`
// (parallel runs sharing a profile clash).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Converts `files` to PDF into `outdir` (each as <name>.pdf), with a profile in `dir`/lo. */
export async function toPdf(
  dir: string,
  outdir: string,
  files: readonly string[],
  timeout = 180_000,
): Promise<void> {
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outdir,
      ...files,
    ],
    { timeout, maxBuffer: 16 << 20 },
  );
}
