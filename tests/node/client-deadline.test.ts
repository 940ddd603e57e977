// Where a period stands against its due date, as both apps say it
// (client/deadline.ts): days left, due today, within grace, overdue.
import { describe, expect, it } from 'vitest';
import { dueState, dueText } from '../../client/deadline.ts';

describe('days left', () => {
  it('counts down, says "today", then grace, then overdue', () => {
    expect(dueState(5, 3)).toEqual({ kind: 'left', days: 5 });
    expect(dueState(0, 3)).toEqual({ kind: 'today' });
    expect(dueState(-1, 3)).toEqual({ kind: 'grace', days: 1 });
    expect(dueState(-3, 3)).toEqual({ kind: 'grace', days: 3 });
    expect(dueState(-4, 3)).toEqual({ kind: 'overdue', days: 4 });
    expect(dueState(-1, 0)).toEqual({ kind: 'overdue', days: 1 });
    // No grace given: overdue the day after the due date.
    expect(dueState(-3)).toEqual({ kind: 'overdue', days: 3 });
  });

  it('reads in both languages', () => {
    expect(dueText('vi', 19, 3)).toBe('còn 19 ngày');
    expect(dueText('vi', 5)).toBe('còn 5 ngày');
    expect(dueText('en', 1, 3)).toBe('1 day left');
    expect(dueText('en', -1, 0)).toBe('1 day overdue');
    expect(dueText('en', -3)).toBe('3 days overdue');
    expect(dueText('vi', 1, 3)).toBe('còn 1 ngày');
    expect(dueText('vi', 0, 3)).toBe('hạn nộp là hôm nay');
    expect(dueText('vi', -2, 3)).toBe('quá hạn 2 ngày, còn trong thời gian gia hạn');
    expect(dueText('en', -72, 3)).toBe('72 days overdue');
  });
});
