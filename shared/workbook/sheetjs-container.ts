// The checked entries handed to SheetJS as the container its own zip reader
// would have built (CFB.utils.cfb_new, cfb_add with {unsafe: true}, as
// SheetJS's parse_local_file adds each entry), then parsed by its parse_zip:
// no zip written and read again, so no CRC-32 over every byte and none of
// SheetJS's zip code run in a fresh isolate. Both functions are exported by
// the full ES module and by the mini build the Worker uses; @e965/xlsx's
// types leave them out, hence the declarations here.

import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import * as XLSX from '@e965/xlsx';
import { strToU8, type Unzipped } from 'fflate';

/** SheetJS's container of entries: what CFB.read makes of a zip. */
interface Container {
  FileIndex: unknown[];
  FullPaths: string[];
}

interface SheetJsZip {
  parse_zip(zip: Container, opts: ParsingOptions): WorkBook;
  CFB: {
    utils: {
      cfb_new(): Container;
      cfb_add(zip: Container, name: string, content: Uint8Array, opts: { unsafe: true }): unknown;
    };
  };
}

const { parse_zip, CFB } = XLSX as unknown as SheetJsZip;

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
  const zip = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(files)) {
    CFB.utils.cfb_add(zip, storedName(name), data, { unsafe: true });
  }
  return parse_zip(zip, { ...opts, type: 'array' });
}
