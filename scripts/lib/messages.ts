// Bilingual (Vietnamese / English) messages of the project's scripts.
import type { Bilingual } from '../../shared/text/bilingual.ts';

/** "vi / en" on one line when short, otherwise English on an indented second line. */
export function bilingual(vi: string, en: string): string {
  return vi.length + en.length <= 110 ? `${vi} / ${en}` : `${vi}\n  ${en}`;
}

/** An error a script reports as its message alone (no stack) and exits with `exitCode`. */
export class ScriptError extends Error {
  readonly vi: string;
  readonly en: string;
  readonly exitCode: number;
  /** `detail` (e.g. wrangler's own message) is printed on the lines after. */
  constructor(vi: string, en: string, options: { exitCode?: number; detail?: string } = {}) {
    super(options.detail ? `${bilingual(vi, en)}\n${options.detail}` : bilingual(vi, en));
    this.name = 'ScriptError';
    this.vi = vi;
    this.en = en;
    this.exitCode = options.exitCode ?? 1;
  }
}

export const step = (vi: string, en: string) => console.log(`▶ ${bilingual(vi, en)}`);
export const done = (vi: string, en: string) => console.log(`✓ ${bilingual(vi, en)}`);
export const warn = (vi: string, en: string) => console.warn(`! ${bilingual(vi, en)}`);

/** Prints an error for people: a ScriptError's message, anything else in full. */
export function report(e: unknown): number {
  if (e instanceof ScriptError) {
    console.error(`✗ ${e.message}`);
    return e.exitCode;
  }
  console.error('✗ Lỗi / Error:', e instanceof Error ? e.message : e);
  return 1;
}

/**
 * What node:util parseArgs refused, in both languages: its error codes
 * (ERR_PARSE_ARGS_UNKNOWN_OPTION, ERR_PARSE_ARGS_INVALID_OPTION_VALUE) name
 * the option in the message, between quotes; other errors keep their text.
 */
export function argumentProblem(e: unknown): Bilingual {
  const text = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]+)/.exec(text)?.[1] ?? '';
  switch ((e as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { vi: `không có tùy chọn ${option}`, en: `there is no option ${option}` };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return { vi: `${option} cần một giá trị`, en: `${option} needs a value` };
    default:
      return { vi: text, en: text };
  }
}

/** Node's file-system error codes (errno names) → why, in both languages. */
const FILE_ERRORS: Record<string, Bilingual> = {
  ENOENT: { vi: 'không có tệp hay thư mục này', en: 'there is no such file or folder' },
  EACCES: { vi: 'không có quyền đọc', en: 'permission to read it is denied' },
  EPERM: { vi: 'không được phép đọc', en: 'reading it is not permitted' },
  EISDIR: { vi: 'đây là một thư mục, không phải tệp', en: 'it is a folder, not a file' },
  ENOTDIR: {
    vi: 'một phần của đường dẫn không phải thư mục',
    en: 'part of the path is not a folder',
  },
  ENAMETOOLONG: { vi: 'đường dẫn quá dài', en: 'the path is too long' },
  EMFILE: { vi: 'đang mở quá nhiều tệp', en: 'too many files are open' },
};

/**
 * Why a file could not be opened (a Node file-system error), in both
 * languages: the errno name's meaning, or "lỗi / error CODE" for another
 * code; never Node's English-only message.
 */
export function fileProblem(e: unknown): Bilingual {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    return FILE_ERRORS[code] ?? { vi: `lỗi hệ thống ${code}`, en: `system error ${code}` };
  }
  return { vi: 'lỗi không rõ', en: 'unknown error' };
}
