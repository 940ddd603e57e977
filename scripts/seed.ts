// npm run seed -- [--remote | --persist-to <dir>]
//
// The plan's agencies and report periods into D1 (INSERT OR IGNORE: the
// coordinator's later edits stay). `npm start` does this for the local
// database; a deployment runs it once with --remote after its migrations.
import { parseArgs } from 'node:util';
import { lySon58 } from '../shared/plan/index.ts';
import { seedStatements, toSqlScript } from '../worker/src/db/seed.ts';
import { done, report, ScriptError, step } from './lib/messages.ts';
import { type D1Target, d1Execute, describeTarget } from './lib/wrangler.ts';

const USAGE = `Cách dùng / Usage: npm run seed -- [--remote | --persist-to <dir>]`;

async function main(argv: string[]): Promise<number> {
  let values: { remote?: boolean; 'persist-to'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        remote: { type: 'boolean' },
        'persist-to': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ScriptError(`Tham số không hợp lệ: ${why}`, `Invalid arguments: ${why}`, {
      detail: USAGE,
    });
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.remote && values['persist-to']) {
    throw new ScriptError(
      '--remote và --persist-to không dùng cùng nhau',
      '--remote and --persist-to exclude each other',
    );
  }
  const target: D1Target = values.remote
    ? { remote: true }
    : values['persist-to']
      ? { persistTo: values['persist-to'] }
      : {};
  const where = describeTarget(target);
  step(
    `Nạp cơ quan và kỳ báo cáo vào ${where.vi}`,
    `Seeding agencies and report periods into ${where.en}`,
  );
  const results = await d1Execute(
    target,
    toSqlScript([
      ...seedStatements(lySon58, new Date().toISOString()),
      {
        sql: 'SELECT (SELECT COUNT(*) FROM agencies) AS agencies, (SELECT COUNT(*) FROM periods) AS periods',
        params: [],
      },
    ]),
  );
  const c = results.at(-1)?.[0] ?? {};
  done(
    `${c.agencies} cơ quan, ${c.periods} kỳ báo cáo`,
    `${c.agencies} agencies, ${c.periods} periods`,
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.exitCode = report(e);
}
