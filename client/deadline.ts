// Where a period stands against its due date, as both apps say it: days
// left, due today, past due but within the grace days, or overdue. From the
// API's daysLeft (counted by the Worker in Vietnam's calendar) and graceDays.
import { type Lang, wordBook } from './i18n.ts';
import { SHARED_WORDS } from './words.ts';

export type DueState =
  | { kind: 'left'; days: number }
  | { kind: 'today' }
  | { kind: 'grace'; days: number }
  | { kind: 'overdue'; days: number };

/** Where a period stands: daysLeft > 0 left, 0 today, then grace for graceDays days, then overdue. */
export function dueState(daysLeft: number, graceDays = 0): DueState {
  if (daysLeft > 0) return { kind: 'left', days: daysLeft };
  if (daysLeft === 0) return { kind: 'today' };
  if (-daysLeft <= graceDays) return { kind: 'grace', days: -daysLeft };
  return { kind: 'overdue', days: -daysLeft };
}

const { t } = wordBook(SHARED_WORDS);

/** "còn 3 ngày", "hạn nộp là hôm nay", "quá hạn 2 ngày…" in the chosen language. */
export function dueText(lang: Lang, daysLeft: number, graceDays = 0): string {
  const s = dueState(daysLeft, graceDays);
  const text =
    s.kind === 'left'
      ? t(lang, 'daysLeft', { n: s.days })
      : s.kind === 'today'
        ? t(lang, 'dueToday')
        : t(lang, s.kind === 'grace' ? 'inGrace' : 'overdue', { n: s.days });
  // English counts "1 day", not "1 days"; Vietnamese has no plural.
  return lang === 'en' ? text.replace(/^1 days/, '1 day') : text;
}
