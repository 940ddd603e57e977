// The seed stays the source of truth: every task's text in the data must be
// the seed's text after the repairs recorded next to the data.
import { describe, expect, it } from 'vitest';
import {
  loadPlan,
  lySon58,
  type PlanDefinition,
  PlanDefinitionSchema,
  planData,
} from '../../shared/plan/index.ts';
import { nfcTrim } from '../../shared/text/normalize.ts';
import { readSeedTable } from './seed-table.ts';

const def: PlanDefinition = lySon58.def;
const seed = readSeedTable();
const sectionRows = seed.filter((r) => /^[IVX]+$/.test(r.tt));
const taskRows = seed.filter((r) => !/^[IVX]+$/.test(r.tt));

/** The seed cell with the data's recorded repairs applied, as the data should hold it. */
function repaired(taskIndex: number, field: keyof (typeof taskRows)[number]['cells']): string {
  const task = def.tasks[taskIndex];
  const row = taskRows[taskIndex];
  if (!task || !row) throw new Error(`no task ${taskIndex}`);
  let text = row.cells[field];
  const own = task.repairs.filter((r) => r.field === field);
  for (const r of own) {
    // A recorded repair must quote the seed cell exactly.
    expect(r.seed, `${task.id} ${field}: recorded seed text`).toBe(text);
    text = r.repaired;
  }
  for (const r of def.textRepairs) {
    if (r.fields.includes(field)) text = text.split(r.seed).join(r.repaired);
  }
  return text;
}

describe('plan data against the seed', () => {
  it('has 5 sections and 19 tasks, as the seed', () => {
    expect(sectionRows.map((r) => r.tt)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(taskRows).toHaveLength(19);
    expect(def.sections.map((s) => s.id)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(def.tasks).toHaveLength(19);
  });

  it('section titles match the seed', () => {
    def.sections.forEach((s, i) => {
      expect(nfcTrim(s.title)).toBe(nfcTrim(sectionRows[i]?.cells.content ?? ''));
    });
  });

  it('task IDs run I.1…V.4 with the two unnumbered rows as II.2 and IV.1', () => {
    expect(def.tasks.map((t) => t.id)).toEqual([
      'I.1',
      'I.2',
      'I.3',
      'I.4',
      'I.5',
      'I.6',
      'II.1',
      'II.2',
      'III.1',
      'III.2',
      'III.3',
      'III.4',
      'III.5',
      'III.6',
      'IV.1',
      'V.1',
      'V.2',
      'V.3',
      'V.4',
    ]);
    def.tasks.forEach((t, i) => {
      const tt = taskRows[i]?.tt;
      expect(t.printedNumber, t.id).toBe(tt === '' ? null : tt);
      if (tt === '') {
        // An unnumbered row must carry a recorded repair that numbers it.
        expect(t.repairs.find((r) => r.field === 'number')?.repaired, t.id).toBe(
          t.id.split('.')[1],
        );
      } else {
        expect(t.id.split('.')[1]).toBe(tt);
      }
    });
  });

  for (const field of ['content', 'product', 'timeline', 'lead', 'coordinating'] as const) {
    it(`every task's ${field} is the seed's after the recorded repairs`, () => {
      def.tasks.forEach((t, i) => {
        const value = field === 'lead' || field === 'coordinating' ? t[field].text : t[field];
        expect(nfcTrim(value), `${t.id} ${field}`).toBe(nfcTrim(repaired(i, field)));
      });
    });
  }

  it('repairs the damage DOMAIN.md lists', () => {
    const v2 = lySon58.task('V.2');
    expect(v2?.lead.text).toBe('Ban Tổ chức, Nội vụ - Lao động, Thương binh và Xã hội');
    expect(v2?.timeline).toBe('Giai đoạn 2021 - 2025 và giai đoạn 2026 - 2030');
    expect(lySon58.task('V.4')?.timeline.startsWith('Giai đoạn')).toBe(true);
    for (const t of def.tasks) {
      expect(t.lead.text + t.coordinating.text).not.toContain('Nội vụ- Lao động ,');
      expect(t.timeline.startsWith('đoạn')).toBe(false);
    }
  });

  it('every repair says why, in Vietnamese and English', () => {
    const repairs = [...def.textRepairs, ...def.tasks.flatMap((t) => t.repairs)];
    expect(repairs.length).toBeGreaterThanOrEqual(7);
    for (const r of repairs) expect(r.reason).toMatch(/\S \/ \S/);
  });

  it('the data stores NFC text', () => {
    const all = JSON.stringify(planData);
    expect(all).toBe(all.normalize('NFC'));
  });
});

describe('PlanDefinition schema', () => {
  const clone = (): PlanDefinition => structuredClone(def);

  it('accepts the plan', () => {
    expect(PlanDefinitionSchema.safeParse(planData).success).toBe(true);
  });

  // lySon58 is built from the JSON without a schema pass (shared/plan/ly-son-58.ts):
  // the pass must have nothing to trim, strip or default in it.
  it('would change nothing in the bundled data', () => {
    expect(PlanDefinitionSchema.parse(planData)).toStrictEqual(planData);
    expect(lySon58.def).toStrictEqual(loadPlan(planData).def);
  });

  it.each([
    [
      'an unknown agency in a task',
      (p: PlanDefinition) => {
        p.tasks[0]!.lead.refs = ['NOBODY'];
      },
      'tasks.0.lead.refs.0',
    ],
    [
      'a duplicate agency code',
      (p: PlanDefinition) => {
        p.agencies.push({ ...p.agencies[1]! });
      },
      'agencies.17.code',
    ],
    [
      'two coordinators',
      (p: PlanDefinition) => {
        p.agencies[1]!.coordinator = true;
      },
      'agencies',
    ],
    [
      'a task out of order',
      (p: PlanDefinition) => {
        p.tasks[1]!.id = 'I.3';
      },
      'tasks.1.id',
    ],
    [
      'a group containing itself',
      (p: PlanDefinition) => {
        p.groups[0]!.members.push('NHOM-LIEN-QUAN');
      },
      'groups.0',
    ],
    [
      'a bad agency code',
      (p: PlanDefinition) => {
        p.agencies[0]!.code = 'p tp';
      },
      'agencies.0.code',
    ],
  ])('rejects %s', (_name, mutate, path) => {
    const p = clone();
    mutate(p);
    const r = PlanDefinitionSchema.safeParse(p);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
