// The table of docs/benchmarks.md's "Inside workerd" section, made from one
// run of bench/workerd.bench.ts (--write-docs): written between two marker
// comments, so the figures in the docs are always one run's output.

/** One comparison of a run: CPU per operation of each batch, in ms, and the bytes made. */
export interface Comparison {
  line: string;
  ours: number[];
  alt: number[];
  bytes: number;
  altBytes: number;
}

export const TABLE_START = '<!-- bench:workerd table: written by `npm run bench:docs` -->';
export const TABLE_END = '<!-- end of bench:workerd table -->';

/** The middle value (the upper of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** "min–max" of the values, one decimal. */
export function range(xs: readonly number[]): string {
  return `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** The Markdown table of a run's comparisons, measured on `date` (YYYY-MM-DD). */
export function docsTable(results: readonly Comparison[], date: string): string {
  const rows = results.map((c) => {
    const o = median(c.ours);
    const a = median(c.alt);
    return `| ${c.line} | ${o.toFixed(1)} ms (${range(c.ours)}), ${kib(c.bytes)} | ${a.toFixed(1)} ms (${range(c.alt)}), ${kib(c.altBytes)} | ${(a / o).toFixed(1)}× |`;
  });
  return [
    `One run of \`npm run bench:docs\`, ${date}: CPU per operation inside workerd, median of the batches (their range), and the bytes made or read.`,
    '',
    '| comparison | ours | alternative | speed-up (alternative / ours) |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/**
 * `doc` with the text between TABLE_START and TABLE_END replaced by `table`.
 * Throws if the markers are missing, so a moved section is noticed.
 */
export function replaceMarked(doc: string, table: string): string {
  const a = doc.indexOf(TABLE_START);
  const b = doc.indexOf(TABLE_END);
  if (a < 0 || b < a)
    throw new Error(`docs/benchmarks.md: markers ${TABLE_START} … ${TABLE_END} not found`);
  return `${doc.slice(0, a + TABLE_START.length)}\n${table}\n${doc.slice(b)}`;
}
