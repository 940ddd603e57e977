// The shared-strings table (xl/sharedStrings.xml): each distinct text once.
import { cellText } from './xml.ts';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;

  add(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  toXml(): string {
    const items = this.list
      .map((t) => `<si><t xml:space="preserve">${cellText(t)}</t></si>`)
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}
