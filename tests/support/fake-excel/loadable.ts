// Load bookkeeping shared by every proxy object. Before reading a property
// an add-in must load() it and then call context.sync() (Microsoft,
// "Application-specific API model", "load()": reading one that was not
// loaded is "not ok"); Office.js then throws PropertyNotLoaded
// (OfficeExtension.ErrorCodes.propertyNotLoaded). isNullObject needs no
// load, but is only known after the next sync ("Office automatically loads
// this property when context.sync is called": same article, "*OrNullObject
// methods and properties").
import type { Context } from './context.ts';

export class Loadable {
  private loads = new Map<string, number>();
  readonly ctx: Context;
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
  /** Properties as a string ("a, b"), an array, or an object whose keys are loaded ("format/font" loads "format"). */
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
