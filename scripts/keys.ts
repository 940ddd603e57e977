// npm run keys -- issue <agency-code> [--coordinator] [--label "..."] [--remote]
// npm run keys -- revoke <prefix> [--remote]
// npm run keys -- list [--remote]
//
// Access keys straight in D1 through `wrangler d1 execute` (local database by
// default, --remote for the deployed one, --persist-to <dir> for a local one
// kept elsewhere). The first coordinator key of a deployment has to come from
// here; later ones can also be issued through the API (POST /api/keys).
import { lySon58 } from '../shared/plan/index.ts';
import { generateKey, hashKey } from '../worker/src/lib/keys.ts';
import {
  insertKeyStatements,
  revokeStatements,
  selectKeysStatement,
  toKeyRow,
  toSqlScript,
} from './lib/access-keys.ts';
import { checkIssue, formatKeyList, parseKeysArgs, USAGE, UsageError } from './lib/keys-cli.ts';
import { bilingual, report, ScriptError } from './lib/messages.ts';
import { type D1Target, d1Execute, describeTarget, WranglerError } from './lib/wrangler.ts';

const ACTOR = 'npm run keys';

async function main(argv: string[]): Promise<number> {
  const cmd = parseKeysArgs(argv);
  switch (cmd.cmd) {
    case 'help':
      console.log(USAGE);
      return 0;
    case 'issue':
      return issue(cmd.agency, cmd.role, cmd.label, cmd.target);
    case 'revoke':
      return revoke(cmd.prefix, cmd.target);
    case 'list':
      return list(cmd.target);
  }
}

async function issue(
  agency: string,
  role: 'agency' | 'coordinator',
  label: string | null,
  target: D1Target,
): Promise<number> {
  checkIssue(lySon58, agency, role);
  const { key, prefix } = generateKey();
  const hash = await hashKey(key);
  const now = new Date().toISOString();
  const sql = toSqlScript([
    ...insertKeyStatements({ prefix, hash, agency, role, label, createdAt: now, createdBy: ACTOR }),
    selectKeysStatement([prefix]),
  ]);
  const results = await execute(target, sql);
  const row = results.at(-1)?.map(toKeyRow)[0];
  if (!row || row.hash !== hash) {
    const where = describeTarget(target);
    throw new ScriptError(
      `Chưa cấp được khóa: ${where.vi} chưa có cơ quan ${agency} (đã chạy migration và nạp dữ liệu chưa? npm start làm việc này cho CSDL cục bộ).`,
      `No key issued: ${where.en} has no agency ${agency} (migrations applied and data seeded? npm start does both locally).`,
    );
  }
  console.log(
    bilingual(
      'Khóa mới — chỉ hiện một lần, hãy lưu lại ngay',
      'New key — shown this once, store it now',
    ),
  );
  console.log(`\n  ${key}\n`);
  console.log(`  mã / prefix:         ${row.prefix}`);
  console.log(`  cơ quan / agency:    ${row.agency_code}`);
  console.log(`  vai trò / role:      ${row.role}`);
  console.log(`  tên / label:         ${row.label ?? ''}`);
  console.log(`  CSDL / database:     ${describeTarget(target).en}`);
  return 0;
}

async function revoke(prefix: string, target: D1Target): Promise<number> {
  const now = new Date().toISOString();
  const results = await execute(target, toSqlScript(revokeStatements(prefix, now, ACTOR)));
  const row = results.at(-1)?.map(toKeyRow)[0];
  if (!row) {
    throw new ScriptError(
      `Không có khóa “${prefix}” trong ${describeTarget(target).vi}.`,
      `There is no key “${prefix}” in ${describeTarget(target).en}.`,
    );
  }
  if (row.revoked_at === now) {
    console.log(
      `✓ ${bilingual(`Đã thu hồi khóa ${prefix} (${row.agency_code})`, `Revoked key ${prefix} (${row.agency_code})`)}`,
    );
  } else {
    console.log(
      `✓ ${bilingual(`Khóa ${prefix} đã bị thu hồi từ ${row.revoked_at}`, `Key ${prefix} was already revoked at ${row.revoked_at}`)}`,
    );
  }
  return 0;
}

async function list(target: D1Target): Promise<number> {
  const results = await execute(target, toSqlScript([selectKeysStatement()]));
  console.log(formatKeyList((results.at(-1) ?? []).map(toKeyRow)));
  return 0;
}

/** wrangler's failures (no table, no login for --remote…) as a short bilingual message. */
async function execute(target: D1Target, sql: string) {
  try {
    return await d1Execute(target, sql);
  } catch (e) {
    if (!(e instanceof WranglerError)) throw e;
    const where = describeTarget(target);
    throw new ScriptError(
      `wrangler không chạy được lệnh trên ${where.vi}`,
      `wrangler failed on ${where.en}`,
      {
        detail: /no such table/.test(e.message)
          ? `${e.message}\n${bilingual(
              'Hãy áp dụng migration trước (npm start làm việc này cho CSDL cục bộ)',
              'Apply the migrations first (npm start does it for the local database)',
            )}`
          : e.message,
      },
    );
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.exitCode = report(e);
  if (e instanceof UsageError) console.error(USAGE);
}
