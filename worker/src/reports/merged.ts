// The merged district workbook for one period: a pure function from plain
// inputs (the plan, the period, agency names, the chosen report of each
// agency, completeness) to the workbook model the writer takes. Knows
// nothing of D1 or HTTP; every name and text comes from the plan or D1.
// Each sheet is drawn in its own file under merged/:
//   Tổng hợp              summary.ts      Decree 30 header, title, completeness, counts by status
//   Chi tiết              detail.ts       appendix order: section, task, one row per responsible agency
//   Khó khăn - Kiến nghị  issues.ts       every difficulty and proposal, with agency and task
//   Tình hình nộp báo cáo submissions.ts  each expected agency: version, received, on time, review
import type { Workbook } from '../xlsx/types.ts';
import { fitRowHeights, withPageNumbers } from './common.ts';
import { detailSheet } from './merged/detail.ts';
import type { MergedInput } from './merged/input.ts';
import { issuesSheet } from './merged/issues.ts';
import { mergedModel } from './merged/model.ts';
import { submissionsSheet } from './merged/submissions.ts';
import { summarySheet } from './merged/summary.ts';

export { DETAIL_HEADER, taskPlanLine } from './merged/detail.ts';
export type {
  ChosenReport,
  CompletenessRow,
  MergedInput,
  MergedPeriod,
} from './merged/input.ts';
export { ISSUES_HEADER } from './merged/issues.ts';
export { SUBMISSIONS_HEADER } from './merged/submissions.ts';
export {
  CONTINUED,
  MERGED_SHEET_NAMES,
  NOT_REPORTED,
  REVIEW_VI,
  TIMELINESS_VI,
} from './merged/words.ts';

/** The workbook model of the merged report (writeXlsx turns it into bytes). */
export function buildMergedWorkbook(input: MergedInput): Workbook {
  const m = mergedModel(input);
  return {
    title: `Tổng hợp báo cáo ${input.plan.def.number} — ${input.period.label.vi}`,
    // Read by people and other applications, never uploaded back: cells
    // in order go without their reference, which deflate pays for.
    cellRefs: 'gaps',
    creator: m.name(input.plan.coordinator.code),
    sheets: [
      // Every sheet by the one estimate (CLOSE_FIT), which split.ts also
      // cuts long texts by; Tổng hợp and Chi tiết fit their own rows for
      // their page breaks, Khó khăn - Kiến nghị with the lines split.ts
      // measured.
      summarySheet(input, m),
      detailSheet(input, m),
      issuesSheet(input, m),
      fitRowHeights(submissionsSheet(input, m)),
    ].map(withPageNumbers),
  };
}
