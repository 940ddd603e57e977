// The Python the reader tests run openpyxl with.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A Python 3 that can import openpyxl (Debian's python3-openpyxl lives in /usr/bin/python3). */
export async function openpyxlPython(): Promise<string> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      await run(candidate, ['-c', 'import openpyxl']);
      return candidate;
    } catch {}
  }
  throw new Error(
    'Không tìm thấy python3 có openpyxl / No python3 with openpyxl: apt-get install python3-openpyxl (.ci/run does)',
  );
}
