// Text the web page shortens for display (web/src/format.ts).
import { describe, expect, it } from 'vitest';
import { shortHash } from '../../web/src/format.ts';

describe('content hash', () => {
  it('shortens a content hash but keeps both ends', () => {
    const hash = 'a'.repeat(8) + '0'.repeat(48) + 'b'.repeat(8);
    expect(shortHash(hash)).toBe('aaaaaaaa…bbbbbbbb');
    expect(shortHash('abc')).toBe('abc');
  });
});
