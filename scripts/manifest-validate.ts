// npm run manifest:validate [-- <manifest file>]
//
// Microsoft's own check of the XML manifest: `office-addin-manifest validate`
// posts the file to Microsoft's online validation service, so it needs
// internet (and that service is sometimes down). The offline checks are in
// tests/node/manifest.test.ts; this one is run by hand, never by the tests.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bilingual, report, ScriptError, step } from './lib/messages.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = resolve(ROOT, 'node_modules/office-addin-manifest/cli.js');

async function main(argv: string[]): Promise<number> {
  const manifest = resolve(
    process.env.INIT_CWD ?? process.cwd(),
    argv[0] ?? resolve(ROOT, 'manifest.xml'),
  );
  if (!existsSync(manifest)) {
    throw new ScriptError(`Không có tệp ${manifest}.`, `There is no file ${manifest}.`);
  }
  step(
    'Gửi manifest tới dịch vụ kiểm tra trực tuyến của Microsoft — cần có internet',
    "Sending the manifest to Microsoft's online validation service — this needs internet",
  );
  console.log(
    `  ${bilingual('Kiểm tra ngoại tuyến: npm test (tests/node/manifest.test.ts)', 'Offline checks: npm test (tests/node/manifest.test.ts)')}`,
  );
  const { code, output } = await run(process.execPath, [CLI, 'validate', manifest]);
  if (/Unable to contact the manifest validation service/i.test(output)) {
    throw new ScriptError(
      'Không liên lạc được với dịch vụ kiểm tra manifest của Microsoft (máy không có internet, bị tường lửa chặn, hoặc dịch vụ đang gián đoạn). Manifest chưa được kiểm tra; các kiểm tra ngoại tuyến vẫn chạy bằng npm test.',
      "Could not reach Microsoft's manifest validation service (no internet, a firewall, or the service is down). The manifest was NOT validated; the offline checks still run with npm test.",
    );
  }
  if (code !== 0) {
    throw new ScriptError(
      'Dịch vụ của Microsoft báo manifest chưa hợp lệ (xem chi tiết ở trên).',
      "Microsoft's service reports the manifest as invalid (details above).",
    );
  }
  return 0;
}

/** Runs the CLI with its output shown as it comes and also kept for the checks above. */
function run(cmd: string, args: string[]) {
  return new Promise<{ code: number; output: string }>((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.exitCode = report(e);
}
