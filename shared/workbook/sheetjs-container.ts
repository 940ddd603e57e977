// The checked entries handed to SheetJS as the container its own zip reader
// builds (CFB.read of a zip: FullPaths under "Root Entry/", FileIndex
// entries {name, type: 2, content, size}), then parsed by its parse_zip: no
// zip written and read again, so no CRC-32 over every byte and none of
// SheetJS's zip code run in a fresh isolate. The container is built here
// rather than by CFB.utils.cfb_new, whose marker entry and directory rebuild
// the .xlsx path never reads. parse_zip is exported by the full ES module and
// by the mini build the Worker uses; @e965/xlsx's types leave it out, hence
// the declaration here.
import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import * as XLSX from '@e965/xlsx';
import { strToU8, type Unzipped } from 'fflate';

/** SheetJS's container of entries: what CFB.read makes of a zip. */
interface Container {
  FileIndex: { name: string; type: number; content?: Uint8Array; size?: number }[];
  FullPaths: string[];
}

const { parse_zip } = XLSX as unknown as {
  parse_zip(zip: Container, opts: ParsingOptions): WorkBook;
};

const ROOT = 'Root Entry';

/**
 * An entry's name as SheetJS's zip reader spells it: each byte of the name
 * as stored (UTF-8, as fflate writes it) taken for one character.
 */
function storedName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is every code below 0x80
  if (/^[\u0000-\u007f]*$/.test(name)) return name;
  return String.fromCharCode(...strToU8(name));
}

/**
 * The workbook SheetJS parses from `files` (an .xlsx's entries, in zip
 * order) with `opts`, as `read(zipSync(files, {level: 0}), {type: 'array',
 * …opts})` would return it. Throws what SheetJS throws.
 */
export function parseEntries(files: Unzipped, opts: ParsingOptions): WorkBook {
  const zip: Container = { FullPaths: [`${ROOT}/`], FileIndex: [{ name: ROOT, type: 5 }] };
  for (const [entry, content] of Object.entries(files)) {
    const name = storedName(entry);
    // As SheetJS's cfb_add names an entry: the last path segment, the full path under the root.
    zip.FileIndex.push({
      name: name.replace(/\/+$/, '').replace(/^.*\//, ''),
      type: 2,
      content,
      size: content.length,
    });
    zip.FullPaths.push(`${ROOT}/${name}`.replace('//', '/'));
  }
  return parse_zip(zip, { ...opts, type: 'array' });
}
