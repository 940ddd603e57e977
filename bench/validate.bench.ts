// npm run bench: how long validate() takes on a full agency sheet and on a
// 10,000-row stress grid. Prints figures; asserts nothing (speed is measured
// here, never in tests). Targets on a 2-core machine: ≤ 1 ms and ≤ 50 ms.
import { buildLayout, layoutToGrid } from '../shared/layout/index.ts';
import { getPeriod } from '../shared/periods/index.ts';
import { loadPlan, lySon58, type PlanDefinition, planData } from '../shared/plan/index.ts';
import { validate } from '../shared/validate/index.ts';

const period = getPeriod('2026-Q1');

function fill(i: number) {
  return {
    status: i % 4 === 0 ? 'Hoàn thành' : 'Đang triển khai',
    percent: i % 4 === 0 ? 100 : 10 + (i % 80),
    result: `Đã tổ chức tuyên truyền, quán triệt nội dung Chỉ thị số 05 tới cán bộ, đảng viên (${i}).`,
    completedProducts: 'Kế hoạch tuyên truyền; hội nghị triển khai',
    difficulties: i % 3 ? '' : 'Kinh phí còn hạn chế; nhân lực kiêm nhiệm.',
    proposals: '',
  };
}

function gridFor(plan: ReturnType<typeof loadPlan>, agency: string) {
  const layout = buildLayout(plan, agency, period);
  const index = new Map(layout.tasks.map((t, i) => [t.taskId, i]));
  return { layout, grid: layoutToGrid(layout, (t) => fill(index.get(t.taskId) ?? 0)) };
}

/** A plan with one section of n tasks, all led by one agency: a 10,000-row sheet. */
function stressPlan(n: number) {
  const base = structuredClone(planData) as PlanDefinition;
  const sample = base.tasks[0] as PlanDefinition['tasks'][number];
  base.sections = [{ id: 'I', title: 'Stress' }];
  base.tasks = Array.from({ length: n }, (_, i) => ({
    ...sample,
    id: `I.${i + 1}`,
    section: 'I',
    printedNumber: String(i + 1),
    content: `${sample.content} (${i + 1})`,
    lead: { text: 'Phòng Tư pháp', refs: ['P-TP'] },
    coordinating: { text: 'Các thôn', refs: ['NHOM-THON'] },
    repairs: [],
  }));
  return loadPlan(base);
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function measure(name: string, runs: number, rows: number, fn: () => boolean) {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (!fn()) throw new Error(`${name}: the sheet did not validate`);
    times.push(performance.now() - t0);
  }
  const m = median(times);
  console.log(
    `${name.padEnd(44)} rows ${String(rows).padStart(6)}  median ${m.toFixed(3).padStart(8)} ms  ` +
      `p90 ${median(times.filter((t) => t >= m))
        .toFixed(3)
        .padStart(8)} ms  ` +
      `${Math.round(rows / (m / 1000))
        .toLocaleString('en-US')
        .padStart(12)} rows/s`,
  );
  return m;
}

console.log(`validate() on Node ${process.version}, ${new Date().toISOString()}`);
const full = gridFor(lySon58, 'THON-01');
const a = measure(
  `full agency sheet (THON-01, ${full.layout.tasks.length} tasks)`,
  2000,
  full.layout.tasks.length,
  () =>
    validate({ values: full.grid }, { plan: lySon58, agency: 'THON-01', period: period.code }).ok,
);

const big = stressPlan(10_000);
const stress = gridFor(big, 'P-TP');
const b = measure(
  'stress grid (10,000 task rows)',
  30,
  10_000,
  () => validate({ values: stress.grid }, { plan: big, agency: 'P-TP', period: period.code }).ok,
);

console.log(
  `targets: full sheet ≤ 1 ms → ${a <= 1 ? 'met' : 'MISSED'}; 10,000 rows ≤ 50 ms → ${b <= 50 ? 'met' : 'MISSED'}`,
);
