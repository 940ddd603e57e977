// Countdowns, dates, labels and download names as the web page shows them.
import { describe, expect, it } from 'vitest';
import {
  dueState,
  dueText,
  dueTone,
  fileNameFrom,
  reviewWord,
  shortHash,
  timelinessTone,
  timelinessWord,
  viDate,
  viDateTime,
} from '../../web/src/format.ts';
import { contentDisposition } from '../../worker/src/routes/workbooks.ts';

describe('days left', () => {
  it('counts down, says "today", then grace, then overdue', () => {
    expect(dueState(5, 3)).toEqual({ kind: 'left', days: 5 });
    expect(dueState(0, 3)).toEqual({ kind: 'today' });
    expect(dueState(-1, 3)).toEqual({ kind: 'grace', days: 1 });
    expect(dueState(-3, 3)).toEqual({ kind: 'grace', days: 3 });
    expect(dueState(-4, 3)).toEqual({ kind: 'overdue', days: 4 });
    expect(dueState(-1, 0)).toEqual({ kind: 'overdue', days: 1 });
  });

  it('reads in both languages', () => {
    expect(dueText('vi', 19, 3)).toBe('còn 19 ngày');
    expect(dueText('en', 1, 3)).toBe('1 day left');
    expect(dueText('en', -1, 0)).toBe('1 day overdue');
    expect(dueText('vi', 1, 3)).toBe('còn 1 ngày');
    expect(dueText('vi', 0, 3)).toBe('hạn nộp là hôm nay');
    expect(dueText('vi', -2, 3)).toBe('quá hạn 2 ngày, còn trong thời gian gia hạn');
    expect(dueText('en', -72, 3)).toBe('72 days overdue');
  });

  it('colours: overdue red, close or in grace amber, far away neutral', () => {
    expect(dueTone(-10, 3)).toBe('danger');
    expect(dueTone(-1, 3)).toBe('warning');
    expect(dueTone(0, 3)).toBe('warning');
    expect(dueTone(7, 3)).toBe('warning');
    expect(dueTone(8, 3)).toBe('neutral');
  });
});

describe('dates', () => {
  it('prints dd/mm/yyyy', () => {
    expect(viDate('2026-03-17')).toBe('17/03/2026');
    expect(viDate('2026-03-17T10:00:00.000Z')).toBe('17/03/2026');
  });

  it('prints timestamps in Vietnam’s time (UTC+7), across midnight', () => {
    expect(viDateTime('2026-11-27T03:17:00.000Z')).toBe('27/11/2026 10:17');
    expect(viDateTime('2026-12-31T18:30:00.000Z')).toBe('01/01/2027 01:30');
    expect(viDateTime('not a date')).toBe('not a date');
  });
});

describe('labels', () => {
  it('timeliness and review states', () => {
    expect(timelinessWord('on-time')).toBe('onTime');
    expect(timelinessWord('late')).toBe('late');
    expect(timelinessWord('missing')).toBe('missing');
    expect(timelinessWord('missing', true)).toBe('missingOverdue');
    expect(timelinessTone('missing', true)).toBe('danger');
    expect(timelinessTone('missing')).toBe('neutral');
    expect(reviewWord('accepted')).toBe('reviewAccepted');
    expect(reviewWord('returned')).toBe('reviewReturned');
    expect(reviewWord('received')).toBe('reviewReceived');
    expect(reviewWord(null)).toBeNull();
  });

  it('shortens a content hash but keeps both ends', () => {
    const hash = 'a'.repeat(8) + '0'.repeat(48) + 'b'.repeat(8);
    expect(shortHash(hash)).toBe('aaaaaaaa…bbbbbbbb');
    expect(shortHash('abc')).toBe('abc');
  });
});

describe('download names', () => {
  it('takes the Vietnamese name the Worker sends (filename*), not the ASCII fallback', () => {
    const header = contentDisposition(
      'Tong-hop-KH58-2026-Q1.xlsx',
      'Tổng hợp KH 58-KH-UBND 2026-Q1.xlsx',
    );
    expect(fileNameFrom(header, 'x.xlsx')).toBe('Tổng hợp KH 58-KH-UBND 2026-Q1.xlsx');
  });

  it('falls back to the plain name, then to the given one; never a path', () => {
    expect(fileNameFrom('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E0%A4%A", 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameFrom(null, 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameFrom("attachment; filename*=UTF-8''..%2F..%2Fevil.xlsx", 'x.xlsx')).toBe(
      '..-..-evil.xlsx',
    );
  });
});
