// The badge colours of the web page's states (web/src/tones.ts).
import { describe, expect, it } from 'vitest';
import { dueTone, reviewTone, timelinessTone } from '../../web/src/tones.ts';

describe('tones', () => {
  it('colours: overdue red, close or in grace amber, far away neutral', () => {
    expect(dueTone(-10, 3)).toBe('danger');
    expect(dueTone(-1, 3)).toBe('warning');
    expect(dueTone(0, 3)).toBe('warning');
    expect(dueTone(7, 3)).toBe('warning');
    expect(dueTone(8, 3)).toBe('neutral');
  });

  it('timeliness and review states', () => {
    expect(timelinessTone('missing', true)).toBe('danger');
    expect(timelinessTone('missing')).toBe('neutral');
    expect(reviewTone('accepted')).toBe('success');
    expect(reviewTone('returned')).toBe('danger');
    expect(reviewTone('received')).toBe('info');
  });
});
