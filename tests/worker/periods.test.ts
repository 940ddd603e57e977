// GET /api/periods (coordinator and agency views), PATCH /api/periods/:period,
// reopenings, and the lock with a per-agency reopening.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { listPeriods } from '../../shared/periods/index.ts';
import {
  api,
  auditRows,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  LONG_TEST_TIMEOUT,
  patchPeriod,
  submit,
  validSubmission,
} from './helpers.ts';

interface PeriodJson {
  code: string;
  year: number;
  kind: string;
  label: { vi: string; en: string };
  cutoff: { from: string; to: string };
  due: string;
  graceDays: number;
  deadline: string;
  daysLeft: number;
  locked: boolean;
  lockReason: string | null;
  scheduled: boolean;
  own: null | {
    submitted: boolean;
    status: string;
    overdue: boolean;
    latestVersion: number | null;
    latestReceivedAt: string | null;
    reviewState: string | null;
    returnedComment: string | null;
    reopened: boolean;
    reopenReason: string | null;
  };
}

async function periodsAs(key: string, query = '') {
  const res = await api(`/api/periods${query}`, { key });
  expect(res.status).toBe(200);
  return res.json<{ today: string; current: string | null; periods: PeriodJson[] }>();
}

/** The period as `key` sees it in GET /api/periods; undefined when not listed. */
async function listedFor(key: string, code: string) {
  const { periods } = await periodsAs(key, `?year=${code.slice(0, 4)}`);
  return periods.find((x) => x.code === code);
}

async function periodAs(key: string, code: string) {
  const p = await listedFor(key, code);
  if (!p) throw new Error(`no ${code}`);
  return p;
}

describe('GET /api/periods', () => {
  it('the coordinator sees every period with its settings, and its own office’s report as own', async () => {
    const key = await coordinatorKey();
    // The coordinating office reports too, with the coordinator's key.
    expect((await submit(key, validSubmission(COORDINATOR, '2026-H1'))).status).toBe(201);
    const { today, periods } = await periodsAs(key);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const expected = listPeriods();
    expect(periods.map((p) => p.code).sort()).toEqual(expected.map((p) => p.code).sort());
    // Ordered by due date.
    const dues = periods.map((p) => p.due);
    expect(dues).toEqual([...dues].sort());
    const h1 = periods.find((p) => p.code === '2026-H1');
    expect(h1?.own).toMatchObject({ submitted: true, latestVersion: 1, reviewState: 'received' });
    const q1 = periods.find((p) => p.code === '2026-Q1');
    expect(q1).toEqual({
      code: '2026-Q1',
      year: 2026,
      kind: 'Q1',
      scheduled: true,
      label: { vi: 'Quý I năm 2026', en: 'Q1 2026' },
      cutoff: { from: '2025-12-15', to: '2026-03-14' },
      due: '2026-03-17',
      graceDays: 3,
      deadline: '2026-03-20',
      daysLeft: expect.any(Number),
      locked: false,
      lockReason: null,
      own: expect.objectContaining({ submitted: false, latestVersion: null }),
      reopenings: [],
    });
  });

  it('?year= filters; empty is every year; a malformed year is 400 naming query.year', async () => {
    const key = await coordinatorKey();
    const { periods } = await periodsAs(key, '?year=2026');
    expect(periods.map((p) => p.code).sort()).toEqual(
      [
        '2026-H1',
        '2026-H2',
        '2026-M9',
        '2026-Q1',
        '2026-Q2',
        '2026-Q3',
        '2026-Q4',
        '2026-Y',
      ].sort(),
    );
    expect((await periodsAs(key, '?year=1999')).periods).toEqual([]);
    const all = (await periodsAs(key)).periods.length;
    expect((await periodsAs(key, '?year=')).periods.length).toBe(all);
    for (const bad of ['20x6', '226', '20266', '%202026', '-2026']) {
      const res = await api(`/api/periods?year=${bad}`, { key });
      const body = await expectError(res, 'INVALID_REQUEST');
      expect(issueFields(body), bad).toEqual(['query.year']);
      expect(body.error.message.en, bad).toMatch(/four-digit year/);
    }
  });

  it('a year given twice is 400 naming query.year, whichever comes first', async () => {
    const key = await coordinatorKey();
    for (const query of ['year=2026&year=abc', 'year=abc&year=2026', 'year=2026&year=2026']) {
      const res = await api(`/api/periods?${query}`, { key });
      const body = await expectError(res, 'INVALID_REQUEST');
      expect(issueFields(body), query).toEqual(['query.year']);
      expect(body.error.message.en, query).toBe(
        'The year parameter was given 2 times; give it once, e.g. ?year=2026.',
      );
    }
  });

  it('daysLeft counts from today to the due date', async () => {
    const key = await coordinatorKey();
    const { today, periods } = await periodsAs(key, '?year=2028');
    for (const p of periods) {
      const days = (Date.parse(p.due) - Date.parse(today)) / 86_400_000;
      expect(p.daysLeft, p.code).toBe(days);
    }
  });

  it('an agency sees its own report per period', async () => {
    const key = await issueKey('P-KTHT');
    const before = await periodAs(key, '2028-Q1');
    expect(before.own).toEqual({
      submitted: false,
      status: 'missing',
      overdue: false,
      latestVersion: null,
      latestReceivedAt: null,
      reviewState: null,
      returnedComment: null,
      reopened: false,
      reopenReason: null,
    });
    await patchPeriod('2028-Q1', { due: '2099-12-31' });
    const first = await submit(key, validSubmission('P-KTHT', '2028-Q1'));
    expect(first.status).toBe(201);
    const second = await submit(key, validSubmission('P-KTHT', '2028-Q1', ' (bổ sung)'));
    expect(second.status).toBe(201);
    const after = await periodAs(key, '2028-Q1');
    expect(after.own).toEqual({
      submitted: true,
      status: 'on-time',
      overdue: false,
      latestVersion: 2,
      latestReceivedAt: second.body.receivedAt,
      reviewState: 'received',
      returnedComment: null,
      reopened: false,
      reopenReason: null,
    });
    // Another agency's view of the same period is unaffected.
    const other = await periodAs(await issueKey('P-VHTT'), '2028-Q1');
    expect(other.own?.submitted).toBe(false);
  });

  it('an agency is offered the scheduled periods plus those it reported for or had reopened; unscheduled is never overdue', async () => {
    const key = await issueKey('THON-06');
    const { periods, current, today } = await periodsAs(key, '?year=2027');
    expect(periods.map((p) => p.kind).sort()).toEqual(['H1', 'Q1', 'Q3', 'Y']);
    expect(periods.every((p) => p.scheduled)).toBe(true);
    // Every scheduled 2027 period is still ahead of today's deadline, or overdue if passed.
    for (const p of periods) expect(p.own?.overdue, p.code).toBe(today > p.deadline);
    expect(current).toBe(periods.find((p) => p.deadline >= today)?.code ?? periods.at(-1)?.code);

    // A report for an unscheduled period (Q2, long past due) and a reopening of Q4 add them.
    await patchPeriod('2025-Q2', { due: '2025-07-20' });
    const sent = await submit(key, validSubmission('THON-06', '2025-Q2'));
    expect(sent.status).toBe(201);
    const reopen = await api('/api/periods/2025-Q4/reopenings', {
      method: 'POST',
      key: await coordinatorKey(),
      json: { agency: 'THON-06', reason: 'Nộp bổ sung' },
    });
    expect(reopen.status).toBe(201);
    const y2025 = await periodsAs(key, '?year=2025');
    expect(y2025.periods.map((p) => p.kind).sort()).toEqual(['H1', 'Q1', 'Q2', 'Q3', 'Q4', 'Y']);
    const q4 = y2025.periods.find((p) => p.code === '2025-Q4');
    expect(q4?.scheduled).toBe(false);
    expect(q4?.own).toMatchObject({ submitted: false, status: 'missing', overdue: false });
    expect(y2025.periods.find((p) => p.code === '2025-Q1')?.own?.overdue).toBe(true);
    // Every 2025 deadline has passed: the period reopened for it is the one preselected.
    expect(y2025.current).toBe('2025-Q4');
  });

  it('own.returnedComment shows the coordinator’s comment after a return, and clears on accept', async () => {
    const key = await issueKey('THON-04');
    const coordinator = await coordinatorKey();
    expect((await submit(key, validSubmission('THON-04', '2028-Q2'))).status).toBe(201);
    const comment = 'Bổ sung số hộ thoát nghèo ở nhiệm vụ II.1.';
    const ret = await api('/api/periods/2028-Q2/submissions/THON-04/review', {
      method: 'POST',
      key: coordinator,
      json: { action: 'return', comment },
    });
    expect(ret.status).toBe(201);
    const returned = await periodAs(key, '2028-Q2');
    expect(returned.own?.reviewState).toBe('returned');
    expect(returned.own?.returnedComment).toBe(comment);

    const accept = await api('/api/periods/2028-Q2/submissions/THON-04/review', {
      method: 'POST',
      key: coordinator,
      json: { action: 'accept' },
    });
    expect(accept.status).toBe(201);
    const accepted = await periodAs(key, '2028-Q2');
    expect(accepted.own?.reviewState).toBe('accepted');
    expect(accepted.own?.returnedComment).toBeNull();
  });
});

describe('PATCH /api/periods/:period', () => {
  it('sets the due date and grace, and writes audit_log', async () => {
    const key = await coordinatorKey();
    const res = await api('/api/periods/2029-Q1', {
      method: 'PATCH',
      key,
      json: { due: '2029-03-20', graceDays: 5 },
    });
    expect(res.status).toBe(200);
    const body = await res.json<PeriodJson>();
    expect(body).toMatchObject({
      code: '2029-Q1',
      due: '2029-03-20',
      graceDays: 5,
      deadline: '2029-03-25',
      locked: false,
    });
    const row = await env.DB.prepare('SELECT due, grace_days FROM periods WHERE code = ?')
      .bind('2029-Q1')
      .first();
    expect(row).toEqual({ due: '2029-03-20', grace_days: 5 });
    expect((await periodAs(key, '2029-Q1')).deadline).toBe('2029-03-25');
    const audit = await auditRows('period.update', '2029-Q1');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      before: { due: '2029-03-16', grace_days: 3 },
      patch: { due: '2029-03-20', graceDays: 5 },
    });
  });

  it('accepts the period code in lower case with spaces', async () => {
    const res = await api('/api/periods/%202029-q2%20', {
      method: 'PATCH',
      key: await coordinatorKey(),
      json: { graceDays: 0 },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: '2029-Q2', graceDays: 0 });
  });

  it('locks with a reason and unlocks', async () => {
    const key = await coordinatorKey();
    const locked = await patchPeriod('2029-Q3', { locked: true, lockReason: 'Đã tổng hợp' });
    expect(locked).toMatchObject({ locked: true, lockReason: 'Đã tổng hợp' });
    expect(await periodAs(key, '2029-Q3')).toMatchObject({
      locked: true,
      lockReason: 'Đã tổng hợp',
    });
    const unlocked = await patchPeriod('2029-Q3', { locked: false });
    expect(unlocked).toMatchObject({ locked: false, lockReason: null });
    expect(await auditRows('period.update', '2029-Q3')).toHaveLength(2);
  });

  // One request per case, one after another, each between two snapshots of every table.
  it('an unknown or malformed period is 404 and changes nothing', {
    timeout: LONG_TEST_TIMEOUT,
  }, async () => {
    const key = await coordinatorKey();
    for (const code of ['2031-Q1', '2021-Y', '2026-Q5', 'nope', '2026Q1', '26-Q1']) {
      const body = await expectNoChange(async () =>
        expectError(
          await api(`/api/periods/${code}`, { method: 'PATCH', key, json: { graceDays: 1 } }),
          'NOT_FOUND',
        ),
      );
      expect(body.error.message.en).toContain(code);
    }
  });

  // One request per case, one after another, each between two snapshots of every table.
  it('invalid patches are 400 naming the field, and change nothing', {
    timeout: LONG_TEST_TIMEOUT,
  }, async () => {
    const key = await coordinatorKey();
    const cases: [unknown, string][] = [
      [{ locked: true }, 'lockReason'],
      [{ locked: true, lockReason: '   ' }, 'lockReason'],
      [{ due: '2029-02-30' }, 'due'],
      [{ due: '30/06/2029' }, 'due'],
      [{ due: '2029-06-01' }, 'due'], // before the cut-off 2029-06-14
      [{ graceDays: -1 }, 'graceDays'],
      [{ graceDays: 1.5 }, 'graceDays'],
      [{ graceDays: '3' }, 'graceDays'],
      [{ locked: 'yes', lockReason: 'x' }, 'locked'],
      [{}, '(body)'],
      [{ graceDays: 3, color: 'red' }, '(body)'],
    ];
    for (const [json, field] of cases) {
      const body = await expectNoChange(async () =>
        expectError(
          await api('/api/periods/2029-H1', { method: 'PATCH', key, json }),
          'INVALID_REQUEST',
        ),
      );
      expect(issueFields(body), JSON.stringify(json)).toContain(field);
    }
  });
});

describe('reopenings', () => {
  it('POST reopens for one agency, the agency sees it, DELETE closes it; both audited', async () => {
    const key = await coordinatorKey();
    const agency = await issueKey('P-GDDT');
    const res = await api('/api/periods/2029-Q4/reopenings', {
      method: 'POST',
      key,
      json: { agency: 'P-GDDT', reason: 'Nộp bổ sung số liệu' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      period: '2029-Q4',
      agency: 'P-GDDT',
      reason: 'Nộp bổ sung số liệu',
      reopenedAt: expect.any(String),
    });
    expect((await periodAs(agency, '2029-Q4')).own).toMatchObject({
      reopened: true,
      reopenReason: 'Nộp bổ sung số liệu',
    });
    // Q4 is not a scheduled period: another agency is not offered it at all.
    expect(await listedFor(await issueKey('P-TP'), '2029-Q4')).toBeUndefined();
    expect(await auditRows('period.reopen', 'P-GDDT/2029-Q4')).toHaveLength(1);

    // Reopening again updates the reason.
    const again = await api('/api/periods/2029-Q4/reopenings', {
      method: 'POST',
      key,
      json: { agency: 'P-GDDT', reason: 'Lý do mới' },
    });
    expect(again.status).toBe(201);
    expect((await periodAs(agency, '2029-Q4')).own?.reopenReason).toBe('Lý do mới');

    const del = await api('/api/periods/2029-Q4/reopenings/P-GDDT', { method: 'DELETE', key });
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({ period: '2029-Q4', agency: 'P-GDDT', reopened: false });
    expect(await listedFor(agency, '2029-Q4')).toBeUndefined();
    expect(await auditRows('period.close-reopening', 'P-GDDT/2029-Q4')).toHaveLength(1);

    // Closing what is not open is 404.
    await expectNoChange(async () =>
      expectError(
        await api('/api/periods/2029-Q4/reopenings/P-GDDT', { method: 'DELETE', key }),
        'NOT_FOUND',
      ),
    );
  });

  it('unknown period or agency is 404; a bad body is 400; nothing changes', async () => {
    const key = await coordinatorKey();
    const post = (period: string, json: unknown) =>
      api(`/api/periods/${period}/reopenings`, { method: 'POST', key, json });
    await expectNoChange(async () => {
      await expectError(await post('2031-Q1', { agency: 'P-TP', reason: 'x' }), 'NOT_FOUND');
      await expectError(await post('bad', { agency: 'P-TP', reason: 'x' }), 'NOT_FOUND');
      await expectError(await post('2029-Y', { agency: 'NOPE', reason: 'x' }), 'NOT_FOUND');
      await expectError(
        await api('/api/periods/2029-Y/reopenings/NOPE', { method: 'DELETE', key }),
        'NOT_FOUND',
      );
      await expectError(
        await api('/api/periods/2031-Y/reopenings/P-TP', { method: 'DELETE', key }),
        'NOT_FOUND',
      );
      const cases: [unknown, string][] = [
        [{ agency: 'P-TP' }, 'reason'],
        [{ agency: 'P-TP', reason: '  ' }, 'reason'],
        [{ agency: 'p tp', reason: 'x' }, 'agency'],
        [{ reason: 'x' }, 'agency'],
      ];
      for (const [json, field] of cases) {
        const body = await expectError(await post('2029-Y', json), 'INVALID_REQUEST');
        expect(issueFields(body), JSON.stringify(json)).toContain(field);
      }
    });
  });
});

describe('lock and per-agency reopening', () => {
  it('a locked period refuses with its reason; a reopening lets one agency in; unlock restores', async () => {
    const period = '2030-Q1';
    const reason = 'Đã gửi báo cáo tổng hợp cho tỉnh ngày 20/3';
    const tp = await issueKey('P-TP');
    const thon = await issueKey('THON-01');
    const coord = await coordinatorKey();
    await patchPeriod(period, { locked: true, lockReason: reason });

    for (const [key, agency] of [
      [tp, 'P-TP'],
      [thon, 'THON-01'],
      [coord, COORDINATOR],
    ] as const) {
      const body = await expectNoChange(async () =>
        expectError(
          await api(`/api/periods/${period}/submissions`, {
            method: 'POST',
            key,
            json: validSubmission(agency, period),
          }),
          'PERIOD_LOCKED',
        ),
      );
      expect(body.error.message.vi).toContain(reason);
      expect(body.error.message.en).toContain(reason);
      expect(body.error.message.en).toContain(period);
    }

    // Reopen for P-TP only.
    const reopen = await api(`/api/periods/${period}/reopenings`, {
      method: 'POST',
      key: coord,
      json: { agency: 'P-TP', reason: 'Bổ sung' },
    });
    expect(reopen.status).toBe(201);
    const ok = await submit(tp, validSubmission('P-TP', period));
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBe(1);
    await expectNoChange(async () =>
      expectError(
        await api(`/api/periods/${period}/submissions`, {
          method: 'POST',
          key: thon,
          json: validSubmission('THON-01', period),
        }),
        'PERIOD_LOCKED',
      ),
    );
    // The period stays locked for everybody's view.
    expect((await periodAs(tp, period)).locked).toBe(true);

    // Closing the reopening locks P-TP out again.
    const close = await api(`/api/periods/${period}/reopenings/P-TP`, {
      method: 'DELETE',
      key: coord,
    });
    expect(close.status).toBe(200);
    await expectError(
      await api(`/api/periods/${period}/submissions`, {
        method: 'POST',
        key: tp,
        json: validSubmission('P-TP', period, ' v2'),
      }),
      'PERIOD_LOCKED',
    );

    // Unlocking lets everyone submit again.
    await patchPeriod(period, { locked: false });
    expect((await submit(thon, validSubmission('THON-01', period))).status).toBe(201);
    const tp2 = await submit(tp, validSubmission('P-TP', period, ' v2'));
    expect(tp2.status).toBe(201);
    expect(tp2.body.version).toBe(2);
  });

  it('a reopening in another period does not open this one', async () => {
    const coord = await coordinatorKey();
    const key = await issueKey('MTTQ');
    await patchPeriod('2030-Q2', { locked: true, lockReason: 'Khóa sổ' });
    await patchPeriod('2030-Q3', { locked: true, lockReason: 'Khóa sổ' });
    const reopen = await api('/api/periods/2030-Q3/reopenings', {
      method: 'POST',
      key: coord,
      json: { agency: 'MTTQ', reason: 'Bổ sung' },
    });
    expect(reopen.status).toBe(201);
    await expectError(
      await api('/api/periods/2030-Q2/submissions', {
        method: 'POST',
        key,
        json: validSubmission('MTTQ', '2030-Q2'),
      }),
      'PERIOD_LOCKED',
    );
    expect((await submit(key, validSubmission('MTTQ', '2030-Q3'))).status).toBe(201);
  });
});
