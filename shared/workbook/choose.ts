// Which progress sheet of an uploaded workbook is the report: the one whose
// metadata names the expected agency and period. A single progress sheet with
// a damaged or missing field is still chosen, so that validate() names the
// field; a single one naming another agency or period is the wrong template.
// Among several, only those with the report table count: a cover sheet whose
// cell repeats the code (by a formula, say) is not a second report.
import { parsePeriodCode } from '../periods/index.ts';
import {
  type AgencyNames,
  type NoProgressSheet,
  problems,
  type WrongTemplate,
  wrongTemplate,
} from './problems.ts';
import { type ProgressSheet, SEARCH_ROWS, type WorkbookRead } from './read.ts';

export interface Expected {
  agency?: string;
  period?: string;
  /** Agency names for the wrong-template message (D1's, as the coordinator set them). */
  agencyNames?: AgencyNames;
}

export type Choice =
  | { ok: true; sheet: ProgressSheet }
  | { ok: false; problem: NoProgressSheet | WrongTemplate };

const periodCode = (p: string) => {
  const parsed = parsePeriodCode(p);
  return parsed.ok ? parsed.value.code : p.trim();
};

export function chooseProgressSheet(book: WorkbookRead, expected: Expected = {}): Choice {
  const withTable = book.progressSheets.filter((s) => s.hasTable);
  const sheets = withTable.length > 0 ? withTable : book.progressSheets;
  if (sheets.length === 0) {
    return { ok: false, problem: problems.noProgressSheet(book.sheetNames, SEARCH_ROWS) };
  }
  const want = {
    agency: expected.agency,
    period: expected.period === undefined ? undefined : periodCode(expected.period),
  };
  const otherAgency = (s: ProgressSheet) =>
    !!want.agency && !!s.identity.agency && s.identity.agency !== want.agency;
  const otherPeriod = (s: ProgressSheet) =>
    !!want.period &&
    !!s.identity.period &&
    parsePeriodCode(s.identity.period).ok &&
    periodCode(s.identity.period) !== want.period;
  const identities = (list: ProgressSheet[]) => list.map((s) => s.identity);

  const [only] = sheets;
  if (only && sheets.length === 1) {
    if (otherAgency(only)) {
      return {
        ok: false,
        problem: wrongTemplate('other-agency', identities(sheets), want, expected.agencyNames),
      };
    }
    if (otherPeriod(only)) {
      return {
        ok: false,
        problem: wrongTemplate('other-period', identities(sheets), want, expected.agencyNames),
      };
    }
    return { ok: true, sheet: only };
  }
  const matching = sheets.filter((s) => !otherAgency(s) && !otherPeriod(s));
  const [match] = matching;
  if (match && matching.length === 1) return { ok: true, sheet: match };
  if (matching.length > 1) {
    return {
      ok: false,
      problem: wrongTemplate('several-sheets', identities(matching), want, expected.agencyNames),
    };
  }
  const reason = sheets.some((s) => !otherAgency(s)) ? 'other-period' : 'other-agency';
  return {
    ok: false,
    problem: wrongTemplate(reason, identities(sheets), want, expected.agencyNames),
  };
}
