// POST …/submissions: a row's role (chủ trì / phối hợp) that contradicts the
// plan is refused with 400 naming the row, not silently replaced.
import { describe, expect, it } from 'vitest';
import {
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  plan,
  submit,
  validSubmission,
} from './helpers.ts';

describe('POST /api/periods/:period/submissions: task roles', () => {
  it('a role other than the plan’s is 400 naming rows.<i>.role; nothing is stored', async () => {
    const key = await issueKey('P-TP');
    const sent = validSubmission('P-TP');
    const roles = plan.tasksFor('P-TP');
    // P-TP leads some tasks and coordinates others: flip one of each.
    const lead = sent.rows.findIndex((r) => r.role === 'lead');
    const coordinating = sent.rows.findIndex((r) => r.role === 'coordinating');
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(coordinating).toBeGreaterThanOrEqual(0);
    expect(roles.find((a) => a.task.id === sent.rows[lead]?.taskId)?.role).toBe('lead');
    const flipped = {
      ...sent,
      rows: sent.rows.map((r, i) =>
        i === lead
          ? { ...r, role: 'coordinating' as const }
          : i === coordinating
            ? { ...r, role: 'lead' as const }
            : r,
      ),
    };
    const body = await expectNoChange(async () =>
      expectError((await submit(key, flipped)).res, 'INVALID_REQUEST'),
    );
    expect(issueFields(body)).toEqual(
      [`rows.${lead}.role`, `rows.${coordinating}.role`].sort((a, b) =>
        a.localeCompare(b, 'en', { numeric: true }),
      ),
    );
    const first = Math.min(lead, coordinating);
    expect(body.error.message.en).toContain(`rows.${first}.role`);
    expect(body.error.message.en).toContain(sent.rows[first]?.taskId);
    expect(body.error.message.vi).toMatch(/theo kế hoạch/);
  });

  it('the plan’s roles are accepted', async () => {
    const { status } = await submit(await issueKey('P-TP'), validSubmission('P-TP'));
    expect(status).toBe(201);
  });
});
