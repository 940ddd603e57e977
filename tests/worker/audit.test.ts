// Every successful write adds exactly one audit_log row, in the same batch;
// reads and refused writes add none.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, COORDINATOR, coordinatorKey, issueKey, validSubmission } from './helpers.ts';

async function auditTail(afterId: number) {
  const { results } = await env.DB.prepare(
    'SELECT id, at, actor, action, target, details FROM audit_log WHERE id > ? ORDER BY id',
  )
    .bind(afterId)
    .all<{
      id: number;
      at: string;
      actor: string;
      action: string;
      target: string;
      details: string | null;
    }>();
  return results;
}

async function lastAuditId() {
  return (
    (await env.DB.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log').first<{ n: number }>())
      ?.n ?? 0
  );
}

describe('audit_log', () => {
  it('records each successful write once, with actor, action and target', async () => {
    const coord = await coordinatorKey();
    const coordActor = `${COORDINATOR}/${coord.slice(0, 12)}`;
    const agency = await issueKey('THON-06');
    const agencyActor = `THON-06/${agency.slice(0, 12)}`;
    const period = '2029-M9';
    let issuedPrefix = '';

    const steps: {
      name: string;
      run: () => Promise<Response>;
      status: number;
      audit: { actor: string; action: string; target: () => string } | null;
    }[] = [
      {
        name: 'rename',
        run: () =>
          api('/api/agencies/THON-06', { method: 'PATCH', key: coord, json: { name: 'Thôn Sáu' } }),
        status: 200,
        audit: { actor: coordActor, action: 'agency.rename', target: () => 'THON-06' },
      },
      {
        name: 'set due date',
        run: () =>
          api(`/api/periods/${period}`, { method: 'PATCH', key: coord, json: { graceDays: 7 } }),
        status: 200,
        audit: { actor: coordActor, action: 'period.update', target: () => period },
      },
      {
        name: 'submit',
        run: () =>
          api(`/api/periods/${period}/submissions`, {
            method: 'POST',
            key: agency,
            json: validSubmission('THON-06', period),
          }),
        status: 201,
        audit: {
          actor: agencyActor,
          action: 'submission.create',
          target: () => `THON-06/${period}`,
        },
      },
      {
        name: 'submit the same again (unchanged: no write)',
        run: () =>
          api(`/api/periods/${period}/submissions`, {
            method: 'POST',
            key: agency,
            json: validSubmission('THON-06', period),
          }),
        status: 200,
        audit: null,
      },
      {
        name: 'read (no write)',
        run: () => api(`/api/periods/${period}/submissions`, { key: coord }),
        status: 200,
        audit: null,
      },
      {
        name: 'return',
        run: () =>
          api(`/api/periods/${period}/submissions/THON-06/review`, {
            method: 'POST',
            key: coord,
            json: { action: 'return', comment: 'Bổ sung' },
          }),
        status: 201,
        audit: {
          actor: coordActor,
          action: 'submission.returned',
          target: () => `THON-06/${period}`,
        },
      },
      {
        name: 'accept',
        run: () =>
          api(`/api/periods/${period}/submissions/THON-06/review`, {
            method: 'POST',
            key: coord,
            json: { action: 'accept' },
          }),
        status: 201,
        audit: {
          actor: coordActor,
          action: 'submission.accepted',
          target: () => `THON-06/${period}`,
        },
      },
      {
        name: 'lock',
        run: () =>
          api(`/api/periods/${period}`, {
            method: 'PATCH',
            key: coord,
            json: { locked: true, lockReason: 'Khóa' },
          }),
        status: 200,
        audit: { actor: coordActor, action: 'period.update', target: () => period },
      },
      {
        name: 'reopen',
        run: () =>
          api(`/api/periods/${period}/reopenings`, {
            method: 'POST',
            key: coord,
            json: { agency: 'THON-06', reason: 'Bổ sung' },
          }),
        status: 201,
        audit: { actor: coordActor, action: 'period.reopen', target: () => `THON-06/${period}` },
      },
      {
        name: 'close the reopening',
        run: () =>
          api(`/api/periods/${period}/reopenings/THON-06`, { method: 'DELETE', key: coord }),
        status: 200,
        audit: {
          actor: coordActor,
          action: 'period.close-reopening',
          target: () => `THON-06/${period}`,
        },
      },
      {
        name: 'refused submission (locked: no write)',
        run: () =>
          api(`/api/periods/${period}/submissions`, {
            method: 'POST',
            key: agency,
            json: validSubmission('THON-06', period, ' v2'),
          }),
        status: 409,
        audit: null,
      },
      {
        name: 'issue a key',
        run: async () => {
          const res = await api('/api/keys', {
            method: 'POST',
            key: coord,
            json: { agency: 'THON-06' },
          });
          issuedPrefix = (await res.clone().json<{ prefix: string }>()).prefix;
          return res;
        },
        status: 201,
        audit: { actor: coordActor, action: 'key.issue', target: () => issuedPrefix },
      },
      {
        name: 'revoke it',
        run: () => api(`/api/keys/${issuedPrefix}`, { method: 'DELETE', key: coord }),
        status: 200,
        audit: { actor: coordActor, action: 'key.revoke', target: () => issuedPrefix },
      },
      {
        name: 'revoke it again (no write)',
        run: () => api(`/api/keys/${issuedPrefix}`, { method: 'DELETE', key: coord }),
        status: 200,
        audit: null,
      },
    ];

    for (const step of steps) {
      const before = await lastAuditId();
      const res = await step.run();
      expect(res.status, `${step.name}: ${await res.clone().text()}`).toBe(step.status);
      const rows = await auditTail(before);
      if (!step.audit) {
        expect(rows, step.name).toEqual([]);
        continue;
      }
      expect(rows, step.name).toHaveLength(1);
      expect(rows[0], step.name).toMatchObject({
        actor: step.audit.actor,
        action: step.audit.action,
        target: step.audit.target(),
      });
      expect(new Date(rows[0]?.at ?? '').toISOString()).toBe(rows[0]?.at);
    }
  });
});
