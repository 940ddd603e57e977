// The folder the Worker serves (scripts/lib/build-public.ts), built into a
// temporary folder: every file the two HTML pages load is there, the task
// pane's stylesheet holds literal values only (Internet Explorer 11 has no
// CSS custom properties), the old Office webviews get scripts they can parse
// (ES5 for Internet Explorer 11, ES2017 for EdgeHTML 18), and
// wrangler.toml serves the same folder.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPublic,
  COPIED,
  MAPS_SUFFIX,
  PUBLIC_DIR,
  sourceOf,
} from '../../scripts/lib/build-public.ts';
import { ROOT } from '../../scripts/lib/wrangler.ts';

const out = mkdtempSync(join(tmpdir(), 'lyson-public-'));
afterAll(() => {
  for (const dir of [out, `${out}${MAPS_SUFFIX}`]) rmSync(dir, { recursive: true, force: true });
});
beforeAll(() => buildPublic({ outDir: out }), 60_000);

const read = (file: string) => readFileSync(join(out, file), 'utf8');
const tokens = readFileSync(join(ROOT, 'client/styles/tokens.css'), 'utf8');

describe('npm run build', () => {
  it('writes every file the web page and the task pane load, at the path they ask for', () => {
    for (const page of ['index.html', 'taskpane.html']) {
      const refs = [...read(page).matchAll(/(?:href|src)="([^"]+)"/g)]
        .map((m) => m[1] as string)
        .filter((ref) => !/^https?:/.test(ref));
      expect(refs.length, page).toBeGreaterThan(0);
      for (const ref of refs) expect(existsSync(join(out, ref)), `${page} → ${ref}`).toBe(true);
    }
  });

  it('empties the folder first: nothing an earlier build left is served or deployed', async () => {
    const again = mkdtempSync(join(tmpdir(), 'lyson-public-again-'));
    try {
      writeFileSync(join(again, 'stale-bundle.js'), 'old');
      await buildPublic({ outDir: again, minify: false });
      expect(existsSync(join(again, 'stale-bundle.js'))).toBe(false);
      expect(existsSync(join(again, 'taskpane.js'))).toBe(true);
    } finally {
      for (const dir of [again, `${again}${MAPS_SUFFIX}`]) {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('keeps source maps out of the served folder: none there, no comment pointing at one, all beside it', () => {
    const served = readdirSync(out, { recursive: true }).map(String);
    expect(served.filter((f) => f.endsWith('.map'))).toEqual([]);
    const bundles = served.filter((f) => /\.(js|css)$/.test(f));
    expect(bundles.sort()).toEqual(
      ['app.css', 'app.js', 'taskpane.css', 'taskpane.js', 'taskpane.legacy.js'].sort(),
    );
    for (const file of bundles) expect(read(file), file).not.toMatch(/sourceMappingURL/);
    const maps = readdirSync(`${out}${MAPS_SUFFIX}`).sort();
    expect(maps).toEqual(bundles.map((f) => `${f}.map`).sort());
  });

  it('copies the sources of copied files unchanged (HTML, icons, _headers)', () => {
    for (const from of Object.values(COPIED)) expect(existsSync(join(ROOT, from)), from).toBe(true);
    expect(read('_headers')).toBe(readFileSync(join(ROOT, 'worker/_headers'), 'utf8'));
    expect(readFileSync(join(out, 'assets/icon-32.png'))).toEqual(
      readFileSync(join(ROOT, 'addin/assets/icon-32.png')),
    );
  });

  it('spaces flex rows without gap (EdgeHTML and IE11 have no flex gap), and gives IE11 margins for grids', () => {
    const css = read('taskpane.css');
    const rules = css.split('}');
    const flexWithGap = rules.filter((r) => /display:\s*flex/.test(r) && /[;{]\s*gap:/.test(r));
    expect(flexWithGap).toEqual([]);
    // Every grid spaced with gap has an IE11 counterpart in the IE-only media query.
    const ie = css.slice(css.indexOf('-ms-high-contrast'));
    expect(ie).not.toBe(css);
    for (const selector of ['.content', '.findings'])
      expect(ie, selector).toContain(`${selector}>`);
  });

  it('gives the task pane literal colours and fonts: no var(), no custom property', () => {
    const css = read('taskpane.css');
    expect(css).not.toMatch(/var\(/);
    expect(css).not.toMatch(/--[\w-]+\s*:/);
    // Tokens the pane uses, written as their values from tokens.css.
    for (const token of ['--brand', '--danger-dark', '--surface-2']) {
      const value = tokens.match(new RegExp(`${token}:\\s*([^;]+);`))?.[1];
      expect(value, token).toMatch(/^#[0-9a-f]{6}$/);
      expect(css, token).toContain(value);
    }
    expect(css).toContain('font-family:"Segoe UI"');
  });

  it('keeps the tokens as custom properties on the web page (modern browsers only)', () => {
    const css = read('app.css');
    expect(css).toMatch(/:root\{[^}]*--brand:\s*#0f6cbd/);
    expect(css).toContain('var(--brand)');
  });
});

describe('the task pane in the webviews of Office 2016/2019', () => {
  it('loads the module bundle, and the ES5 build as the nomodule script', () => {
    const html = read('taskpane.html');
    expect(html).toContain('<script type="module" src="taskpane.js"></script>');
    expect(html).toMatch(/<script nomodule[^>]* src="taskpane.legacy.js"><\/script>/);
  });

  it('writes the nomodule script as ECMAScript 5 (Internet Explorer 11)', () => {
    const legacy = read('taskpane.legacy.js');
    expect(() => parse(legacy, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // The probe: the same parser rejects ES2015 syntax.
    expect(() => parse('const a = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  it('writes the module bundle as ES2017 syntax (EdgeHTML 18: no object spread, ?. or ??)', () => {
    const modern = read('taskpane.js');
    expect(() => parse(modern, { ecmaVersion: 2017, sourceType: 'module' })).not.toThrow();
    expect(() => parse('a?.b ?? c;', { ecmaVersion: 2017 })).toThrow();
    expect(() => parse('({ ...a });', { ecmaVersion: 2017 })).toThrow();
  });
});

describe('what the browsers download', () => {
  /** The files a bundle was built from, as its source map lists them. */
  const sourcesOf = (file: string): string[] =>
    JSON.parse(readFileSync(join(`${out}${MAPS_SUFFIX}`, `${file}.map`), 'utf8')).sources;

  // Neither page parses with zod (the Worker checks every request body), so
  // neither needs zod's `jitless` setting under its Content-Security-Policy.
  it('carries no zod in the task pane (either build) or the web page', () => {
    for (const file of ['taskpane.js', 'taskpane.legacy.js', 'app.js']) {
      const sources = sourcesOf(file);
      // The probe: the map names the files bundled (both pages use the API client).
      expect(
        sources.some((s) => s.endsWith('client/api.ts')),
        file,
      ).toBe(true);
      expect(
        sources.filter((s) => s.includes('node_modules/zod/')),
        file,
      ).toEqual([]);
    }
  });

  // Each build hashes the Idempotency-Key its own way (addin/src/sha256.ts).
  it('hashes with crypto.subtle in the module bundle, with @noble/hashes in the ES5 build only', () => {
    const noble = (file: string) => sourcesOf(file).filter((s) => s.includes('@noble/hashes/'));
    const ours = (file: string) => sourcesOf(file).filter((s) => s.endsWith('sha256.ts'));
    expect(noble('taskpane.js')).toEqual([]);
    expect(ours('taskpane.js')).toEqual([expect.stringMatching(/(^|\/)addin\/src\/sha256\.ts$/)]);
    expect(noble('taskpane.legacy.js').length).toBeGreaterThan(0);
    expect(ours('taskpane.legacy.js')).toEqual([
      expect.stringMatching(/(^|\/)addin\/src\/legacy\/sha256\.ts$/),
    ]);
  });

  it('keeps the task pane module bundle within 60 KiB gzipped (issue 15)', () => {
    expect(gzipSync(readFileSync(join(out, 'taskpane.js'))).length).toBeLessThanOrEqual(60 * 1024);
  });
});

describe('sourceOf', () => {
  it('maps a served path to the repository file copied there', () => {
    expect(sourceOf('/assets/icon-32.png')).toBe('addin/assets/icon-32.png');
    expect(sourceOf('taskpane.html')).toBe('addin/taskpane.html');
    expect(sourceOf('/index.html')).toBe('web/index.html');
  });
  it('knows no source for built files and unknown paths', () => {
    expect(sourceOf('/app.js')).toBeUndefined();
    expect(sourceOf('/taskpane.css')).toBeUndefined();
    expect(sourceOf('/assets-old/icon.png')).toBeUndefined();
  });
});

it("wrangler.toml's [assets] directory is the folder the build writes", () => {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const assets = toml.match(/^\[assets\]$([\s\S]*?)^\[/m)?.[1] ?? '';
  expect(assets.match(/^directory = "([^"]+)"$/m)?.[1]).toBe(PUBLIC_DIR);
});
