// Dates, countdowns and labels as the page shows them. Pure: tested in Node.
import { type Lang, t, type WordKey } from './i18n.ts';

/** dd/mm/yyyy, as Vietnamese documents print dates (an ISO date or timestamp's date part). */
export function viDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An ISO timestamp in Vietnam's time (UTC+7, no daylight saving): "dd/mm/yyyy hh:mm". */
export function viDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const v = new Date(ms + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

export type DueState =
  | { kind: 'left'; days: number }
  | { kind: 'today' }
  | { kind: 'grace'; days: number }
  | { kind: 'overdue'; days: number };

/** Where a period stands against its due date and grace, from the API's daysLeft. */
export function dueState(daysLeft: number, graceDays: number): DueState {
  if (daysLeft > 0) return { kind: 'left', days: daysLeft };
  if (daysLeft === 0) return { kind: 'today' };
  if (-daysLeft <= graceDays) return { kind: 'grace', days: -daysLeft };
  return { kind: 'overdue', days: -daysLeft };
}

export function dueText(lang: Lang, daysLeft: number, graceDays: number): string {
  // English counts "1 day", not "1 days"; Vietnamese has no plural.
  return lang === 'en'
    ? dueWords(lang, daysLeft, graceDays).replace(/^1 days/, '1 day')
    : dueWords(lang, daysLeft, graceDays);
}

function dueWords(lang: Lang, daysLeft: number, graceDays: number): string {
  const s = dueState(daysLeft, graceDays);
  switch (s.kind) {
    case 'left':
      return t(lang, 'daysLeft', { n: s.days });
    case 'today':
      return t(lang, 'dueToday');
    case 'grace':
      return t(lang, 'inGrace', { n: s.days });
    case 'overdue':
      return t(lang, 'overdue', { n: s.days });
  }
}

/** A colour tone for badges: success, warning, danger or neutral. */
export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

export function dueTone(daysLeft: number, graceDays: number): Tone {
  const k = dueState(daysLeft, graceDays).kind;
  return k === 'overdue' ? 'danger' : k === 'left' && daysLeft > 7 ? 'neutral' : 'warning';
}

export type Timeliness = 'on-time' | 'late' | 'missing';

export function timelinessWord(status: string, overdue = false): WordKey {
  if (status === 'on-time') return 'onTime';
  if (status === 'late') return 'late';
  return overdue ? 'missingOverdue' : 'missing';
}

export function timelinessTone(status: string, overdue = false): Tone {
  if (status === 'on-time') return 'success';
  if (status === 'late') return 'warning';
  return overdue ? 'danger' : 'neutral';
}

export function reviewWord(state: string | null | undefined): WordKey | null {
  if (state === 'accepted') return 'reviewAccepted';
  if (state === 'returned') return 'reviewReturned';
  if (state === 'received') return 'reviewReceived';
  return null;
}

export function reviewTone(state: string | null | undefined): Tone {
  if (state === 'accepted') return 'success';
  if (state === 'returned') return 'danger';
  return 'info';
}

/**
 * The file name of a download from its Content-Disposition: the UTF-8 name
 * (filename*, RFC 8187) where given, else the plain one, else `fallback`.
 */
export function fileNameFrom(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return clean(decodeURIComponent(star[1].trim())) || fallback;
    } catch {
      // A malformed percent-encoding: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return (name && clean(name)) || fallback;
}

/** No path parts in a name the browser saves. */
const clean = (name: string) => name.replace(/[\\/]/g, '-').trim();

/** "1a2b…9f0e": a content hash short enough to read aloud, whole on hover. */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
}
