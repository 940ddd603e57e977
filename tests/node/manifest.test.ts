// The add-in's XML manifest, checked offline. office-addin-manifest's reader
// parses it but checks almost nothing (TECH-NOTES), so the project asserts the
// rest itself: element order, https URLs, resids, icon sizes against the PNG
// files, SourceLocation on a file the Worker serves, no drift of manifest.xml.
// Microsoft's online validation is `npm run manifest:validate`, never run here.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceOf } from '../../scripts/lib/build-public.ts';
import {
  ADDIN_ID,
  checkOrigin,
  DEFAULT_ORIGIN,
  DEFAULT_PROVIDER,
  ICON_SIZES,
  parseManifestArgs,
  renderManifest,
} from '../../scripts/lib/manifest.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ls-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// --- a small XML reader, enough for a manifest (no DTDs, CDATA or processing instructions but the declaration)
interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function parseXml(xml: string): El {
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < xml.length) {
    token.lastIndex = pos;
    m = token.exec(xml);
    if (!m) throw new Error(`XML syntax error at ${pos}: ${xml.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const top = stack.at(-1) as El;
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
        if ((a[1] as string) in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        attrs[a[1] as string] = decode(a[2] as string);
      }
      const el: El = { name: m[2], attrs, children: [], text: '' };
      top.children.push(el);
      if (!m[4]) stack.push(el);
    } else if (m[5]) {
      if (/[^\s]/.test(m[5]) && top === root) throw new Error('text outside the root element');
      top.text += decode(m[5]);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> is not closed`);
  if (root.children.length !== 1) throw new Error('one root element expected');
  return root.children[0] as El;
}

const all = (el: El): El[] => [el, ...el.children.flatMap(all)];
const child = (el: El, name: string) => el.children.find((c) => c.name === name);
const must = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`missing ${what}`);
  return v;
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string) {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * The repository file the Worker serves at `url`: static assets are built into
 * dist/public, and the files the manifest points at are copied there as they
 * are (scripts/lib/build-public.ts), so their sources are checked (no build needed).
 */
function servedFile(url: string, origin: string) {
  expect(url.startsWith(`${origin}/`), url).toBe(true);
  const path = new URL(url).pathname;
  expect(path.startsWith('/api/'), `${url} is an API route, not a file`).toBe(false);
  const source = sourceOf(decodeURIComponent(path));
  expect(source, `${url} is not a file copied into dist/public`).toBeDefined();
  return join(ROOT, source as string);
}

function isAllowedUrl(u: string) {
  const url = new URL(u);
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
  );
}

// The order of OfficeApp's children for a TaskPaneApp in the 1.1 schema
// (learn.microsoft.com: "How to find the proper order of manifest elements").
const OFFICEAPP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'AllowSnapshot',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
];
const OFFICEAPP_REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'DefaultSettings',
  'Permissions',
];

/** The same checks for every origin the manifest is rendered for. */
function checkManifest(xml: string, origin: string) {
  const app = parseXml(xml);
  expect(app.name).toBe('OfficeApp');
  expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');

  // Element order: every child known, each at most once, in schema order.
  const names = app.children.map((c) => c.name);
  for (const n of names) expect(OFFICEAPP_ORDER, `unknown element <${n}>`).toContain(n);
  const idx = names.map((n) => OFFICEAPP_ORDER.indexOf(n));
  expect(idx).toEqual([...idx].sort((a, b) => a - b));
  expect(new Set(names).size).toBe(names.length);
  for (const n of OFFICEAPP_REQUIRED) expect(names).toContain(n);

  expect(must(child(app, 'Id'), 'Id').text).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  );
  expect(must(child(app, 'Version'), 'Version').text).toMatch(/^\d+(\.\d+){0,3}$/);
  expect(must(child(app, 'DefaultLocale'), 'DefaultLocale').text).toBe('vi-VN');
  expect(must(child(app, 'Permissions'), 'Permissions').text).toBe('ReadWriteDocument');
  const hosts = must(child(app, 'Hosts'), 'Hosts').children;
  expect(hosts.map((h) => h.attrs.Name)).toEqual(['Workbook']);
  const sets = all(must(child(app, 'Requirements'), 'Requirements')).filter(
    (e) => e.name === 'Set',
  );
  expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.7']]);
  for (const n of ['DisplayName', 'Description']) {
    const el = must(child(app, n), n);
    expect(el.attrs.DefaultValue?.length).toBeGreaterThan(0);
    expect(el.attrs.DefaultValue?.length).toBeLessThanOrEqual(n === 'DisplayName' ? 125 : 250);
    expect(el.children.map((o) => o.attrs.Locale)).toEqual(['en-US']);
  }

  // Every URL https (or localhost), on the Worker's origin, listed in AppDomains.
  const urls = all(app).flatMap((e) =>
    Object.entries(e.attrs)
      .filter(([k, v]) => !k.startsWith('xmlns') && /^[a-z]+:\/\//i.test(v))
      .map(([, v]) => v),
  );
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) {
    expect(isAllowedUrl(u), u).toBe(true);
    expect(new URL(u).origin).toBe(origin);
  }
  const domains = all(must(child(app, 'AppDomains'), 'AppDomains'))
    .filter((e) => e.name === 'AppDomain')
    .map((e) => e.text);
  expect(domains).toEqual([origin]);

  // SourceLocation: /taskpane.html, a file the Worker serves.
  const source = must(
    child(must(child(app, 'DefaultSettings'), 'DefaultSettings'), 'SourceLocation'),
    'SourceLocation',
  );
  expect(source.attrs.DefaultValue).toBe(`${origin}/taskpane.html`);
  expect(existsSync(servedFile(source.attrs.DefaultValue as string, origin))).toBe(true);

  // IconUrl 32 px and HighResolutionIconUrl 64 px, as real PNGs of that size.
  for (const [n, size] of [
    ['IconUrl', ICON_SIZES.iconUrl],
    ['HighResolutionIconUrl', ICON_SIZES.highResolutionIconUrl],
  ] as const) {
    const url = must(child(app, n), n).attrs.DefaultValue as string;
    expect(url).toMatch(new RegExp(`-${size}\\.png$`));
    expect(pngSize(servedFile(url, origin))).toEqual({ width: size, height: size });
  }

  // The ribbon: Home tab, one group, a ShowTaskpane button.
  const vo = must(child(app, 'VersionOverrides'), 'VersionOverrides');
  expect(vo.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
  expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  expect(vo.children.map((c) => c.name)).toEqual(['Hosts', 'Resources']);
  const voHost = must(child(must(child(vo, 'Hosts'), 'VO Hosts'), 'Host'), 'VO Host');
  expect(voHost.attrs['xsi:type']).toBe('Workbook');
  const dff = must(child(voHost, 'DesktopFormFactor'), 'DesktopFormFactor');
  expect(dff.children.map((c) => c.name)).toEqual(['GetStarted', 'ExtensionPoint']);
  const ext = must(child(dff, 'ExtensionPoint'), 'ExtensionPoint');
  expect(ext.attrs['xsi:type']).toBe('PrimaryCommandSurface');
  const tab = must(child(ext, 'OfficeTab'), 'OfficeTab');
  expect(tab.attrs.id).toBe('TabHome');
  const group = must(child(tab, 'Group'), 'Group');
  expect(group.children.map((c) => c.name)).toEqual(['Label', 'Icon', 'Control']);
  const button = must(child(group, 'Control'), 'Control');
  expect(button.attrs['xsi:type']).toBe('Button');
  expect(button.children.map((c) => c.name)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
  const action = must(child(button, 'Action'), 'Action');
  expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
  expect(action.children.map((c) => c.name)).toEqual(['TaskpaneId', 'SourceLocation']);
  const ids = all(app)
    .filter((e) => ['Group', 'Control'].includes(e.name))
    .map((e) => e.attrs.id as string);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);

  // Resources: every resid referenced is defined (in the right kind of
  // resource), ids are unique and at most 32 characters.
  const resources = must(child(vo, 'Resources'), 'Resources');
  expect(resources.children.map((c) => c.name)).toEqual([
    'bt:Images',
    'bt:Urls',
    'bt:ShortStrings',
    'bt:LongStrings',
  ]);
  const defined = new Map<string, { kind: string; el: El }>();
  for (const kind of resources.children) {
    for (const r of kind.children) {
      const id = r.attrs.id as string;
      expect(defined.has(id), `resid ${id} defined twice`).toBe(false);
      expect(id.length, id).toBeLessThanOrEqual(32);
      defined.set(id, { kind: kind.name, el: r });
    }
  }
  const kindOf: Record<string, string> = {
    'bt:Image': 'bt:Images',
    SourceLocation: 'bt:Urls',
    LearnMoreUrl: 'bt:Urls',
    Label: 'bt:ShortStrings',
    Title: 'bt:ShortStrings',
    Description: 'bt:LongStrings',
  };
  const referenced = all(vo).filter((e) => e.attrs.resid !== undefined);
  expect(referenced.length).toBeGreaterThan(10);
  for (const e of referenced) {
    const resid = e.attrs.resid as string;
    expect(resid.length, resid).toBeLessThanOrEqual(32);
    const def = defined.get(resid);
    expect(def, `resid ${resid} is not defined`).toBeDefined();
    expect(def?.kind, `resid ${resid} on <${e.name}>`).toBe(kindOf[e.name]);
  }
  const used = new Set(referenced.map((e) => e.attrs.resid));
  for (const id of defined.keys()) expect(used, `resource ${id} is never used`).toContain(id);
  for (const [id, { kind, el }] of defined) {
    const limit = kind === 'bt:ShortStrings' ? 125 : kind === 'bt:LongStrings' ? 250 : 2048;
    for (const v of [el.attrs.DefaultValue, ...el.children.map((o) => o.attrs.Value)]) {
      expect(v?.length, id).toBeGreaterThan(0);
      expect(v?.length, id).toBeLessThanOrEqual(limit);
    }
  }
  const label = defined.get(must(child(button, 'Label'), 'Label').attrs.resid as string);
  expect(label?.el.attrs.DefaultValue).toBe('Báo cáo KH 58');
  expect(defined.get('Taskpane.Url')?.el.attrs.DefaultValue).toBe(`${origin}/taskpane.html`);

  // Help a clerk can use: the reporting web page (its own sign-in), not the API reference;
  // a publisher's name, not a placeholder.
  expect(must(child(app, 'SupportUrl'), 'SupportUrl').attrs.DefaultValue).toBe(`${origin}/`);
  expect(defined.get('GetStarted.LearnMoreUrl')?.el.attrs.DefaultValue).toBe(`${origin}/`);
  expect(existsSync(join(ROOT, 'web/index.html'))).toBe(true);
  const provider = must(child(app, 'ProviderName'), 'ProviderName').text;
  expect(provider.length).toBeGreaterThan(0);
  expect(provider.length).toBeLessThanOrEqual(250);
  expect(provider).not.toMatch(/cấu hình|configure|TODO/i);

  // Ribbon icons 16/32/80 px on the group and on the button, real PNGs of that size.
  for (const icon of [child(group, 'Icon'), child(button, 'Icon')]) {
    const images = must(icon, 'Icon').children;
    expect(images.map((i) => Number(i.attrs.size))).toEqual([...ICON_SIZES.ribbon]);
    for (const img of images) {
      const size = Number(img.attrs.size);
      const url = defined.get(img.attrs.resid as string)?.el.attrs.DefaultValue as string;
      expect(pngSize(servedFile(url, origin))).toEqual({ width: size, height: size });
    }
  }
  return app;
}

describe('the add-in manifest', () => {
  it('manifest.xml is exactly what npm run manifest renders for https://localhost:8787', () => {
    expect(readFileSync(join(ROOT, 'manifest.xml'), 'utf8')).toBe(renderManifest(DEFAULT_ORIGIN));
  });

  it('keeps the add-in Id', () => {
    const app = parseXml(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));
    expect(child(app, 'Id')?.text).toBe(ADDIN_ID);
  });

  it('passes the project checks for development and production origins', () => {
    checkManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), DEFAULT_ORIGIN);
    checkManifest(
      renderManifest('https://bao-cao.ly-son.workers.dev/'),
      'https://bao-cao.ly-son.workers.dev',
    );
    checkManifest(renderManifest('http://localhost:8788'), 'http://localhost:8788');
  });

  it("reads with office-addin-manifest's reader", async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(ROOT, 'manifest.xml'));
    expect(info.manifestType).toBe('xml');
    expect(info.id).toBe(ADDIN_ID);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultLocale).toBe('vi-VN');
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.appDomains).toEqual([DEFAULT_ORIGIN]);
    expect(info.iconUrl).toBe(`${DEFAULT_ORIGIN}/assets/icon-32.png`);
    expect(info.highResolutionIconUrl).toBe(`${DEFAULT_ORIGIN}/assets/icon-64.png`);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEFAULT_ORIGIN}/taskpane.html`);
    expect(info.displayName).toBe('Báo cáo giảm nghèo 58/KH-UBND');
  });

  it('catches what a broken manifest gets wrong (the checks bite)', () => {
    const good = renderManifest(DEFAULT_ORIGIN);
    checkManifest(good, DEFAULT_ORIGIN);
    const broken = [
      good
        .replace('<Version>0.1.0.0</Version>\n', '')
        .replace('<Id>', '<Version>0.1.0.0</Version>\n  <Id>'),
      good.replace('resid="Group.Label"', 'resid="Group.Missing"'),
      good.replace(/Taskpane\.Url/g, 'A.Resource.Id.Longer.Than.32.Chars'),
      good.replace('assets/icon-80.png', 'assets/icon-64.png'),
      good.replace(
        `${DEFAULT_ORIGIN}/taskpane.html" />\n  </DefaultSettings>`,
        `${DEFAULT_ORIGIN}/missing.html" />\n  </DefaultSettings>`,
      ),
      good.replace('<AppDomain>https://', '<AppDomain>http://'),
      good.replace('</OfficeTab>', '</OfficeTab'),
    ];
    for (const xml of broken) {
      expect(xml).not.toBe(good);
      expect(() => checkManifest(xml, DEFAULT_ORIGIN)).toThrow();
    }
  });
});

describe('origins', () => {
  it('accepts https anywhere and http on localhost only, as a bare origin', () => {
    expect(checkOrigin('https://bao-cao.example.workers.dev/')).toBe(
      'https://bao-cao.example.workers.dev',
    );
    expect(checkOrigin('http://localhost:8787')).toBe('http://localhost:8787');
    expect(checkOrigin('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    for (const bad of [
      'http://example.com',
      'http://localhost.example.com',
      'ftp://localhost',
      'example.com',
      'https://example.com/app',
      'https://example.com/?x=1',
    ]) {
      expect(() => checkOrigin(bad), bad).toThrow(/\//);
      expect(() => renderManifest(bad), bad).toThrow();
    }
    expect(() => checkOrigin('http://example.com')).toThrow(/https.*\n?.*https/s);
  });

  it('parses the command line', () => {
    expect(parseManifestArgs([])).toEqual({ help: false, origin: DEFAULT_ORIGIN, out: null });
    expect(parseManifestArgs(['--origin=https://a.example', '--out', 'x.xml'])).toEqual({
      help: false,
      origin: 'https://a.example',
      out: 'x.xml',
    });
    expect(() => parseManifestArgs(['--origin'])).toThrow();
    expect(() => parseManifestArgs(['--bogus'])).toThrow(/--bogus/);
    expect(() => parseManifestArgs(['--origin', 'http://example.com'])).toThrow(/https/);
  });

  it('names the publisher given with --provider, escaped, within Office’s 250 characters', () => {
    const args = parseManifestArgs(['--provider', ' Phòng A & B ']);
    expect(args.provider).toBe('Phòng A & B');
    const app = parseXml(renderManifest(DEFAULT_ORIGIN, args.provider));
    expect(child(app, 'ProviderName')?.text).toBe('Phòng A & B');
    checkManifest(renderManifest(DEFAULT_ORIGIN, args.provider), DEFAULT_ORIGIN);
    expect(child(parseXml(renderManifest(DEFAULT_ORIGIN)), 'ProviderName')?.text).toBe(
      DEFAULT_PROVIDER,
    );
    expect(() => parseManifestArgs(['--provider', '   '])).toThrow(/1–250/);
    expect(() => parseManifestArgs(['--provider', 'x'.repeat(251)])).toThrow(/251/);
  });
});

function run(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'scripts', 'manifest.ts'), ...args],
      { cwd: ROOT, timeout: 30_000, env: { ...process.env, INIT_CWD: dir } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('npm run manifest', () => {
  it('writes the manifest for an origin to --out (relative to where it was typed)', async () => {
    const r = await run(['--origin', 'https://bao-cao.example.workers.dev', '--out', 'prod.xml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Wrote the manifest');
    expect(readFileSync(join(dir, 'prod.xml'), 'utf8')).toBe(
      renderManifest('https://bao-cao.example.workers.dev'),
    );
  });

  it('refuses a plain-http origin with a bilingual message and writes nothing', async () => {
    const r = await run(['--origin', 'http://bao-cao.example.com', '--out', 'bad.xml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Office chỉ nạp add-in qua https');
    expect(r.stderr).toContain('Office loads add-ins over https only');
    expect(existsSync(join(dir, 'bad.xml'))).toBe(false);
  });
});
