// The name a download is saved under (client/content-disposition.ts), from
// the header the Worker sends.
import { describe, expect, it } from 'vitest';
import { fileNameFrom } from '../../client/content-disposition.ts';
import { contentDisposition } from '../../worker/src/routes/workbooks.ts';

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
