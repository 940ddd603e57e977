// `npm run keys`: the pure parts (arguments, checks against the plan, output).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Plan } from '../../shared/plan/index.ts';
import type { KeyRole } from '../../shared/vocabulary/index.ts';
import { keyPrefix } from '../../worker/src/lib/keys.ts';
import type { KeyRow } from './access-keys.ts';
import { argumentProblem, ScriptError } from './messages.ts';
import type { D1Target } from './wrangler.ts';

export const USAGE = `Cách dùng / Usage:
  npm run keys -- issue <agency-code> [--coordinator] [--label "..."] [--remote | --persist-to <dir>]
  npm run keys -- revoke <prefix>  [--remote | --persist-to <dir>]
  npm run keys -- list             [--remote | --persist-to <dir>]

  Mặc định: CSDL D1 cục bộ (.wrangler/state) / Default: the local D1 database (.wrangler/state)
  --remote             CSDL đã triển khai / the deployed database
  --persist-to <dir>   CSDL cục bộ trong <dir> / a local database kept in <dir>`;

export type KeysCommand =
  | { cmd: 'issue'; agency: string; role: KeyRole; label: string | null; target: D1Target }
  | { cmd: 'revoke'; prefix: string; target: D1Target }
  | { cmd: 'list'; target: D1Target }
  | { cmd: 'help' };

/** Wrong arguments: the message, then the usage text. */
export class UsageError extends ScriptError {
  override name = 'UsageError';
}

const usageError = (vi: string, en: string) => new UsageError(vi, en);

export const LABEL_MAX = 120; // as the API's KeyRequestSchema
const PREFIX_PATTERN = /^lsk_[a-z2-9]{8}$/;

export function parseKeysArgs(argv: readonly string[]): KeysCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    const why = argumentProblem(e);
    throw usageError(`Tham số không hợp lệ: ${why.vi}`, `Invalid arguments: ${why.en}`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { cmd: 'help' };
  const [cmd, arg, ...extra] = positionals;
  if (v.remote && v['persist-to'] !== undefined) {
    throw usageError(
      '--persist-to chỉ dùng cho CSDL cục bộ, không đi cùng --remote.',
      '--persist-to is for the local database; it cannot go with --remote.',
    );
  }
  const target: D1Target = v.remote
    ? { remote: true }
    : v['persist-to'] !== undefined
      ? { persistTo: resolve(v['persist-to']) }
      : {};
  const onlyForIssue = cmd !== 'issue' && (v.coordinator || v.label !== undefined);
  if (onlyForIssue) {
    throw usageError(
      '--coordinator và --label chỉ dùng với issue.',
      '--coordinator and --label go with issue only.',
    );
  }
  const wantArgs = cmd === 'list' ? 0 : 1;
  if (cmd && ['issue', 'revoke', 'list'].includes(cmd)) {
    const got = (arg === undefined ? 0 : 1) + extra.length;
    if (got !== wantArgs) {
      const what = cmd === 'issue' ? '<agency-code>' : cmd === 'revoke' ? '<prefix>' : '';
      throw usageError(
        wantArgs ? `${cmd} cần đúng một tham số ${what}.` : `${cmd} không nhận tham số.`,
        wantArgs ? `${cmd} takes exactly one ${what}.` : `${cmd} takes no arguments.`,
      );
    }
  }
  switch (cmd) {
    case 'issue': {
      let label: string | null = null;
      if (v.label !== undefined) {
        label = v.label.normalize('NFC').replace(/\s+/g, ' ').trim();
        if (label.length < 1 || label.length > LABEL_MAX) {
          throw usageError(
            `--label phải có 1–${LABEL_MAX} ký tự.`,
            `--label must be 1–${LABEL_MAX} characters.`,
          );
        }
      }
      return {
        cmd,
        agency: (arg ?? '').trim().toUpperCase(),
        role: v.coordinator ? 'coordinator' : 'agency',
        label,
        target,
      };
    }
    case 'revoke': {
      const given = (arg ?? '').trim();
      // A whole key is accepted too: only its prefix is used.
      const prefix = keyPrefix(given) ?? given;
      if (!PREFIX_PATTERN.test(prefix)) {
        throw usageError(
          `“${given}” không phải mã khóa (dạng lsk_xxxxxxxx).`,
          `“${given}” is not a key prefix (lsk_xxxxxxxx).`,
        );
      }
      return { cmd, prefix, target };
    }
    case 'list':
      return { cmd, target };
    case undefined:
      return { cmd: 'help' };
    default:
      throw usageError(`Không có lệnh “${cmd}”.`, `Unknown command “${cmd}”.`);
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      coordinator: { type: 'boolean' },
      label: { type: 'string' },
      remote: { type: 'boolean' },
      'persist-to': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Refuses, before touching any database, an agency the plan does not know or a role it cannot hold. */
export function checkIssue(plan: Plan, agency: string, role: KeyRole): void {
  const a = plan.agency(agency);
  if (!a) {
    const codes = plan.agencies.map((x) => x.code).join(', ');
    throw new ScriptError(
      `Không có cơ quan mã “${agency}”. Các mã: ${codes}`,
      `There is no agency with code “${agency}”. Codes: ${codes}`,
    );
  }
  if (role === 'coordinator' && !a.coordinator) {
    throw new ScriptError(
      `Chỉ cơ quan điều phối (${plan.coordinator.code}) mới có khóa điều phối; ${a.code} thì không.`,
      `Only the coordinating office (${plan.coordinator.code}) can hold a coordinator key; ${a.code} cannot.`,
    );
  }
}

/** The keys as an aligned table, newest state included. */
export function formatKeyList(rows: readonly KeyRow[]): string {
  if (rows.length === 0) return 'Chưa có khóa nào / No keys yet.';
  const header = ['prefix', 'agency', 'role', 'created', 'revoked', 'label'];
  const lines = rows.map((r) => [
    r.prefix,
    r.agency_code,
    r.role,
    r.created_at.slice(0, 16).replace('T', ' '),
    r.revoked_at ? r.revoked_at.slice(0, 16).replace('T', ' ') : '-',
    r.label ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const active = rows.filter((r) => !r.revoked_at).length;
  return [
    fmt(header),
    ...lines.map(fmt),
    `${rows.length} khóa, ${active} đang dùng / ${rows.length} keys, ${active} active`,
  ].join('\n');
}
