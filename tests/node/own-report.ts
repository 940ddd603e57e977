// A period's `own` (GET /api/periods) for a key whose agency has sent nothing:
// the starting point of the period fixtures of the client and pane tests.
import type { PeriodItem } from '../../client/api.ts';

export type OwnReport = PeriodItem['own'];

export const NO_REPORT: OwnReport = {
  submitted: false,
  status: 'missing',
  overdue: false,
  latestVersion: null,
  latestReceivedAt: null,
  reviewState: null,
  returnedComment: null,
  reopened: false,
  reopenReason: null,
};
