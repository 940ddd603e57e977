// Reads the appendix table straight from the seed text (the printed plan's
// extraction), with no knowledge of the repairs: the tests compare the data
// in shared/ against what this returns. The appendix is kept in the
// repository (tests/fixtures/plan-58-appendix.txt: the seed's Phụ lục lines,
// byte for byte, under one line naming the source), so a fresh clone tests
// the plan data without the seed folder beside it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const APPENDIX_PATH = fileURLToPath(
  new URL('../fixtures/plan-58-appendix.txt', import.meta.url),
);

export interface SeedRow {
  /** TT cell: a Roman numeral for a section row, a number or '' for a task. */
  tt: string;
  cells: { content: string; lead: string; coordinating: string; product: string; timeline: string };
}

const COLS = ['content', 'lead', 'coordinating', 'product', 'timeline'] as const;

/**
 * The appendix rows in printed order (section rows and task rows), each
 * cell trimmed; a cell the extraction wrapped onto a following line keeps
 * the wrap as "\n". `text` is the appendix text (default: the fixture);
 * throws if its table header line is missing.
 */
export function readSeedTable(text = readFileSync(APPENDIX_PATH, 'utf8')): SeedRow[] {
  const start = text.indexOf('TT\tNội dung công việc');
  if (start < 0) throw new Error('appendix header not found in seed');
  const lines = text
    .slice(start)
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '');
  const rows: SeedRow[] = [];
  for (const line of lines) {
    const parts = line.split('\t');
    const [tt = '', content = ''] = parts;
    const row = rows.at(-1);
    // A line with neither TT nor content continues the row above: the
    // extraction wrapped some of its cells. Keep the wrap as "\n".
    if (tt === '' && content === '' && row) {
      COLS.forEach((col, i) => {
        const more = (parts[i + 1] ?? '').trim();
        if (more) row.cells[col] = `${row.cells[col]}\n${more}`;
      });
      continue;
    }
    const cells = Object.fromEntries(
      COLS.map((col, i) => [col, (parts[i + 1] ?? '').trim()]),
    ) as SeedRow['cells'];
    rows.push({ tt: tt.trim(), cells });
  }
  return rows;
}
