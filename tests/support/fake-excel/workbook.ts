// The stand-in workbook: its sheets and what an add-in and a person do to
// it. install() puts Excel.run and Excel.createWorkbook on a global object;
// each run gets a fresh request context (context.ts), as Excel.run creates
// one per batch ("Application-specific API model", "*.run function").
import { inside, key, parseRange } from './address.ts';
import { Context } from './context.ts';
import { emptySheet, type FakeSheet, type Write } from './model.ts';

export class FakeExcel {
  sheets: FakeSheet[] = [];
  active = '';
  selected = '';
  /** context.sync() calls of each Excel.run, in order. */
  syncsPerRun: number[] = [];
  writes: Write[] = [];
  /** The base64 .xlsx of each Excel.createWorkbook call. */
  createdWorkbooks: string[] = [];
  private nextRule = 1;

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const n of sheetNames) this.sheets.push(emptySheet(n));
    this.active = sheetNames[0] ?? '';
  }

  /** A sheet by name, compared without case as Excel does; throws when there is none. */
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  // What a person does by hand, between checks.

  /** Types a value into a cell, as a user would (refused on locked cells of protected sheets). */
  type(sheet: string, cell: string, value: string | number | boolean, numberFormat?: string): void {
    const s = this.sheet(sheet);
    const b = parseRange(cell);
    const c = s.cells.get(key(b.top, b.left)) ?? { value: '' };
    if (s.protected && c.locked !== false) throw new Error(`${cell} is locked`);
    c.value = value;
    delete c.formula;
    if (numberFormat) c.numberFormat = numberFormat;
    s.cells.set(key(b.top, b.left), c);
  }

  /** The user's own fill on a cell (e.g. colour-coding their notes). */
  paint(sheet: string, cell: string, color: string): void {
    const s = this.sheet(sheet);
    const b = parseRange(cell);
    const c = s.cells.get(key(b.top, b.left)) ?? { value: '' };
    c.fill = color;
    s.cells.set(key(b.top, b.left), c);
  }

  value(sheet: string, cell: string): string | number | boolean {
    const b = parseRange(cell);
    return this.sheet(sheet).cells.get(key(b.top, b.left))?.value ?? '';
  }

  /**
   * The fill a person sees: the highest-priority matching conditional format
   * (the last added: ConditionalFormats.add) over the cell's own fill, as
   * "Multiple formats and priority" in "Apply conditional formatting to Excel
   * ranges" describes. Every custom rule counts as matching.
   */
  shownFill(sheet: string, cell: string): string | undefined {
    const s = this.sheet(sheet);
    const b = parseRange(cell);
    const rule = [...s.rules].reverse().find((r) => inside(b.top, b.left, parseRange(r.range)));
    return rule?.fill ?? s.cells.get(key(b.top, b.left))?.fill;
  }

  /** Installs Excel (run, createWorkbook: ExcelApi 1.8) on a global object. */
  install(target: Record<string, unknown>): void {
    target.Excel = {
      run: <T>(batch: (context: unknown) => Promise<T>) => this.run(batch),
      createWorkbook: async (base64: string) => {
        this.createdWorkbooks.push(base64);
      },
    };
  }

  async run<T>(batch: (context: unknown) => Promise<T>): Promise<T> {
    const ctx = new Context(this);
    this.syncsPerRun.push(0);
    const index = this.syncsPerRun.length - 1;
    ctx.onSync = () => {
      this.syncsPerRun[index] = (this.syncsPerRun[index] ?? 0) + 1;
    };
    return batch(ctx);
  }

  // internal, used by the proxies
  record(w: Write): void {
    this.writes.push(w);
  }
  /**
   * A new empty sheet at the end. Excel refuses a name that is blank, over
   * 31 characters or holds : \ / ? * [ ] (its own message: "You typed an
   * invalid name for a sheet or chart"; InvalidArgument), and a name already
   * taken in any case (ItemAlreadyExists: "The resource being created
   * already exists", "Error handling with the application-specific
   * JavaScript APIs").
   */
  addSheet(name: string): FakeSheet {
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
      throw new Error(`InvalidArgument: sheet name ${name}`);
    }
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`ItemAlreadyExists: ${name}`);
    }
    const s = emptySheet(name);
    this.sheets.push(s);
    return s;
  }
  ruleId(): number {
    return this.nextRule++;
  }
}
