// `npm start` options. All optional: a plain `npm start` is the usual case.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_KEYS_FILE } from './dev-keys.ts';
import { argumentProblem, ScriptError } from './messages.ts';

/** wrangler dev's port, and the one the committed manifest.xml points at. */
export const DEFAULT_PORT = 8787;

export const START_USAGE = `Cách dùng / Usage: npm start [-- options]
  --port <n>           cổng của wrangler dev / wrangler dev's port (${DEFAULT_PORT})
  --persist-to <dir>   CSDL cục bộ trong <dir> / keep the local database in <dir> (.wrangler/state)
  --dev-keys <file>    tệp khóa / the keys file (.dev-keys.json)
  --setup-only         chỉ migration, dữ liệu và khóa; không chạy wrangler dev
                       / migrations, seed and keys only; no wrangler dev
  --https              phục vụ qua https bằng chứng chỉ của office-addin-dev-certs (npm run certs),
                       như Excel cần khi nạp bổ trợ / serve over https with the
                       office-addin-dev-certs certificate (npm run certs), as Excel needs for sideloading`;

export interface StartOptions {
  port: number;
  persistTo: string | undefined;
  devKeysFile: string;
  setupOnly: boolean;
  https: boolean;
  help: boolean;
}

export function parseStartArgs(argv: readonly string[], cwd = process.cwd()): StartOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'persist-to': { type: 'string' },
        'dev-keys': { type: 'string' },
        'setup-only': { type: 'boolean' },
        https: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    const why = argumentProblem(e);
    throw new ScriptError(`Tham số không hợp lệ: ${why.vi}`, `Invalid arguments: ${why.en}`, {
      detail: START_USAGE,
    });
  }
  const portText = typeof values.port === 'string' ? values.port : String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ScriptError(`Cổng không hợp lệ: ${portText}`, `Invalid port: ${portText}`);
  }
  const str = (v: unknown) => (typeof v === 'string' ? resolve(cwd, v) : undefined);
  return {
    port,
    persistTo: str(values['persist-to']),
    devKeysFile: str(values['dev-keys']) ?? DEV_KEYS_FILE,
    setupOnly: values['setup-only'] === true,
    https: values.https === true,
    help: values.help === true,
  };
}
