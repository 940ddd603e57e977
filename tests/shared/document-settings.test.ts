// shared/documents: the settings a coordinator saves, checked where they enter.
import { describe, expect, it } from 'vitest';
import {
  DOTTED,
  DocumentSettingsSchema,
  EMPTY_DOCUMENT_SETTINGS,
  orDotted,
} from '../../shared/documents/index.ts';

describe('document settings', () => {
  it('an empty line is "not set", NFC text is kept, unknown keys are refused', () => {
    const parsed = DocumentSettingsSchema.parse({
      ...EMPTY_DOCUMENT_SETTINGS,
      issuingBody: '   ',
      place: 'Lý Sơn'.normalize('NFD'),
    });
    expect(parsed.issuingBody).toBeNull();
    expect(parsed.place).toBe('Lý Sơn'.normalize('NFC'));
    expect(DocumentSettingsSchema.safeParse({ ...EMPTY_DOCUMENT_SETTINGS, extra: 1 }).success).toBe(
      false,
    );
  });

  it('each line is one line: control characters and line breaks are refused, naming the field', () => {
    for (const bad of ['Dòng một\nDòng hai', 'a\u0000b', 'tab\there', 'a\u2028b', 'a\u00adb']) {
      const r = DocumentSettingsSchema.safeParse({ ...EMPTY_DOCUMENT_SETTINGS, signerName: bad });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['signerName']);
    }
    const list = DocumentSettingsSchema.safeParse({
      ...EMPTY_DOCUMENT_SETTINGS,
      copyTo: ['ổn', 'hai\ndòng'],
    });
    expect(list.error?.issues[0]?.path).toEqual(['copyTo', 1]);
  });

  it('what is unset prints as a dotted blank, never an invented value', () => {
    expect(orDotted(null)).toBe(DOTTED);
    expect(orDotted('')).toBe(DOTTED);
    expect(orDotted('UBND')).toBe('UBND');
  });
});
