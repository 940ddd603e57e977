// Other applications filling our template: LibreOffice (headless, a Basic
// macro in a throwaway profile edits the cells and Calc saves the .xlsx
// itself) and openpyxl (Debian's python3-openpyxl under /usr/bin/python3).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = fileURLToPath(new URL('./fillers/', import.meta.url));
const TIMEOUT = 120_000;
const PYTHON = '/usr/bin/python3';

export interface CellEdit {
  cell: string;
  /** s text, n number, p number formatted as percent (0.45 shows 45%), f formula. */
  kind: 's' | 'n' | 'p' | 'f';
  value: string | number;
}

/** LibreOffice's export filter for each format `saveAs` writes (the ones `--convert-to` picks). */
const FILTERS = {
  csv: 'Text - txt - csv (StarCalc)',
  ods: 'calc8',
  xls: 'MS Excel 97',
  xlsx: 'Calc MS Excel 2007 XML',
} as const;

const xmlEscape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export class LibreOffice {
  readonly profile: string;
  private constructor(profile: string) {
    this.profile = profile;
  }

  /** A fresh profile in `dir` with the Fill macro (tests/e2e/fillers/fill.bas) installed. */
  static async start(dir: string): Promise<LibreOffice> {
    const lo = new LibreOffice(join(dir, 'lo-profile'));
    await lo.soffice(['--terminate_after_init']);
    const basic = join(lo.profile, 'user', 'basic', 'Standard');
    const library = join(basic, 'script.xlb');
    if (!existsSync(library)) throw new Error(`LibreOffice made no Basic library in ${basic}`);
    const source = readFileSync(join(here, 'fill.bas'), 'utf8');
    writeFileSync(
      join(basic, 'Fill.xba'),
      `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Fill" script:language="StarBasic">${xmlEscape(source)}</script:module>`,
    );
    const xlb = readFileSync(library, 'utf8');
    if (!xlb.includes('library:name="Fill"')) {
      writeFileSync(
        library,
        xlb.replace(
          '</library:library>',
          ' <library:element library:name="Fill"/>\n</library:library>',
        ),
      );
    }
    return lo;
  }

  private async soffice(args: string[]) {
    const { stdout, stderr } = await run(
      'soffice',
      [`-env:UserInstallation=file://${this.profile}`, '--headless', ...args],
      { timeout: TIMEOUT },
    );
    return `${stdout}\n${stderr}`;
  }

  /** Opens `input` in Calc, sets the cells, saves `output` as .xlsx (Calc MS Excel 2007 XML). */
  async fill(input: string, output: string, edits: CellEdit[], unprotect = false): Promise<void> {
    const spec = `${output}.tsv`;
    const lines = edits.map((e) => {
      const v = String(e.value);
      if (/[\t\n\r"]/.test(v)) throw new Error(`cannot pass ${JSON.stringify(v)} to the macro`);
      return `${e.cell}\t${e.kind}\t${v}`;
    });
    writeFileSync(spec, `${[...(unprotect ? ['unprotect'] : []), ...lines].join('\n')}\n`);
    const log = await this.soffice([
      `macro:///Standard.Fill.Fill("${input}","${output}","${spec}")`,
    ]);
    if (!existsSync(output)) throw new Error(`LibreOffice wrote no ${output}:\n${log}`);
  }

  /**
   * Opens `input` in Calc once and saves a copy per format (csv, ods, xls,
   * xlsx) in `outdir`, named like `input`: what `soffice --convert-to` does,
   * one LibreOffice start for them all. Returns the copies' paths, in order.
   */
  async saveAs(
    input: string,
    formats: (keyof typeof FILTERS)[],
    outdir: string,
  ): Promise<string[]> {
    mkdirSync(outdir, { recursive: true });
    const outputs = formats.map((f) => join(outdir, `${basename(input, extname(input))}.${f}`));
    const spec = join(outdir, `${basename(input)}.copies.tsv`);
    writeFileSync(spec, `${formats.map((f, i) => `${FILTERS[f]}\t${outputs[i]}`).join('\n')}\n`);
    const log = await this.soffice([`macro:///Standard.Fill.SaveAs("${input}","${spec}")`]);
    for (const output of outputs) {
      if (!existsSync(output)) throw new Error(`LibreOffice wrote no ${output}:\n${log}`);
    }
    return outputs;
  }
}

/** Opens `input` with openpyxl, sets the cells, saves `output`. */
export async function fillWithOpenpyxl(
  input: string,
  output: string,
  edits: CellEdit[],
): Promise<void> {
  const spec = `${output}.json`;
  writeFileSync(spec, JSON.stringify(edits));
  await run(PYTHON, [join(here, 'fill_openpyxl.py'), input, output, spec], {
    timeout: TIMEOUT,
    env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
  });
  if (!existsSync(output)) throw new Error(`openpyxl wrote no ${output}`);
}
