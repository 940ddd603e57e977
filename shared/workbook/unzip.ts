// The checks an uploaded file passes before a spreadsheet library sees it:
// what kind of file it is (by its first bytes), and whether its zip
// directory is in proportion: read by zip-entries.ts, each entry's declared
// sizes and where it lies checked (here and zip-ranges.ts) before anything
// is inflated. The entries are then inflated by fflate no further than
// their declared sizes (entry-data.ts: one that outgrows it is damage) and handed
// to the library already inflated (sheetjs-container.ts), so its own
// inflater has nothing to expand.
import { strFromU8, type Unzipped } from 'fflate';
import type { Bilingual } from '../text/bilingual.ts';
import { clip } from '../text/clip.ts';
import { entryData } from './entry-data.ts';
import { entryMap, entryOf } from './entry-map.ts';
import type { WorkbookLimits } from './limits.ts';
import { problems, type Unreadable } from './problems.ts';
import { readZipDirectory } from './zip-entries.ts';
import { entryRangeProblem } from './zip-ranges.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 / Compound File Binary: .xls, .doc, and an encrypted .xlsx (an EncryptedPackage inside). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** "EncryptedPackage" as the UTF-16LE stream name a CFB directory holds. */
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);

function containsBytes(haystack: Uint8Array, needle: number[]): boolean {
  const last = haystack.length - needle.length;
  for (
    let i = haystack.indexOf(needle[0] ?? 0);
    i >= 0 && i <= last;
    i = haystack.indexOf(needle[0] ?? 0, i + 1)
  ) {
    if (needle.every((b, k) => haystack[i + k] === b)) return true;
  }
  return false;
}

/** The file's kind from its first bytes: a problem unless it is a zip. */
export function sniff(bytes: Uint8Array, limits: WorkbookLimits): Unreadable | null {
  if (bytes.length === 0) return problems.empty();
  if (bytes.length > limits.maxBytes) return problems.tooLarge(bytes.length, limits.maxBytes);
  if (startsWith(bytes, CFB_MAGIC)) {
    return containsBytes(bytes, ENCRYPTED_PACKAGE) ? problems.encrypted() : problems.legacyXls();
  }
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) return problems.notXlsx();
  if (!startsWith(bytes, ZIP_MAGIC)) return problems.notXlsx();
  return null;
}

const detail = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);

/**
 * Handed each entry larger than `limits.inflateAloneBytes` as soon as it is
 * inflated, before the next one: what to keep of it (the entry itself, or a
 * smaller stand-in), or the problem that ends the read.
 */
export type LargeEntry = (name: string, data: Unzipped[string]) => Unzipped[string] | Unreadable;

const isProblem = (v: Unzipped[string] | Unreadable): v is Unreadable => !(v instanceof Uint8Array);

/**
 * One entry of `bytes` by name, inflated on its own (the directory read
 * again: cheap next to inflating); empty when there is none. Throws when
 * the entry cannot be read (safeUnzip has read it once already).
 */
export function inflateEntry(bytes: Uint8Array, name: string): Unzipped[string] {
  const directory = readZipDirectory(bytes);
  const entry = directory.ok ? directory.entries.find((e) => e.name === name) : undefined;
  if (!entry) return new Uint8Array(0);
  const data = entryData(bytes, entry);
  if (!(data instanceof Uint8Array)) throw new Error(data.en);
  return data;
}

/**
 * Two entries for one part, in both languages. ECMA-376 Part 2 §9.1.1.1 and
 * §9.1.3: part names are equivalent when equal as case-insensitive ASCII,
 * and a package shall not hold equivalent part names. Readers pick
 * differently among such entries (fflate keeps the last of a name, a
 * directory walk the first; SheetJS finds a part case aside, our plain path
 * by its exact name), so the value stored could be one `npm run check` never
 * showed. Compared by toLowerCase, as SheetJS and sheetjs-parts.ts match
 * names (a superset of the ASCII rule), and with `\` as `/`: SheetJS's
 * safegetzipfile takes `xl\worksheets\sheet1.xml` for the sheet, and
 * APPNOTE 4.4.17.1 says every slash in a name MUST be a forward slash.
 */
function duplicateEntry(first: string, second: string): Bilingual {
  const names =
    first === second ? `“${clip(first, 80)}”` : `“${clip(first, 80)}”, “${clip(second, 80)}”`;
  return {
    vi: `tệp nén có hai mục cho cùng một phần: ${names} (tên phần không phân biệt chữ hoa, chữ thường, \\ như /)`,
    en: `the zip has two entries for one part: ${names} (part names are compared case-insensitively, \\ as /)`,
  };
}

/**
 * The zip's entries, inflated within the limits, or the problem. `bytes`
 * must have passed sniff(). Entries up to `limits.inflateAloneBytes` are
 * inflated together; each larger one alone and handed to `large` at once,
 * which may keep less of it, so the padding of a crafted file is never all
 * in memory together. Two entries for one part (the same name, case
 * aside: duplicateEntry) are a damaged file, found on the directory before
 * anything is inflated. The entries come back in the zip's order. An entry
 * in `inflated` (already inflated by the caller: zip-entries.ts) of exactly
 * its declared size is taken as it is, not inflated again.
 */
export function safeUnzip(
  bytes: Uint8Array,
  limits: WorkbookLimits,
  large?: LargeEntry,
  inflated: Unzipped = entryMap(),
): { ok: true; files: Unzipped } | { ok: false; problem: Unreadable } {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return { ok: false, problem: problems.corrupt(directory.problem) };
  let total = 0;
  const order: { name: string; alone: boolean; size: number }[] = [];
  // Each name so far, by its lower-case form with `\` as `/` → as written.
  const seen = new Map<string, string>();
  for (const [i, file] of directory.entries.entries()) {
    total += file.size;
    order.push({
      name: file.name,
      alone: !!large && file.size > limits.inflateAloneBytes,
      size: file.size,
    });
    // fflate stores each entry as `files[name] = …`: one named "__proto__"
    // would set its result's prototype and be lost (entry-map.ts).
    if (file.name === '__proto__') {
      return {
        ok: false,
        problem: problems.corrupt({
          vi: 'tệp nén có mục tên “__proto__”, không đọc được',
          en: 'the zip has an entry named “__proto__”, which cannot be read',
        }),
      };
    }
    if (i + 1 > limits.maxEntries) {
      return { ok: false, problem: problems.tooManyEntries(limits.maxEntries) };
    }
    // SheetJS looks parts up lower-cased with `\` read as `/` (APPNOTE 4.4.17.1: slashes are forward).
    const key = file.name.toLowerCase().replaceAll('\\', '/');
    const first = seen.get(key);
    if (first !== undefined) {
      return { ok: false, problem: problems.corrupt(duplicateEntry(first, file.name)) };
    }
    seen.set(key, file.name);
    // The ratio first: a bomb is named as one even when it is also too large.
    const ratio = file.size / Math.max(file.compressedSize, 1);
    if (file.size > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
      return {
        ok: false,
        problem: problems.compressionRatio(file.name, ratio, limits.maxCompressionRatio),
      };
    }
    if (total > limits.maxUncompressedBytes) {
      return {
        ok: false,
        problem: problems.tooLargeUncompressed(total, limits.maxUncompressedBytes),
      };
    }
  }
  // Before anything is copied or inflated: no entry reaching outside the file or into another.
  const ranges = entryRangeProblem(directory.entries, bytes.length);
  if (ranges) return { ok: false, problem: problems.corrupt(ranges) };
  try {
    // Those inflated together first, then each large one alone, as the doc above says.
    const out = entryMap();
    for (const pass of [false, true]) {
      for (const [i, e] of directory.entries.entries()) {
        if (order[i]?.alone !== pass) continue;
        const given = pass ? undefined : entryOf(inflated, e.name);
        const data = given?.length === e.size ? given : entryData(bytes, e);
        if (!(data instanceof Uint8Array)) return { ok: false, problem: problems.corrupt(data) };
        const kept = pass ? (large as LargeEntry)(e.name, data) : data;
        if (isProblem(kept)) return { ok: false, problem: kept };
        out[e.name] = kept;
      }
    }
    const files = entryMap();
    for (const { name } of order) files[name] = entryOf(out, name) as Unzipped[string];
    return { ok: true, files };
  } catch (e) {
    return { ok: false, problem: problems.corrupt(detail(e)) };
  }
}

/** Tag names are ASCII: Latin-1 decoding reads them from any slice without failing. */
const latin1 = (b: Uint8Array) => strFromU8(b, true);
const XML_PART = /\.(?:xml|rels)$/i;
const ROOT_TAG = /<([A-Za-z_][\w.:-]*)/;

/**
 * The text before any Misc after the root element (XML 1.0 §2.1 [1]:
 * document ::= prolog element Misc*; [27] Misc ::= Comment | PI | S), so that
 * a comment, processing instruction or whitespace after the closing tag is
 * never taken for damage. `tail` is the part's last bytes; `whole` gives the
 * full text when a Misc reaches past them.
 */
function withoutTrailingMisc(tail: string, whole: () => string): string {
  const endsInMisc = (t: string) => t.endsWith('-->') || t.endsWith('?>');
  let text = tail.trimEnd();
  if (!endsInMisc(text)) return text;
  text = whole().trimEnd();
  while (endsInMisc(text)) {
    text = text.slice(0, Math.max(0, text.lastIndexOf(text.endsWith('?>') ? '<?' : '<!--')));
    text = text.trimEnd();
  }
  return text;
}

/**
 * The first XML part that does not end with its root element, saying how in
 * both languages: its text, less any comments, processing instructions and
 * whitespace after the root element (withoutTrailingMisc), does not end with
 * the root's closing tag (or, for a small part, a self-closing root). When
 * the closing tag is there with more after it, that is named (a second
 * element, or text); otherwise the part is cut short. SheetJS reads such a
 * part without complaint and returns whatever came before the cut; this is
 * a check of the part's end, not a parser (well-formed.ts looks inside).
 */
export function truncatedPart(files: Unzipped): Bilingual | null {
  for (const [name, data] of Object.entries(files)) {
    if (!XML_PART.test(name) || data.length === 0) continue;
    const head = latin1(data.subarray(0, 2048));
    const root = ROOT_TAG.exec(head)?.[1];
    if (!root)
      return {
        vi: `phần “${name}” không có phần tử gốc`,
        en: `part “${name}” has no root element`,
      };
    const tail = withoutTrailingMisc(latin1(data.subarray(Math.max(0, data.length - 512))), () =>
      latin1(data),
    );
    if (tail.endsWith(`</${root}>`)) continue;
    const selfClosing =
      data.length <= 2048 && new RegExp(`<${root.replaceAll('.', '\\.')}\\b[^<>]*/>$`).test(tail);
    if (selfClosing) continue;
    const whole = latin1(data);
    const end = whole.lastIndexOf(`</${root}>`);
    if (end < 0) return { vi: `phần “${name}” bị cắt cụt`, en: `part “${name}” is cut short` };
    const after = whole.slice(end + root.length + 3).trimStart();
    return after.startsWith('<')
      ? {
          vi: `phần “${name}” có thêm phần tử sau phần tử gốc </${root}>`,
          en: `part “${name}” has another element after its root element </${root}>`,
        }
      : {
          vi: `phần “${name}” có chữ sau phần tử gốc </${root}>`,
          en: `part “${name}” has text after its root element </${root}>`,
        };
  }
  return null;
}
