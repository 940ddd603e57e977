// INTERNAL: when a write cannot be recorded in audit_log, the write itself is
// rolled back (same db.batch) and the caller gets 500 in the usual shape.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  api,
  breakAuditLog,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueKey,
  repairAuditLog,
  submit,
  validSubmission,
} from './helpers.ts';

// The Worker logs the error (console.error); keep the test output clean.
let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await repairAuditLog();
});

describe('INTERNAL', () => {
  it('a write whose audit row fails is rolled back and answers 500', async () => {
    const agency = await issueKey('P-TP');
    const coord = await coordinatorKey();
    // A report to review, before the failure.
    expect((await submit(agency, validSubmission('P-TP', '2026-Q1'))).status).toBe(201);
    await breakAuditLog();
    const writes: [string, () => Promise<Response>][] = [
      [
        'submit',
        () =>
          api('/api/periods/2026-Q2/submissions', {
            method: 'POST',
            key: agency,
            json: validSubmission('P-TP', '2026-Q2'),
          }),
      ],
      [
        'rename',
        () =>
          api('/api/agencies/THON-01', { method: 'PATCH', key: coord, json: { name: 'Thôn A' } }),
      ],
      [
        'lock',
        () =>
          api('/api/periods/2026-Q2', {
            method: 'PATCH',
            key: coord,
            json: { locked: true, lockReason: 'Khóa' },
          }),
      ],
      [
        'reopen',
        () =>
          api('/api/periods/2026-Q2/reopenings', {
            method: 'POST',
            key: coord,
            json: { agency: 'P-TP', reason: 'x' },
          }),
      ],
      [
        'review',
        () =>
          api('/api/periods/2026-Q1/submissions/P-TP/review', {
            method: 'POST',
            key: coord,
            json: { action: 'accept' },
          }),
      ],
      [
        'issue key',
        () => api('/api/keys', { method: 'POST', key: coord, json: { agency: 'MTTQ' } }),
      ],
      [
        'revoke key',
        () => api(`/api/keys/${agency.slice(0, 12)}`, { method: 'DELETE', key: coord }),
      ],
    ];
    for (const [name, write] of writes) {
      const body = await expectNoChange(async () => expectError(await write(), 'INTERNAL'));
      expect(body.error.details, name).toBeUndefined();
      // Nothing about the database leaks to the caller.
      expect(JSON.stringify(body), name).not.toContain('audit');
    }
    expect(logged).toHaveBeenCalled();
    // The agency key was not revoked.
    expect((await api('/api/me', { key: agency })).status).toBe(200);
  });

  it('the same write succeeds once audit_log works again', async () => {
    const agency = await issueKey('THON-02');
    await breakAuditLog();
    await expectError(
      await api('/api/periods/2026-Q3/submissions', {
        method: 'POST',
        key: agency,
        json: validSubmission('THON-02', '2026-Q3'),
      }),
      'INTERNAL',
    );
    await repairAuditLog();
    const ok = await submit(agency, validSubmission('THON-02', '2026-Q3'));
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBe(1);
  });
});
