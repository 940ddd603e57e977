// A stand-in for the slice of Excel's object model the add-in uses
// (addin/src/office/host.ts), strict where Excel is strict:
//   - a loaded property can be read only after the next context.sync();
//   - reading a property that was never loaded throws, as Office.js does;
//   - a write to a protected sheet (other than values of unlocked cells) makes
//     the next sync fail, as Excel's protection does;
//   - null objects say isNullObject and refuse everything else.
// It counts syncs per Excel.run and records every write, so tests can assert
// the sync budget and exactly what was changed. No Node or DOM imports: the
// same code runs in Node tests and, bundled, in Chromium (addInitScript).

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  locked?: boolean;
  bold?: boolean;
}

export interface FakeRule {
  id: number;
  range: string;
  type: string;
  formula: string;
  fill: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  merges: string[];
  rules: FakeRule[];
  validations: { range: string; rule: unknown; errorAlert?: unknown }[];
  widths: Map<string, number>;
  protected: boolean;
  protection?: unknown;
  frozenRows: number;
}

export interface Write {
  op: string;
  sheet: string;
  range?: string;
  detail?: unknown;
}

// --- addresses -------------------------------------------------------------

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function colLetters(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(a1?: string): Box {
  if (a1 === undefined) return { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL };
  const [a, b = a] = a1.replace(/\$/g, '').toUpperCase().split(':') as [string, string?];
  const part = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m) throw new Error(`InvalidArgument: bad address ${a1}`);
    return { col: m[1] ? colNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const p = part(a);
  const q = part(b);
  return {
    top: p.row || 1,
    left: p.col || 1,
    bottom: q.row || MAX_ROW,
    right: q.col || MAX_COL,
  };
}
const key = (row: number, col: number) => `${colLetters(col)}${row}`;
const boxAddress = (b: Box) =>
  b.top === b.bottom && b.left === b.right
    ? key(b.top, b.left)
    : `${key(b.top, b.left)}:${key(b.bottom, b.right)}`;
const inside = (row: number, col: number, b: Box) =>
  row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
const quoteSheet = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name}'`);

// --- the model -----------------------------------------------------------------

export class FakeExcel {
  sheets: FakeSheet[] = [];
  active = '';
  selected = '';
  /** context.sync() calls of each Excel.run, in order. */
  syncsPerRun: number[] = [];
  writes: Write[] = [];
  createdWorkbooks: string[] = [];
  private nextRule = 1;

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const n of sheetNames) this.sheets.push(this.newSheet(n));
    this.active = sheetNames[0] ?? '';
  }

  private newSheet(name: string): FakeSheet {
    return {
      name,
      cells: new Map(),
      merges: [],
      rules: [],
      validations: [],
      widths: new Map(),
      protected: false,
      frozenRows: 0,
    };
  }

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

  /** The fill a person sees: the last matching conditional format over the cell's own. */
  shownFill(sheet: string, cell: string): string | undefined {
    const s = this.sheet(sheet);
    const b = parseRange(cell);
    const rule = [...s.rules].reverse().find((r) => inside(b.top, b.left, parseRange(r.range)));
    return rule?.fill ?? s.cells.get(key(b.top, b.left))?.fill;
  }

  /** Installs Excel (run, createWorkbook) on a global object. */
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
  addSheet(name: string): FakeSheet {
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
      throw new Error(`InvalidArgument: sheet name ${name}`);
    }
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`ItemAlreadyExists: ${name}`);
    }
    const s = this.newSheet(name);
    this.sheets.push(s);
    return s;
  }
  ruleId(): number {
    return this.nextRule++;
  }
}

class Context {
  generation = 0;
  pendingError: Error | null = null;
  onSync: () => void = () => {};
  readonly workbook: { worksheets: Worksheets };
  readonly excel: FakeExcel;
  constructor(excel: FakeExcel) {
    this.excel = excel;
    this.workbook = { worksheets: new Worksheets(this) };
  }
  async sync(): Promise<void> {
    this.onSync();
    this.generation++;
    const e = this.pendingError;
    this.pendingError = null;
    if (e) throw e;
  }
  /** A write to a protected sheet fails at the next sync, as in Excel. */
  guard(sheet: FakeSheet, what: string): boolean {
    if (!sheet.protected) return true;
    this.pendingError ??= new Error(
      `AccessDenied: ${what} on protected sheet ${sheet.name} (the cell or chart you're trying to change is on a protected sheet)`,
    );
    return false;
  }
}

/** Load bookkeeping: a property read is allowed after load + sync. */
class Loadable {
  private loads = new Map<string, number>();
  protected ctx: Context;
  /** The generation the proxy was made in: isNullObject is known after the next sync. */
  private born: number;
  constructor(ctx: Context) {
    this.ctx = ctx;
    this.born = ctx.generation;
  }
  protected known<T>(value: () => T): T {
    if (this.ctx.generation <= this.born)
      throw new Error('PropertyNotLoaded: isNullObject before sync');
    return value();
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const names =
      typeof props === 'string'
        ? props.split(',').map((p) => p.trim())
        : Array.isArray(props)
          ? props
          : Object.keys(props ?? {});
    for (const n of names) this.loads.set(n.split('/')[0] ?? n, this.ctx.generation);
    return this;
  }
  protected read<T>(prop: string, value: () => T): T {
    const at = this.loads.get(prop);
    if (at === undefined) throw new Error(`PropertyNotLoaded: ${prop}`);
    if (this.ctx.generation <= at) throw new Error(`PropertyNotLoaded: ${prop} read before sync`);
    return value();
  }
}

class Worksheets {
  private ctx: Context;
  constructor(ctx: Context) {
    this.ctx = ctx;
  }
  // Resolved when queued, as Excel does: a sheet added later in the batch does
  // not turn an earlier null object into a sheet.
  getItemOrNullObject(name: string): Worksheet {
    const found = this.ctx.excel.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return new Worksheet(this.ctx, () => found);
  }
  getItem(name: string): Worksheet {
    const found = this.ctx.excel.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) this.ctx.pendingError ??= new Error(`ItemNotFound: ${name}`);
    return new Worksheet(this.ctx, () => found);
  }
  getActiveWorksheet(): Worksheet {
    const found = this.ctx.excel.sheets.find((s) => s.name === this.ctx.excel.active);
    return new Worksheet(this.ctx, () => found);
  }
  add(name: string): Worksheet {
    try {
      const s = this.ctx.excel.addSheet(name);
      this.ctx.excel.record({ op: 'addSheet', sheet: name });
      return new Worksheet(this.ctx, () => s);
    } catch (e) {
      this.ctx.pendingError ??= e as Error;
      return new Worksheet(this.ctx, () => undefined);
    }
  }
}

class Worksheet extends Loadable {
  readonly protection: Protection;
  readonly freezePanes: { freezeRows: (n: number) => void };
  private find: () => FakeSheet | undefined;
  constructor(ctx: Context, find: () => FakeSheet | undefined) {
    super(ctx);
    this.find = find;
    this.protection = new Protection(ctx, () => this.sheet);
    this.freezePanes = {
      freezeRows: (n: number) => {
        this.sheet.frozenRows = n;
        this.ctx.excel.record({ op: 'freezeRows', sheet: this.sheet.name, detail: n });
      },
    };
  }
  get sheet(): FakeSheet {
    const s = this.find();
    if (!s) throw new Error('InvalidObjectPath: the worksheet does not exist');
    return s;
  }
  get isNullObject(): boolean {
    return this.known(() => this.find() === undefined);
  }
  get name(): string {
    return this.read('name', () => this.sheet.name);
  }
  activate(): void {
    this.ctx.excel.active = this.sheet.name;
    this.ctx.excel.record({ op: 'activate', sheet: this.sheet.name });
  }
  getRange(address?: string): Range {
    return new Range(
      this.ctx,
      () => this.find(),
      () => parseRange(address),
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    const box = (): Box | undefined => {
      const s = this.find();
      if (!s) return undefined;
      let b: Box | undefined;
      for (const [k, c] of s.cells) {
        if (valuesOnly && c.value === '' && !c.formula) continue;
        const p = parseRange(k);
        b = b
          ? {
              top: Math.min(b.top, p.top),
              left: Math.min(b.left, p.left),
              bottom: Math.max(b.bottom, p.top),
              right: Math.max(b.right, p.left),
            }
          : { ...p };
      }
      return b;
    };
    return new Range(
      this.ctx,
      () => (box() ? this.find() : undefined),
      () => box() as Box,
    );
  }
}

class Protection extends Loadable {
  private sheet: () => FakeSheet;
  constructor(ctx: Context, sheet: () => FakeSheet) {
    super(ctx);
    this.sheet = sheet;
  }
  get protected(): boolean {
    return this.read('protected', () => this.sheet().protected);
  }
  protect(options?: unknown): void {
    const s = this.sheet();
    if (s.protected) {
      this.ctx.pendingError ??= new Error('InvalidOperation: the sheet is already protected');
      return;
    }
    s.protected = true;
    s.protection = options;
    this.ctx.excel.record({ op: 'protect', sheet: s.name, detail: options });
  }
  unprotect(): void {
    const s = this.sheet();
    s.protected = false;
    this.ctx.excel.record({ op: 'unprotect', sheet: s.name });
  }
}

class Range extends Loadable {
  private findSheet: () => FakeSheet | undefined;
  private findBox: () => Box;
  constructor(ctx: Context, findSheet: () => FakeSheet | undefined, findBox: () => Box) {
    super(ctx);
    this.findSheet = findSheet;
    this.findBox = findBox;
  }
  private get s(): FakeSheet {
    const s = this.findSheet();
    if (!s) throw new Error('InvalidObjectPath: the range does not exist');
    return s;
  }
  private get box(): Box {
    return this.findBox();
  }
  private get where(): string {
    return boxAddress(this.box);
  }
  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const b = this.box;
    const cells = this.s.cells; // resolved once: a used range recomputes its sheet and box
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: T[] = [];
      for (let c = b.left; c <= b.right; c++) line.push(f(cells.get(key(r, c))));
      out.push(line);
    }
    return out;
  }
  private each(f: (c: FakeCell, row: number, col: number) => void): void {
    const b = this.box;
    if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > 100_000) {
      throw new Error(`the fake does not write ranges as large as ${this.where}`);
    }
    const cells = this.s.cells;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const k = key(r, c);
        const cell = cells.get(k) ?? { value: '' };
        f(cell, r, c);
        cells.set(k, cell);
      }
    }
  }
  get isNullObject(): boolean {
    return this.known(() => this.findSheet() === undefined);
  }
  get address(): string {
    return this.read('address', () => `${quoteSheet(this.s.name)}!${this.where}`);
  }
  get rowCount(): number {
    return this.read('rowCount', () => this.box.bottom - this.box.top + 1);
  }
  get values(): unknown[][] {
    return this.read('values', () => this.grid((c) => c?.value ?? ''));
  }
  set values(v: unknown[][]) {
    const b = this.box;
    const s = this.s;
    this.each((cell, r, c) => {
      if (s.protected && cell.locked !== false) this.ctx.guard(s, `values ${key(r, c)}`);
      const x = v[r - b.top]?.[c - b.left];
      cell.value = x === undefined || x === null ? '' : (x as string | number | boolean);
      delete cell.formula;
    });
    this.ctx.excel.record({ op: 'values', sheet: s.name, range: this.where, detail: v });
  }
  get formulas(): unknown[][] {
    return this.read('formulas', () => this.grid((c) => c?.formula ?? c?.value ?? ''));
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat', () => this.grid((c) => c?.numberFormat ?? 'General'));
  }
  set numberFormat(v: unknown[][]) {
    const b = this.box;
    if (!this.ctx.guard(this.s, 'numberFormat')) return;
    this.each((cell, r, c) => {
      cell.numberFormat = String(v[r - b.top]?.[c - b.left] ?? 'General');
    });
    this.ctx.excel.record({ op: 'numberFormat', sheet: this.s.name, range: this.where, detail: v });
  }
  merge(across?: boolean): void {
    if (!this.ctx.guard(this.s, 'merge')) return;
    this.s.merges.push(this.where);
    this.ctx.excel.record({ op: 'merge', sheet: this.s.name, range: this.where, detail: across });
  }
  select(): void {
    this.ctx.excel.selected = `${this.s.name}!${this.where}`;
    this.ctx.excel.record({ op: 'select', sheet: this.s.name, range: this.where });
  }

  get format() {
    const set = (op: string, detail: unknown, apply?: (c: FakeCell) => void) => {
      if (!this.ctx.guard(this.s, op)) return;
      if (apply) this.each(apply);
      this.ctx.excel.record({ op, sheet: this.s.name, range: this.where, detail });
    };
    const range = this;
    return {
      set columnWidth(w: number) {
        set('columnWidth', w);
        range.s.widths.set(colLetters(range.box.left), w);
      },
      set rowHeight(h: number) {
        set('rowHeight', h);
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
      protection: {
        set locked(v: boolean) {
          set('locked', v, (c) => {
            c.locked = v;
          });
        },
      },
    };
  }

  get dataValidation() {
    const range = this;
    const entry = () => {
      let e = range.s.validations.find((v) => v.range === range.where);
      if (!e) {
        e = { range: range.where, rule: undefined };
        range.s.validations.push(e);
      }
      return e;
    };
    return {
      clear: () => {
        if (!this.ctx.guard(this.s, 'dataValidation')) return;
        this.s.validations = this.s.validations.filter((v) => v.range !== this.where);
      },
      set rule(r: unknown) {
        if (!range.ctx.guard(range.s, 'dataValidation')) return;
        entry().rule = r;
        range.ctx.excel.record({
          op: 'validation',
          sheet: range.s.name,
          range: range.where,
          detail: r,
        });
      },
      set errorAlert(a: unknown) {
        if (!range.ctx.guard(range.s, 'dataValidation')) return;
        entry().errorAlert = a;
      },
    };
  }

  get conditionalFormats(): ConditionalFormats {
    return new ConditionalFormats(
      this.ctx,
      () => this.s,
      () => this.box,
    );
  }
}

class ConditionalFormats extends Loadable {
  private sheet: () => FakeSheet;
  private box: () => Box;
  constructor(ctx: Context, sheet: () => FakeSheet, box: () => Box) {
    super(ctx);
    this.sheet = sheet;
    this.box = box;
  }
  override load(props?: string | string[] | Record<string, unknown>): this {
    super.load('items');
    void props;
    return this;
  }
  get items(): ConditionalFormat[] {
    return this.read('items', () => {
      const b = this.box();
      return this.sheet()
        .rules.filter((r) => {
          const rb = parseRange(r.range);
          return !(
            rb.bottom < b.top ||
            rb.top > b.bottom ||
            rb.right < b.left ||
            rb.left > b.right
          );
        })
        .map((r) => new ConditionalFormat(this.ctx, this.sheet, r));
    });
  }
  add(type: string): ConditionalFormat {
    const s = this.sheet();
    const rule: FakeRule = {
      id: this.ctx.excel.ruleId(),
      range: boxAddress(this.box()),
      type,
      formula: '',
      fill: '',
    };
    if (this.ctx.guard(s, 'conditionalFormats.add')) {
      s.rules.push(rule);
      this.ctx.excel.record({ op: 'addRule', sheet: s.name, range: rule.range });
    }
    return new ConditionalFormat(this.ctx, this.sheet, rule);
  }
}

class ConditionalFormat {
  private ctx: Context;
  private sheet: () => FakeSheet;
  private rule: FakeRule;
  constructor(ctx: Context, sheet: () => FakeSheet, rule: FakeRule) {
    this.ctx = ctx;
    this.sheet = sheet;
    this.rule = rule;
  }
  get type(): string {
    return this.rule.type;
  }
  get custom() {
    const rule = this.rule;
    return {
      rule: {
        get formula() {
          return rule.formula;
        },
        set formula(f: string) {
          rule.formula = f;
        },
      },
      format: {
        fill: {
          set color(c: string) {
            rule.fill = c;
          },
        },
      },
    };
  }
  get customOrNullObject() {
    return { isNullObject: this.rule.type !== 'Custom', ...this.custom };
  }
  delete(): void {
    const s = this.sheet();
    if (!this.ctx.guard(s, 'conditionalFormat.delete')) return;
    s.rules = s.rules.filter((r) => r.id !== this.rule.id);
    this.ctx.excel.record({ op: 'deleteRule', sheet: s.name, range: this.rule.range });
  }
}
