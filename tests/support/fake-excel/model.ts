// What the stand-in Excel keeps: worksheets of cells, merges, conditional
// format rules, data validation, column widths, protection and frozen rows;
// and the record of every write an add-in makes, for tests to assert on.

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
  /** Set when a person protected the sheet with a password (FakeExcel.protectWithPassword). */
  password?: string;
  frozenRows: number;
}

/** One change an add-in made through the object model (op: 'values', 'merge', 'protect' …). */
export interface Write {
  op: string;
  sheet: string;
  range?: string;
  detail?: unknown;
}

/** A worksheet as Excel adds it: empty, unprotected, nothing frozen. */
export function emptySheet(name: string): FakeSheet {
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
