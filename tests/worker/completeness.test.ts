// GET /api/periods/:period/submissions: every expected agency, on time /
// late / missing, with totals.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  api,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  patchPeriod,
  plan,
  submit,
  validSubmission,
} from './helpers.ts';

interface Row {
  agency: { code: string; name: string; shortName: string; kind: string };
  status: 'on-time' | 'late' | 'missing';
  overdue: boolean;
  latestVersion: number | null;
  latestId: string | null;
  firstReceivedAt: string | null;
  latestReceivedAt: string | null;
  submittedBy: string | null;
  reviewState: string | null;
  reviewComment: string | null;
}
interface Completeness {
  period: { code: string; due: string; graceDays: number; deadline: string };
  totals: { expected: number; received: number; onTime: number; late: number; missing: number };
  agencies: Row[];
}

async function completeness(period: string) {
  const res = await api(`/api/periods/${period}/submissions`, { key: await coordinatorKey() });
  expect(res.status).toBe(200);
  return res.json<Completeness>();
}

const REPORTING = plan.reportingAgencies().map((a) => a.code);

describe('GET /api/periods/:period/submissions', () => {
  it('lists every expected agency as missing before anyone reports', async () => {
    const body = await completeness('2027-Q1');
    expect(body.period).toEqual({
      code: '2027-Q1',
      due: '2027-03-16',
      graceDays: 3,
      deadline: '2027-03-19',
    });
    expect(body.totals).toEqual({ expected: 16, received: 0, onTime: 0, late: 0, missing: 16 });
    expect(body.agencies.map((a) => a.agency.code)).toEqual(REPORTING);
    expect(body.agencies.map((a) => a.agency.code)).not.toContain('BTG-HU');
    for (const row of body.agencies) {
      expect(row).toMatchObject({
        status: 'missing',
        latestVersion: null,
        latestId: null,
        firstReceivedAt: null,
        reviewState: null,
      });
    }
  });

  it('counts on-time reports and names the missing agencies', async () => {
    const period = '2027-Q2';
    await patchPeriod(period, { due: '2099-12-31' });
    const tp = await issueKey('P-TP', 'agency', 'Phòng Tư pháp');
    const thon = await issueKey('THON-01');
    const v1 = await submit(tp, validSubmission('P-TP', period));
    const v2 = await submit(tp, validSubmission('P-TP', period, ' v2'));
    await submit(thon, validSubmission('THON-01', period));
    await submit(await coordinatorKey(), validSubmission(COORDINATOR, period));

    const body = await completeness(period);
    expect(body.totals).toEqual({ expected: 16, received: 3, onTime: 3, late: 0, missing: 13 });
    const byCode = new Map(body.agencies.map((a) => [a.agency.code, a]));
    expect(byCode.get('P-TP')).toMatchObject({
      status: 'on-time',
      overdue: false,
      latestVersion: 2,
      latestId: v2.body.id,
      firstReceivedAt: v1.body.receivedAt,
      latestReceivedAt: v2.body.receivedAt,
      submittedBy: 'Phòng Tư pháp',
      reviewState: 'received',
      reviewComment: null,
    });
    expect(byCode.get('THON-01')?.status).toBe('on-time');
    expect(byCode.get(COORDINATOR)?.status).toBe('on-time');
    const missing = body.agencies.filter((a) => a.status === 'missing').map((a) => a.agency.code);
    expect(missing).toEqual(REPORTING.filter((c) => !['P-TP', 'THON-01', COORDINATOR].includes(c)));
    // Due far ahead: nobody is overdue.
    expect(body.agencies.some((a) => a.overdue)).toBe(false);
  });

  it('a report after due date + grace is late; missing agencies are overdue', async () => {
    const period = '2022-Q3';
    // The earliest allowed due date (the cut-off), no grace: long past.
    const patched = await patchPeriod(period, { due: '2022-09-14', graceDays: 0 });
    expect(patched).toMatchObject({ deadline: '2022-09-14' });
    const key = await issueKey('P-GDDT');
    expect((await submit(key, validSubmission('P-GDDT', period))).status).toBe(201);
    const body = await completeness(period);
    expect(body.totals).toEqual({ expected: 16, received: 1, onTime: 0, late: 1, missing: 15 });
    const byCode = new Map(body.agencies.map((a) => [a.agency.code, a]));
    expect(byCode.get('P-GDDT')).toMatchObject({ status: 'late', overdue: false });
    expect(byCode.get('P-TP')).toMatchObject({ status: 'missing', overdue: true });
    // The agency sees the same in its own view.
    const own = await (await api('/api/periods?year=2022', { key })).json<{
      periods: { code: string; own: { status: string } }[];
    }>();
    expect(own.periods.find((p) => p.code === period)?.own.status).toBe('late');
  });

  it('on time is judged on the first version by Vietnam’s calendar (UTC+7)', async () => {
    const period = '2022-Q4';
    await patchPeriod(period, { due: '2022-12-16', graceDays: 2 }); // deadline 2022-12-18
    // Two earlier arrivals written directly: 23:59 and 00:00 Vietnam time around the deadline.
    const insert = (agency: string, receivedAt: string) =>
      env.DB.prepare(
        `INSERT INTO submissions (id, agency_code, period_code, version, received_at, submitted_by,
           key_prefix, content_hash, idempotency_key, source, payload, warnings)
         VALUES (?, ?, ?, 1, ?, 'test', 'lsk_test0000', ?, NULL, 'api', '{}', '[]')`,
      )
        .bind(crypto.randomUUID(), agency, period, receivedAt, crypto.randomUUID())
        .run();
    await insert('THON-05', '2022-12-18T16:59:59.999Z'); // 23:59:59 on the 18th in Vietnam
    await insert('THON-06', '2022-12-18T17:00:00.000Z'); // 00:00 on the 19th in Vietnam
    await insert('MTTQ', '2022-12-10T02:00:00.000Z');
    // A later version does not make an on-time report late.
    const key = await issueKey('MTTQ');
    const later = await submit(key, validSubmission('MTTQ', period));
    expect(later.body.version).toBe(2);

    const body = await completeness(period);
    const byCode = new Map(body.agencies.map((a) => [a.agency.code, a]));
    expect(byCode.get('THON-05')?.status).toBe('on-time');
    expect(byCode.get('THON-06')?.status).toBe('late');
    expect(byCode.get('MTTQ')).toMatchObject({
      status: 'on-time',
      latestVersion: 2,
      firstReceivedAt: '2022-12-10T02:00:00.000Z',
    });
    expect(body.totals).toEqual({ expected: 16, received: 3, onTime: 2, late: 1, missing: 13 });
  });

  it('moving the due date changes the verdict (computed, not stored)', async () => {
    const period = '2022-H1';
    await patchPeriod(period, { due: '2099-01-01' });
    await submit(await issueKey('PGD-NHCSXH'), validSubmission('PGD-NHCSXH', period));
    expect((await completeness(period)).totals).toMatchObject({ onTime: 1, late: 0 });
    await patchPeriod(period, { due: '2022-06-14', graceDays: 0 });
    expect((await completeness(period)).totals).toMatchObject({ onTime: 0, late: 1 });
  });

  it('renamed agencies appear under their new name', async () => {
    const key = await coordinatorKey();
    const res = await api('/api/agencies/THON-02', {
      method: 'PATCH',
      key,
      json: { name: 'Thôn thử nghiệm Ba', shortName: 'Thử nghiệm Ba' },
    });
    expect(res.status).toBe(200);
    const body = await completeness('2027-H1');
    expect(body.agencies.find((a) => a.agency.code === 'THON-02')?.agency).toEqual({
      code: 'THON-02',
      name: 'Thôn thử nghiệm Ba',
      shortName: 'Thử nghiệm Ba',
      kind: 'village',
    });
  });

  it('a rename may not repeat another agency’s name or hold control characters; nothing changes', async () => {
    const key = await coordinatorKey();
    const rename = (code: string, json: unknown) =>
      api(`/api/agencies/${code}`, { method: 'PATCH', key, json });
    await expectNoChange(async () => {
      const taken = await expectError(
        await rename('THON-05', { name: 'phòng tư pháp' }),
        'CONFLICT',
      );
      expect(taken.error.details).toEqual({ field: 'name', agency: 'P-TP' });
      expect(taken.error.message.vi).toContain('(P-TP)');
      const short = await expectError(
        await rename('THON-05', { name: 'Thôn thử nghiệm Năm', shortName: 'Phòng Tư pháp' }),
        'CONFLICT',
      );
      expect(short.error.details).toEqual({ field: 'shortName', agency: 'P-TP' });
      for (const name of [
        'a\u0000b',
        'Dòng một\nDòng hai',
        'Tab\there',
        'Phòng Tư pháp\u00ad', // soft hyphen: looks exactly like P-TP's name
        'Thôn A\u2028B', // line separator
        'Thôn A\u202eB', // right-to-left override
      ]) {
        const bad = await expectError(await rename('THON-05', { name }), 'INVALID_REQUEST');
        expect(issueFields(bad)).toEqual(['name']);
      }
    });
    // Its own name again is no conflict.
    expect((await rename('THON-05', { name: 'Thôn 05 (chưa đặt tên)' })).status).toBe(200);
  });

  it('unknown or malformed periods are 404; agencies get 403', async () => {
    const key = await coordinatorKey();
    await expectError(await api('/api/periods/2031-Q1/submissions', { key }), 'NOT_FOUND');
    await expectError(await api('/api/periods/2026-Q9/submissions', { key }), 'NOT_FOUND');
    await expectError(
      await api('/api/periods/2027-Q1/submissions', { key: await issueKey('P-TP') }),
      'FORBIDDEN',
    );
  });
});
