// What `npm start` says about where things are: the web page, and how Excel
// reaches the task pane. Excel loads an add-in's pages over https only, from
// the origin written in manifest.xml (rendered by `npm run manifest`, by
// default for https://localhost:8787), so plain `npm start` serves the web
// page, and `npm run start:https` serves what the manifest points at.
import { DEFAULT_PORT } from './start-args.ts';

/** The manifest rendered for a port other than the default (git-ignored). */
export const LOCAL_MANIFEST = 'manifest.local.xml';

/**
 * The origin (`scheme://host:port`) of the task pane page that manifest.xml
 * points at (its first SourceLocation), or null when the text has none.
 */
export function manifestOrigin(xml: string): string | null {
  const location = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(xml)?.[1];
  if (!location) return null;
  try {
    return new URL(location).origin;
  } catch {
    return null;
  }
}

/**
 * The lines printed before `wrangler dev` starts: the web page's address;
 * over http, how to serve Excel instead; over https, the task pane's
 * address. Each says whether manifest.xml (`manifest`: its origin, null when
 * there is none) points at the https address on this port, and if not, the
 * exact command that renders it for this port. Vietnamese, then English.
 */
export function startAddresses(options: {
  port: number;
  https: boolean;
  manifest: string | null;
}): string[] {
  const { port, https, manifest } = options;
  const origin = `${https ? 'https' : 'http'}://localhost:${port}`;
  const excel = `https://localhost:${port}`;
  // On the default port the tracked manifest.xml is the right one; for another
  // port a local copy, so that the tracked file (which npm test compares with
  // what npm run manifest renders) stays as it is.
  const local = port !== DEFAULT_PORT;
  const file = local ? LOCAL_MANIFEST : 'manifest.xml';
  const render = local
    ? `npm run manifest -- --origin ${excel} --out ${LOCAL_MANIFEST}`
    : 'npm run manifest';
  const here = https ? { vi: 'địa chỉ này', en: 'this address' } : { vi: excel, en: excel };
  const sideload =
    manifest === excel
      ? {
          vi: `manifest.xml trỏ tới ${here.vi}: nạp nó vào Excel.`,
          en: `manifest.xml points at ${here.en}: sideload it in Excel.`,
        }
      : manifest
        ? {
            vi: `manifest.xml đang trỏ tới ${manifest}: tạo ${file} cho cổng ${port} rồi nạp tệp đó: ${render}`,
            en: `manifest.xml points at ${manifest}: write ${file} for port ${port} and sideload that file: ${render}`,
          }
        : {
            vi: `Chưa có manifest.xml: tạo ${file} rồi nạp tệp đó: ${render}`,
            en: `There is no manifest.xml: write ${file} and sideload that file: ${render}`,
          };
  const lines = [`🌐 Trang web / Web page: ${origin}/`];
  if (https) {
    lines.push(`🧩 Ngăn tác vụ Excel / Excel task pane: ${origin}/taskpane.html`);
  } else {
    const start = `npm run start:https${port === DEFAULT_PORT ? '' : ` -- --port ${port}`}`;
    lines.push(
      `🧩 Excel chỉ mở ngăn tác vụ qua https: chạy npm run certs (một lần), rồi ${start} thay cho lệnh này.`,
      `   Excel opens the task pane over https only: run npm run certs (once), then ${start} instead of this.`,
    );
  }
  lines.push(`   ${sideload.vi}`, `   ${sideload.en}`);
  return lines;
}
