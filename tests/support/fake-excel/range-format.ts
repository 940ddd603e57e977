// Range.format (Office.js: Excel.RangeFormat, ExcelApi 1.1): write-only here.
// Each setting is recorded as a write; fill, bold and locked are also kept
// on the cells, because tests look at them (what a person sees, what
// protection lets them type into). Formatting a protected sheet, locked
// included, fails at the next sync (Context.guard).
import { colLetters } from './address.ts';
import type { FakeCell } from './model.ts';
import type { Range } from './range.ts';

/** The format proxy of `range`. */
export function rangeFormat(range: Range) {
  const set = (op: string, detail: unknown, apply?: (c: FakeCell) => void) => {
    if (!range.ctx.guard(range.sheet, op)) return;
    if (apply) range.each(apply);
    range.ctx.excel.record({ op, sheet: range.sheet.name, range: range.where, detail });
  };
  return {
    /** Width of the range's columns (kept for its first column). */
    set columnWidth(w: number) {
      // Kept only when the write was allowed (protection refuses formatting).
      if (!range.ctx.guard(range.sheet, 'columnWidth')) return;
      range.ctx.excel.record({
        op: 'columnWidth',
        sheet: range.sheet.name,
        range: range.where,
        detail: w,
      });
      range.sheet.widths.set(colLetters(range.box.left), w);
    },
    set rowHeight(h: number) {
      set('rowHeight', h);
    },
    /** Excel fits the rows' heights to their text (ExcelApi 1.2); recorded only. */
    autofitRows() {
      set('autofitRows', true);
    },
    set wrapText(v: boolean) {
      set('wrapText', v);
    },
    set horizontalAlignment(v: string) {
      set('horizontalAlignment', v);
    },
    set verticalAlignment(v: string) {
      set('verticalAlignment', v);
    },
    font: {
      set bold(v: boolean) {
        set('bold', v, (c) => {
          c.bold = v;
        });
      },
      set italic(v: boolean) {
        set('italic', v);
      },
      set size(v: number) {
        set('fontSize', v);
      },
      set color(v: string) {
        set('fontColor', v);
      },
    },
    fill: {
      set color(v: string) {
        set('fill', v, (c) => {
          c.fill = v;
        });
      },
    },
    borders: {
      getItem: (edge: string) => ({
        set style(v: string) {
          set('border', { edge, style: v });
        },
        set color(_v: string) {},
      }),
    },
    /** Unlocked cells take values on a protected sheet (Range.values). */
    protection: {
      set locked(v: boolean) {
        set('locked', v, (c) => {
          c.locked = v;
        });
      },
    },
  };
}
