// npm run check -- <file.xlsx> [--agency CODE] [--period CODE] [--json]
//
// Checks a filled progress-sheet template offline, exactly as an upload to
// POST /api/periods/{period}/uploads would check it: the shared reader
// (shared/workbook) and validate() with the plan. Exit code 0 valid, 1 errors
// in the sheet, 2 the file cannot be checked or wrong arguments.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lySon58 } from '../shared/plan/index.ts';
import {
  checkBytes,
  checkExpected,
  EXIT,
  exitCode,
  formatText,
  parseCheckArgs,
  toJson,
  USAGE,
  UsageError,
} from './lib/check-cli.ts';
import { fileProblem, report, ScriptError } from './lib/messages.ts';

function main(argv: string[]): number {
  const cmd = parseCheckArgs(argv);
  if (cmd.cmd === 'help') {
    console.log(USAGE);
    return EXIT.ok;
  }
  const expected = checkExpected(lySon58, cmd);
  // npm runs scripts at the project root and sets INIT_CWD to the folder the
  // command was typed in: a relative FILE is meant from there (as for
  // `npm run manifest -- --out`).
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), cmd.file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const why = fileProblem(e);
    const message = {
      vi: `Không mở được tệp “${path}”: ${why.vi}.`,
      en: `Cannot open the file “${path}”: ${why.en}.`,
    };
    if (cmd.json) {
      // A script reading stdout gets JSON for this failure too.
      const reason = (e as NodeJS.ErrnoException).code ?? 'unknown';
      const error = { code: 'CANNOT_OPEN', message, details: { reason, path } };
      console.log(JSON.stringify({ file: cmd.file, ok: false, error }, null, 2));
      return EXIT.unreadable;
    }
    throw new ScriptError(message.vi, message.en, { exitCode: EXIT.unreadable });
  }
  const outcome = checkBytes(bytes, cmd.file, lySon58, expected);
  console.log(cmd.json ? JSON.stringify(toJson(outcome), null, 2) : formatText(outcome));
  return exitCode(outcome);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.exitCode = report(e);
  if (e instanceof UsageError) console.error(USAGE);
}
