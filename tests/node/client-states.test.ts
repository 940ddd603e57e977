// The labels both apps show for the API's state codes (client/states.ts):
// one word per state, shared/vocabulary's, as the merged workbook says it.
import { describe, expect, it } from 'vitest';
import { keyRoleLabel, reviewLabel, timelinessLabel } from '../../client/states.ts';
import {
  KEY_ROLE_LABELS,
  MISSING_OVERDUE_LABEL,
  REVIEW_STATE_LABELS,
  TIMELINESS_LABELS,
} from '../../shared/vocabulary/index.ts';

describe('labels', () => {
  it('timeliness and review states', () => {
    expect(timelinessLabel('on-time')).toEqual(TIMELINESS_LABELS['on-time']);
    expect(timelinessLabel('late')).toEqual(TIMELINESS_LABELS.late);
    expect(timelinessLabel('missing')).toEqual(TIMELINESS_LABELS.missing);
    expect(timelinessLabel('missing', true)).toEqual(MISSING_OVERDUE_LABEL);
    // Only a missing report can be overdue.
    expect(timelinessLabel('late', true)).toEqual(TIMELINESS_LABELS.late);
    expect(reviewLabel('accepted')).toEqual(REVIEW_STATE_LABELS.accepted);
    expect(reviewLabel('returned')).toEqual(REVIEW_STATE_LABELS.returned);
    expect(reviewLabel('received')).toEqual(REVIEW_STATE_LABELS.received);
    expect(reviewLabel(null)).toBeNull();
    expect(reviewLabel('received')?.vi).toBe('Chờ xem xét');
  });

  it('key roles, and an unknown code shown as it is', () => {
    expect(keyRoleLabel('coordinator')).toEqual(KEY_ROLE_LABELS.coordinator);
    expect(keyRoleLabel('agency').vi).toBe('Cơ quan báo cáo');
    expect(timelinessLabel('withdrawn')).toEqual({ vi: 'withdrawn', en: 'withdrawn' });
  });
});
