// Shared test helpers: a valid filled sheet for an agency and period.
import {
  buildLayout,
  layoutToGrid,
  type PeriodInfo,
  type TaskRowLayout,
} from '../../shared/layout/index.ts';
import { lySon58 } from '../../shared/plan/index.ts';

export const plan = lySon58;
export const AGENCY = 'P-TP';
export const PERIOD = '2026-Q1';

export const period: PeriodInfo = {
  code: PERIOD,
  label: { vi: 'Quý I năm 2026' },
  cutoff: { from: '2025-12-15', to: '2026-03-14' },
  due: '2026-03-18',
};

export type Grid = unknown[][];

export function validFill(t: TaskRowLayout, i = 0) {
  return {
    status: 'Đang triển khai',
    percent: 40 + (i % 50),
    result: `Đã tổ chức thực hiện nhiệm vụ ${t.taskId}; kết quả bước đầu.`,
    completedProducts: i % 2 ? 'Kế hoạch số 12/KH' : '',
    difficulties: i % 3 ? '' : 'Thiếu kinh phí.',
    proposals: '',
  };
}

export function layoutFor(agency = AGENCY) {
  return buildLayout(plan, agency, { ...period });
}

/** A filled, valid grid (A1 origin) for the agency. */
export function filledGrid(agency = AGENCY): Grid {
  const layout = layoutFor(agency);
  const index = new Map(layout.tasks.map((t, i) => [t.taskId, i]));
  return layoutToGrid(layout, (t) => validFill(t, index.get(t.taskId) ?? 0));
}

/** 0-based grid row of a task's sheet row. */
export const rowOf = (sheetRow: number) => sheetRow - 1;
