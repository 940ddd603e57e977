// An agency key can never read or write another agency's data.
import { describe, expect, it } from 'vitest';
import {
  api,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueKey,
  LONG_TEST_TIMEOUT,
  submit,
  validSubmission,
} from './helpers.ts';

const AGENCIES = ['P-TP', 'THON-02', 'MTTQ', 'TTTT-VHTT', 'BCD-GNBV', COORDINATOR];
const PERIOD = '2026-H2';

describe('agency keys and other agencies’ data', () => {
  // About 200 requests one after another, each refusal between two snapshots of every table.
  it('each agency submits its own report; none can submit for, or read, another', {
    timeout: LONG_TEST_TIMEOUT,
  }, async () => {
    const keys = new Map<string, string>();
    for (const agency of AGENCIES) keys.set(agency, await issueKey(agency));
    // Everyone reports its own.
    for (const agency of AGENCIES) {
      const r = await submit(keys.get(agency) as string, validSubmission(agency, PERIOD));
      expect(r.status, `${agency}: ${JSON.stringify(r.body)}`).toBe(201);
      expect(r.body.agencyCode).toBe(agency);
    }

    for (const me of AGENCIES) {
      const key = keys.get(me) as string;
      for (const other of AGENCIES.filter((a) => a !== me)) {
        await expectNoChange(async () => {
          // Submitting another agency's report, with or without an idempotency key.
          const forged = await expectError(
            await api(`/api/periods/${PERIOD}/submissions`, {
              method: 'POST',
              key,
              json: validSubmission(other, PERIOD, ' giả'),
            }),
            'FORBIDDEN',
          );
          expect(forged.error.message.en).toContain(me);
          // Named as people say it, the code second: "… for Phòng Tư pháp (P-TP), not for …".
          expect(forged.error.message.vi).toMatch(
            new RegExp(`\\p{L}.* \\(${me}\\), không phải của \\p{L}.* \\(${other}\\)`, 'u'),
          );
          await expectError(
            await api(`/api/periods/${PERIOD}/submissions`, {
              method: 'POST',
              key,
              headers: { 'idempotency-key': `forged-${other}` },
              json: validSubmission(other, PERIOD),
            }),
            'FORBIDDEN',
          );
          // Reading another agency's history, for a period with or without data,
          // or an unknown period (the role check comes first).
          for (const period of [PERIOD, '2026-Q1', '2031-Q1']) {
            const res = await api(`/api/periods/${period}/submissions/${other}`, { key });
            await expectError(res, 'FORBIDDEN');
          }
          // Nor the changes between its versions.
          await expectError(
            await api(`/api/periods/${PERIOD}/submissions/${other}/diff`, { key }),
            'FORBIDDEN',
          );
          // Reviewing another agency's report.
          await expectError(
            await api(`/api/periods/${PERIOD}/submissions/${other}/review`, {
              method: 'POST',
              key,
              json: { action: 'accept' },
            }),
            'FORBIDDEN',
          );
        });
      }
      // Its own history holds only its own report.
      const res = await api(`/api/periods/${PERIOD}/submissions/${me}`, { key });
      expect(res.status).toBe(200);
      const history = await res.json<{
        agency: { code: string };
        versions: { agencyCode: string; submission: { agencyCode: string } }[];
      }>();
      expect(history.agency.code).toBe(me);
      expect(history.versions).toHaveLength(1);
      expect(history.versions[0]?.agencyCode).toBe(me);
      expect(history.versions[0]?.submission.agencyCode).toBe(me);
    }
  });

  it('GET /api/periods shows an agency only its own report', async () => {
    const period = '2026-M9';
    const tp = await issueKey('P-TP');
    const thon = await issueKey('THON-05');
    expect((await submit(tp, validSubmission('P-TP', period))).status).toBe(201);
    expect((await submit(tp, validSubmission('P-TP', period, ' v2'))).status).toBe(201);
    const review = await api(`/api/periods/${period}/submissions/P-TP/review`, {
      method: 'POST',
      key: await coordinatorKey(),
      json: { action: 'return', comment: 'Chỉ dành cho Phòng Tư pháp' },
    });
    expect(review.status).toBe(201);
    const res = await api('/api/periods?year=2026', { key: thon });
    const text = await res.text();
    expect(text).not.toContain('Chỉ dành cho Phòng Tư pháp');
    const periods = (
      JSON.parse(text) as { periods: { code: string; own: Record<string, unknown> }[] }
    ).periods;
    // M9 is not scheduled and THON-05 neither reported for it nor had it reopened: not listed.
    expect(periods.find((p) => p.code === period)).toBeUndefined();
    // A scheduled period P-TP reported for shows THON-05 only its own (empty) report.
    expect((await submit(tp, validSubmission('P-TP', '2026-H1'))).status).toBe(201);
    const h1 = (
      await (
        await api('/api/periods?year=2026', { key: thon })
      ).json<{
        periods: { code: string; own: Record<string, unknown> }[];
      }>()
    ).periods.find((p) => p.code === '2026-H1')?.own;
    expect(h1).toMatchObject({
      submitted: false,
      latestVersion: null,
      reviewState: null,
      returnedComment: null,
    });
  });

  it('an agency key cannot read completeness, keys or change anything of another agency', async () => {
    for (const agency of ['P-GDDT', 'THON-01', 'CTXH']) {
      const key = await issueKey(agency);
      await expectNoChange(async () => {
        await expectError(await api(`/api/periods/${PERIOD}/submissions`, { key }), 'FORBIDDEN');
        await expectError(await api('/api/keys', { key }), 'FORBIDDEN');
        await expectError(
          await api('/api/keys', { method: 'POST', key, json: { agency } }),
          'FORBIDDEN',
        );
        await expectError(
          await api('/api/agencies/P-TP', { method: 'PATCH', key, json: { name: 'X' } }),
          'FORBIDDEN',
        );
        await expectError(
          await api(`/api/agencies/${agency}`, { method: 'PATCH', key, json: { name: 'X' } }),
          'FORBIDDEN',
        );
        await expectError(
          await api(`/api/periods/${PERIOD}/reopenings`, {
            method: 'POST',
            key,
            json: { agency, reason: 'Tự mở' },
          }),
          'FORBIDDEN',
        );
        await expectError(
          await api(`/api/periods/${PERIOD}`, {
            method: 'PATCH',
            key,
            json: { locked: true, lockReason: 'x' },
          }),
          'FORBIDDEN',
        );
      });
    }
  });

  it('the coordinator reads every agency’s history', async () => {
    const coord = await coordinatorKey();
    for (const agency of AGENCIES) {
      const res = await api(`/api/periods/${PERIOD}/submissions/${agency}`, { key: coord });
      expect(res.status, agency).toBe(200);
    }
  });
});
