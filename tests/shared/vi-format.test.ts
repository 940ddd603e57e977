// Dates and numbers as Vietnamese documents print them (shared/text/vi-format.ts),
// the one formatter of the Worker, the layout, the task pane and the web page.
import { describe, expect, it } from 'vitest';
import { parseViDate, viDate, viDateTime, viNumber } from '../../shared/text/vi-format.ts';

describe('dates', () => {
  it('prints dd/mm/yyyy', () => {
    expect(viDate('2026-03-17')).toBe('17/03/2026');
    expect(viDate('2026-03-18')).toBe('18/03/2026');
    expect(viDate('2026-12-01')).toBe('01/12/2026');
    // A timestamp's date part, as written.
    expect(viDate('2026-03-17T10:00:00.000Z')).toBe('17/03/2026');
  });

  it('prints timestamps in Vietnam’s time (UTC+7), across midnight', () => {
    expect(viDateTime('2026-11-27T03:17:00.000Z')).toBe('27/11/2026 10:17');
    expect(viDateTime('2026-03-17T20:30:00.000Z')).toBe('18/03/2026 03:30');
    expect(viDateTime('2026-12-31T18:30:00.000Z')).toBe('01/01/2027 01:30');
    expect(viDateTime('2026-03-14T09:05:00+07:00')).toBe('14/03/2026 09:05');
    expect(viDateTime('not a date')).toBe('not a date');
  });
});

describe('numbers', () => {
  it('writes a decimal comma', () => {
    expect(viNumber(10, 1)).toBe('10,0');
    expect(viNumber(2.5, 1)).toBe('2,5');
    expect(viNumber(0.25, 2)).toBe('0,25');
    expect(viNumber(45.5, 1)).toBe('45,5');
  });

  it('puts a dot between thousands, and none in small or whole numbers', () => {
    expect(viNumber(1234.5, 1)).toBe('1.234,5');
    expect(viNumber(1_000_000)).toBe('1.000.000');
    expect(viNumber(999)).toBe('999');
    expect(viNumber(12)).toBe('12');
  });

  it('rounds to the digits asked for, and keeps the sign (never "-0")', () => {
    expect(viNumber(1.96, 1)).toBe('2,0');
    expect(viNumber(-0.25, 2)).toBe('-0,25');
    expect(viNumber(-1234.5, 1)).toBe('-1.234,5');
    expect(viNumber(-0.01, 1)).toBe('0,0');
  });
});

describe('parseViDate', () => {
  it('reads day first, whatever the separator, and refuses what is not a real date', () => {
    expect(parseViDate('16/12/2026')).toBe('2026-12-16');
    expect(parseViDate(' 1/2/2027 ')).toBe('2027-02-01');
    expect(parseViDate('16-12-2026')).toBe('2026-12-16');
    expect(parseViDate('16.12.2026')).toBe('2026-12-16');
    expect(parseViDate('29/02/2028')).toBe('2028-02-29');
    for (const bad of [
      '29/02/2027',
      '31/04/2026',
      '00/12/2026',
      '12/16/2026',
      '16/12/26',
      '2026-12-16',
      '',
    ]) {
      expect(parseViDate(bad), bad).toBeNull();
    }
  });
});
