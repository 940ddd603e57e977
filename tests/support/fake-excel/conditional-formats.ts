// Conditional formats (Office.js: Excel.ConditionalFormatCollection and
// Excel.ConditionalFormat, ExcelApi 1.6): the add-in's highlights. Only the
// custom type's formula and fill are modelled. Sources: the Office.js
// reference and "Apply conditional formatting to Excel ranges"
// (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting).
import { type Box, boxAddress, intersects, parseRange } from './address.ts';
import type { Context } from './context.ts';
import { Loadable } from './loadable.ts';
import type { FakeRule, FakeSheet } from './model.ts';

export class ConditionalFormats extends Loadable {
  private sheet: () => FakeSheet;
  private box: () => Box;
  constructor(ctx: Context, sheet: () => FakeSheet, box: () => Box) {
    super(ctx);
    this.sheet = sheet;
    this.box = box;
  }
  /** Any load of the collection loads its items with what they hold. */
  override load(props?: string | string[] | Record<string, unknown>): this {
    super.load('items');
    void props;
    return this;
  }
  /** The sheet's rules that intersect the range (Range.conditionalFormats). */
  get items(): ConditionalFormat[] {
    return this.read('items', () => {
      const b = this.box();
      return this.sheet()
        .rules.filter((r) => intersects(parseRange(r.range), b))
        .map((r) => new ConditionalFormat(this.ctx, this.sheet, r));
    });
  }
  /**
   * A new rule over the range. Excel adds it "at the first/top priority"
   * (ConditionalFormatCollection.add): the sheet keeps rules oldest first, so
   * the last matching one wins (FakeExcel.shownFill).
   */
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

export class ConditionalFormat {
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
    const ctx = this.ctx;
    return {
      rule: {
        get formula() {
          return rule.formula;
        },
        set formula(f: string) {
          if (ctx.live) rule.formula = f;
        },
      },
      format: {
        fill: {
          set color(c: string) {
            if (ctx.live) rule.fill = c;
          },
        },
      },
    };
  }
  /** The custom format, or a null object for any other type (ConditionalFormat.customOrNullObject). */
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
