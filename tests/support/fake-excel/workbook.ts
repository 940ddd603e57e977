// The stand-in workbook: its sheets and what an add-in and a person do to
// it. install() puts Excel.run and Excel.createWorkbook on a global object;
// each run gets a fresh request context (context.ts), as Excel.run creates
// one per batch ("Application-specific API model", "*.run function").
import { inside, key, parseRange } from './address.ts';
import { Context, officeError } from './context.ts';
import { emptySheet, type FakeCell, type FakeSheet, type Write } from './model.ts';

/** What a General cell keeps of typed text, and the number format Excel gives it (FakeExcel.typeAsUser). */
function generalInput(text: string): [string | number, string?] {
  const t = text.trim();
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (percent) return [Number(percent[1]) / 100, '0%'];
  const date = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (date) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(y, m - 1, d);
    // Excel's serial: days since 30 December 1899 (the 1900 date system).
    if (m <= 12 && new Date(ms).getUTCDate() === d) {
      return [(ms - Date.UTC(1899, 11, 30)) / 86_400_000, 'dd/mm/yyyy'];
    }
  }
  if (/^[+-]?\d+(?:\.\d+)?$/.test(t)) return [Number(t)];
  return [text];
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  active = '';
  selected = '';
  /** context.sync() calls of each Excel.run, in order. */
  syncsPerRun: number[] = [];
  writes: Write[] = [];
  /** The base64 .xlsx of each Excel.createWorkbook call. */
  createdWorkbooks: string[] = [];
  /** The options each Excel.run was given (undefined for Excel.run(batch)). */
  runOptions: ({ delayForCellEdit?: boolean } | undefined)[] = [];
  /** A person is editing a cell (typing in it, or in the formula bar). */
  cellEditMode = false;
  /**
   * Whether the host honours Excel.RunOptions.delayForCellEdit: only from
   * requirement set ExcelApi 1.11 (Excel.RunOptions, "[API set: ExcelApi
   * 1.11]"); older hosts ignore the option and fail as without it.
   */
  honoursDelayForCellEdit = true;
  /** Set by protect/unprotect: Excel's undo stack was cleared (protection.ts). */
  undoCleared = false;
  /** Writes that fail (Context.guard: `what` starting with `what`), to test a batch failing midway. */
  faults: { what: string; code: string }[] = [];
  /** The workbook is open read-only (or is a legacy shared workbook): every change is refused. */
  readOnly = false;
  /**
   * The workbook's date system (File > Options > Advanced, "Use 1904 date
   * system"): serial numbers count from 1904, and Range.text shows them so.
   * The add-in cannot read it (Workbook.use1904DateSystem is not in a
   * released requirement set), only the displayed text.
   */
  date1904 = false;
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

  /**
   * The workbook as Excel holds it once a file is opened: one sheet of cells
   * (1-based row and column), made the active sheet, and the file's date
   * system. Every cell has a value: Excel calculates formulas that were saved
   * without one when it opens the file ("Change formula recalculation,
   * iteration, or precision in Excel": a workbook is recalculated on open when
   * it was saved by another program), so the caller gives the calculated value.
   */
  open(
    sheet: string,
    cells: {
      row: number;
      col: number;
      value: string | number | boolean;
      formula?: string;
      numberFormat?: string;
    }[],
    date1904 = false,
  ): void {
    const s = emptySheet(sheet);
    for (const c of cells) {
      const cell: FakeCell = { value: c.value };
      if (c.formula) cell.formula = c.formula;
      if (c.numberFormat && c.numberFormat !== 'General') cell.numberFormat = c.numberFormat;
      s.cells.set(key(c.row, c.col), cell);
    }
    this.sheets = [s];
    this.active = sheet;
    this.selected = sheet;
    this.date1904 = date1904;
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

  /**
   * Types `text` into a cell as a person does, and Excel converts it unless
   * the cell is text-formatted ('@'): in a General cell a date becomes its
   * serial number with a date format, "100%" becomes 1 with '0%', "2.5"
   * becomes 2.5 ("Format numbers as text", support.microsoft.com/office/
   * 583160db-9a0f-4f7b-8b5c-91d0ae4f39ac: "Excel … automatically converts
   * them to a number or a date"; "Available number formats": the Text format
   * shows the cell "exactly as you type it"). Dates are read day first, as a
   * Vietnamese (dd/mm/yyyy) Windows does.
   */
  typeAsUser(sheet: string, cell: string, text: string): void {
    const b = parseRange(cell);
    const format = this.sheet(sheet).cells.get(key(b.top, b.left))?.numberFormat ?? 'General';
    const [value, shown] = format === '@' ? [text] : generalInput(text);
    this.type(sheet, cell, value, shown);
  }

  /** The number format of a cell ('General' when none was set). */
  numberFormat(sheet: string, cell: string): string {
    const b = parseRange(cell);
    return this.sheet(sheet).cells.get(key(b.top, b.left))?.numberFormat ?? 'General';
  }

  /** A person protects a sheet with a password the add-in does not know. */
  protectWithPassword(sheet: string, password: string): void {
    const s = this.sheet(sheet);
    s.protected = true;
    s.password = password;
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

  /**
   * Installs Excel (run, createWorkbook: ExcelApi 1.8) on a global object.
   * Excel.run takes (batch) or (options, batch) (Excel.RunOptions).
   */
  install(target: Record<string, unknown>): void {
    type Batch<T> = (context: unknown) => Promise<T>;
    target.Excel = {
      run: <T>(a: Batch<T> | { delayForCellEdit?: boolean }, b?: Batch<T>) =>
        typeof a === 'function' ? this.run(a) : this.run(b as Batch<T>, a),
      createWorkbook: async (base64: string) => {
        this.createdWorkbooks.push(base64);
      },
    };
  }

  /**
   * One Excel.run. While a person edits a cell, a batch without
   * delayForCellEdit fails (InvalidOperationInCellEditMode) and one with it
   * waits until they leave the cell (Excel.RunOptions.delayForCellEdit: "if
   * the user is in cell edit when the batch request is processed by the
   * host, the batch automatically fails"); the stand-in has them leave it.
   */
  async run<T>(
    batch: (context: unknown) => Promise<T>,
    options?: { delayForCellEdit?: boolean },
  ): Promise<T> {
    this.runOptions.push(options);
    const ctx = new Context(this);
    if (this.cellEditMode) {
      if (options?.delayForCellEdit && this.honoursDelayForCellEdit) this.cellEditMode = false;
      else ctx.fail('InvalidOperationInCellEditMode', 'the user is editing a cell');
    }
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
    this.checkName(name);
    const s = emptySheet(name);
    this.sheets.push(s);
    return s;
  }
  /** Throws, as addSheet describes, when `name` cannot name a sheet (other than `self`). */
  checkName(name: string, self?: FakeSheet): void {
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
      throw officeError('InvalidArgument', `sheet name ${name}`);
    }
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) {
      throw officeError('ItemAlreadyExists', name);
    }
  }
  ruleId(): number {
    return this.nextRule++;
  }
}
