// Assignments stated by hand from the appendix and compared with tasksFor().
import { describe, expect, it } from 'vitest';
import { loadPlan, lySon58, planData } from '../../shared/plan/index.ts';

const ids = (code: string, role?: 'lead' | 'coordinating') =>
  lySon58
    .tasksFor(code)
    .filter((a) => !role || a.role === role)
    .map((a) => a.task.id);

// Tasks where "Các phòng, ban, cơ quan, đơn vị có liên quan và các thôn" leads.
const GROUP_LEADS = ['I.1', 'I.2', 'II.1', 'II.2', 'III.4', 'III.6'];
// Tasks where that group coordinates.
const GROUP_COORDINATES = [
  'I.3',
  'I.4',
  'I.6',
  'III.1',
  'III.2',
  'III.5',
  'IV.1',
  'V.1',
  'V.2',
  'V.3',
  'V.4',
];

describe('tasksFor', () => {
  it('the coordinator: lead where named, coordinating where named, and through the group only in V.4', () => {
    expect(ids('BTC-NV-LDTBXH', 'lead')).toEqual([
      'I.3',
      'I.4',
      'I.6',
      'III.1',
      'III.2',
      'III.5',
      'IV.1',
      'V.1',
      'V.2',
      'V.3',
    ]);
    // Named as "phối hợp" in I.1, I.2, II.1, II.2, III.3, III.4, III.6; a
    // member of "các phòng, ban… có liên quan" coordinating V.4. Not in I.5.
    expect(ids('BTC-NV-LDTBXH', 'coordinating')).toEqual([
      'I.1',
      'I.2',
      'II.1',
      'II.2',
      'III.3',
      'III.4',
      'III.6',
      'V.4',
    ]);
  });

  it('Phòng Tư pháp leads III.3 by name and takes part in every group task', () => {
    expect(ids('P-TP', 'lead')).toEqual(['I.1', 'I.2', 'II.1', 'II.2', 'III.3', 'III.4', 'III.6']);
    expect(ids('P-TP', 'coordinating')).toEqual(GROUP_COORDINATES);
  });

  it('a village: the group tasks plus I.5 where "Các thôn" coordinate', () => {
    expect(ids('THON-03', 'lead')).toEqual(GROUP_LEADS);
    expect(ids('THON-03', 'coordinating')).toEqual([
      'I.3',
      'I.4',
      'I.5',
      'I.6',
      'III.1',
      'III.2',
      'III.5',
      'IV.1',
      'V.1',
      'V.2',
      'V.3',
      'V.4',
    ]);
  });

  it('the communication centre leads I.5 and the group tasks', () => {
    expect(ids('TTTT-VHTT', 'lead')).toEqual([
      'I.1',
      'I.2',
      'I.5',
      'II.1',
      'II.2',
      'III.4',
      'III.6',
    ]);
  });

  it('bodies named once', () => {
    expect(lySon58.tasksFor('BCD-GNBV')).toEqual([{ task: lySon58.task('V.4'), role: 'lead' }]);
    expect(lySon58.tasksFor('MTTQ').map((a) => [a.task.id, a.role])).toEqual([
      ['I.6', 'coordinating'],
    ]);
    expect(lySon58.tasksFor('CTXH').map((a) => [a.task.id, a.role])).toEqual([
      ['I.6', 'coordinating'],
    ]);
    expect(lySon58.tasksFor('BTG-HU')).toEqual([]);
    expect(lySon58.tasksFor('NO-SUCH')).toEqual([]);
  });

  it('is in appendix order and gives each task once per agency', () => {
    const order = lySon58.tasks.map((t) => t.id);
    for (const a of lySon58.agencies) {
      const mine = ids(a.code);
      expect(new Set(mine).size).toBe(mine.length);
      expect([...mine].sort((x, y) => order.indexOf(x) - order.indexOf(y))).toEqual(mine);
    }
  });

  it('responsible(): lead first, then coordinating, no agency in both', () => {
    const v4 = lySon58.responsible('V.4');
    expect(v4?.lead).toEqual(['BCD-GNBV']);
    expect(v4?.coordinating).toContain('BTC-NV-LDTBXH');
    expect(v4?.coordinating).toHaveLength(13);
    for (const t of lySon58.tasks) {
      const r = lySon58.responsible(t.id);
      const both = r?.lead.filter((c) => r.coordinating.includes(c));
      expect(both, t.id).toEqual([]);
    }
  });

  it('expected reporters: every body with a task, the party board without one is not', () => {
    const codes = lySon58.reportingAgencies().map((a) => a.code);
    expect(codes).toHaveLength(16);
    expect(codes).not.toContain('BTG-HU');
  });
});

describe('agency registry', () => {
  it('six villages with neutral placeholder names the coordinator can rename', () => {
    const villages = lySon58.agencies.filter((a) => a.kind === 'village');
    expect(villages.map((v) => v.code)).toEqual([
      'THON-01',
      'THON-02',
      'THON-03',
      'THON-04',
      'THON-05',
      'THON-06',
    ]);
    for (const v of villages) {
      expect(v.placeholder).toBe(true);
      expect(v.name).toContain('chưa đặt tên');
    }
    const renamed = loadPlan(planData, { agencyNames: { 'THON-01': { name: 'Tên mới' } } });
    expect(renamed.agency('THON-01')?.name).toBe('Tên mới');
    expect(renamed.agency('THON-01')?.placeholder).toBeUndefined();
    expect(renamed.tasksFor('THON-01').length).toBe(lySon58.tasksFor('THON-01').length);
  });

  it('one coordinator, every kind used', () => {
    expect(lySon58.coordinator.code).toBe('BTC-NV-LDTBXH');
    expect(new Set(lySon58.agencies.map((a) => a.kind))).toEqual(
      new Set(['office', 'village', 'mass-organisation', 'party-body', 'steering-committee']),
    );
  });
});
