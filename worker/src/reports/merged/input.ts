// What the merged workbook is made from: plain data the route reads from
// D1 (or a test makes in Node). Nothing here knows D1 or HTTP.
import type { DocumentSettings } from '../../../../shared/documents/index.ts';
import type { Plan } from '../../../../shared/plan/plan.ts';
import type { SubmissionRow } from '../../../../shared/submission/schema.ts';
import type { ReviewState, Timeliness } from '../../../../shared/vocabulary/index.ts';

/** The period as D1 holds it (cut-off, due date and grace may be edited) with its label. */
export interface MergedPeriod {
  code: string;
  label: { vi: string };
  cutoff: { from: string; to: string };
  due: string;
  graceDays: number;
}

/** One expected agency's completeness (as GET …/submissions computes it). */
export interface CompletenessRow {
  agencyCode: string;
  status: Timeliness;
  /** Latest version and when it arrived (ISO instant); null when nothing was received. */
  latestVersion: number | null;
  latestReceivedAt: string | null;
  firstReceivedAt: string | null;
  /** Review state of the latest version. */
  reviewState: ReviewState | null;
}

/** The version merged for an agency: its latest, or the accepted one where a review exists. */
export interface ChosenReport {
  agencyCode: string;
  version: number;
  receivedAt: string;
  reviewState: ReviewState;
  rows: readonly SubmissionRow[];
}

export interface MergedInput {
  plan: Plan;
  period: MergedPeriod;
  /** Current agency names (D1); the plan's names where absent. */
  agencyNames?: Readonly<Record<string, string>>;
  /** Every agency expected to report, in registry order. */
  completeness: readonly CompletenessRow[];
  reports: readonly ChosenReport[];
  /** The coordinator's document settings (header, recipients, signer); absent: nothing set. */
  document?: DocumentSettings;
  /** When the workbook is made (ISO instant): the date line, in Vietnam's calendar. */
  generatedAt: string;
}
