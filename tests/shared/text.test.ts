import { describe, expect, it } from 'vitest';
import { clip } from '../../shared/text/clip.ts';
import { detectLegacyEncoding } from '../../shared/text/legacy.ts';
import { fold, foldLoose, isPlainText, nfcTrim, toNfc } from '../../shared/text/normalize.ts';
import { text } from '../../shared/text/schema.ts';
import { loneSurrogateAt, toWellFormed } from '../../shared/text/well-formed.ts';
import { readText } from '../../shared/validate/cells.ts';
import { finding } from '../../shared/validate/findings.ts';

describe('normalisation', () => {
  it('NFC and NFD compare equal after folding', () => {
    const nfd = 'Thương binh và Xã hội'.normalize('NFD');
    expect(nfd).not.toBe('Thương binh và Xã hội');
    expect(nfcTrim(nfd)).toBe('Thương binh và Xã hội');
  });
  it('Word spaces, typographic dashes and extraction spacing fold away', () => {
    expect(fold('Nội vụ- Lao động ,Thương binh')).toBe(fold('Nội vụ - Lao động, Thương binh'));
    expect(fold('Trung tâm truyền thông – Văn hóa – Thể thao')).toBe(
      fold('Trung tâm truyền thông - Văn hóa - Thể thao'),
    );
    expect(fold('a\u00a0\u00a0b\u200b')).toBe('a b');
    expect(fold('“Vì người nghèo”')).toBe('"Vì người nghèo"');
  });
  it('foldLoose ignores case, Vietnamese capitals included', () => {
    expect(foldLoose('HOÀN THÀNH')).toBe(foldLoose('hoàn thành'));
  });
});

describe('plain text (the NFC shortcut)', () => {
  // Every character isPlainText accepts, and no other below U+2000.
  const plain: string[] = [];
  for (let c = 0; c < 0x2000; c++) {
    const ch = String.fromCharCode(c);
    if (isPlainText(ch)) plain.push(ch);
  }
  it('accepts Latin and precomposed Vietnamese, nothing NFC could change', () => {
    const vietLatin1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';
    expect(plain.length).toBe(0xa0 + vietLatin1.length + (0x2ff - 0xff) + (0x1ef9 - 0x1ea0 + 1));
    for (const ch of vietLatin1) expect(isPlainText(ch)).toBe(true);
    expect(isPlainText('Đã tổ chức tuyên truyền, quán triệt (ơ ư ă ạ ỹ)')).toBe(true);
    for (const s of ['a\u0000', 'x\ufffe', 'x\uffff', '\ud800', 'a\u0301', 'a\u2013b', 'Ω\u2126']) {
      expect(isPlainText(s)).toBe(false);
    }
  });
  it('each accepted character, and each pair of them, is its own NFC form', () => {
    const changed: string[] = [];
    for (const a of plain) {
      if (a.normalize('NFC') !== a) changed.push(a);
      for (const b of plain) if ((a + b).normalize('NFC') !== a + b) changed.push(a + b);
    }
    expect(changed).toEqual([]);
  });
  it('is never text in a legacy encoding', () => {
    expect(plain.filter((ch) => detectLegacyEncoding(ch.repeat(4)) !== undefined)).toEqual([]);
    expect(isPlainText('Céng hoµ x· héi')).toBe(false);
    expect(isPlainText('Coäng hoøa')).toBe(false);
  });
  it('toNfc gives what normalize gives', () => {
    for (const s of ['Kết quả', 'Ke\u0302\u0301t qua\u0309', '\u212b', 'Ω']) {
      expect(toNfc(s)).toBe(s.normalize('NFC'));
    }
  });
});

describe('legacy encodings', () => {
  it.each([
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'TCVN3'],
    ['§¶ng bé huyÖn', 'TCVN3'],
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'VNI'],
    ['Cá»™ng hÃ²a xÃ£ há»™i', 'UTF-8 → Windows-1252'],
  ])('%s is %s', (text, encoding) => {
    expect(detectLegacyEncoding(text)).toBe(encoding);
  });
  it.each([
    'Cộng hòa xã hội chủ nghĩa Việt Nam',
    'Cộng hòa xã hội chủ nghĩa Việt Nam'.normalize('NFD'),
    'Nhiệt độ 30°C ± 2',
    'Hoàn thành 100%',
    'Café au lait',
    '',
  ])('%j is ordinary text', (text) => {
    expect(detectLegacyEncoding(text)).toBeUndefined();
  });
});

describe('well-formed text', () => {
  it('finds the first lone surrogate, high or low, and passes pairs', () => {
    expect(loneSurrogateAt('Hoa 🌸 Lý Sơn')).toBe(-1);
    expect(loneSurrogateAt('ab\uD800')).toBe(2);
    expect(loneSurrogateAt('a\uDC00b')).toBe(1);
    expect(loneSurrogateAt('\uDC00\uD800')).toBe(0);
    expect(loneSurrogateAt('🌸\uD83C')).toBe(2);
  });
  it('toWellFormed replaces each lone surrogate with U+FFFD, keeping pairs', () => {
    expect(toWellFormed('🌸\uD83C x \uDF38')).toBe('🌸\ufffd x \ufffd');
    expect(toWellFormed('Lý Sơn')).toBe('Lý Sơn');
  });
  it('text() refuses a lone surrogate and gives NFC before the length check', () => {
    const nfd = 'Lý Sơn'.normalize('NFD');
    expect(text().max(6).parse(nfd)).toBe('Lý Sơn');
    expect(text().safeParse('x\uD800').success).toBe(false);
  });
  it('an Excel cell holding a lone surrogate is kept as typed by readText (the validator names it)', () => {
    expect(readText({ kind: 'text', text: 'Hoa \uD83C' })).toEqual({
      ok: true,
      value: 'Hoa \uD83C',
    });
  });
});

describe('clip: values from a file, quoted short (issue 16)', () => {
  it('keeps a short value, cuts a long one with "…", never half an emoji', () => {
    expect(clip('P-TP')).toBe('P-TP');
    expect(clip(undefined)).toBe('');
    expect(clip('x'.repeat(61))).toBe(`${'x'.repeat(60)}…`);
    // The 60th code unit is the first half of 😀: the cut falls before it.
    expect(clip(`${'x'.repeat(59)}😀y`)).toBe(`${'x'.repeat(59)}…`);
    expect(toWellFormed(clip(`${'x'.repeat(59)}😀y`))).toBe(clip(`${'x'.repeat(59)}😀y`));
  });

  it('a finding quotes a task-shaped TT cell of 5,000 characters clipped, in its message and taskId', () => {
    const tt = `I.${'1'.repeat(5000)}`;
    const f = finding(
      'TASK_UNKNOWN',
      'A9',
      { found: tt, reason: 'not-a-task' },
      { field: 'tt', taskId: tt },
    );
    expect(f.taskId).toBe(`${tt.slice(0, 60)}…`);
    expect(f.message.en.length).toBeLessThan(200);
    expect(f.message.vi.length).toBeLessThan(200);
  });
});
