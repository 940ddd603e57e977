// npm run bench: how long validate() takes on a full agency sheet and on a
// 10,000-row stress grid, and how that compares with a floor loop over the
// same grid measured in the same run (issue 15: validate ≤ 3× the floor).
// Prints figures; asserts nothing (speed is measured here, never in tests).
// Targets on a 2-core machine: ≤ 1 ms and ≤ 50 ms; validate / floor ≤ 3×.
import { buildLayout, COLUMN_INDEX, layoutToGrid } from '../shared/layout/index.ts';
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

/**
 * The floor: the least any validator must do, reading each cell of the table
 * once. Every cell of every row from the header down, in the table's columns
 * (the TT, fixed and fillable cells the validator reads), is read and its
 * type checked; text adds its length so the loop cannot be optimised away.
 * No cell is normalised, compared or parsed.
 */
function floor(grid: readonly (readonly unknown[])[], headerRow: number, width: number): number {
  let n = 0;
  for (let r = headerRow; r < grid.length; r++) {
    const row = grid[r] as readonly unknown[];
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (typeof v === 'string') n += v.length;
      else if (typeof v === 'number') n++;
    }
  }
  return n;
}

/**
 * The floor with the text read: as floor(), and every character of each
 * fillable cell (status column onward) read once. The validator's text
 * rules (NFC, broken characters, legacy encodings, NUL) each depend on
 * every character, so no validator of this sheet can do less than this.
 */
function textFloor(
  grid: readonly (readonly unknown[])[],
  headerRow: number,
  width: number,
): number {
  let n = 0;
  for (let r = headerRow; r < grid.length; r++) {
    const row = grid[r] as readonly unknown[];
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (typeof v === 'string') {
        if (c < COLUMN_INDEX.status) n += v.length;
        else for (let i = 0; i < v.length; i++) n += v.charCodeAt(i);
      } else if (typeof v === 'number') n++;
    }
  }
  return n;
}

/**
 * Median CPU time of `fn` in ms (process.cpuUsage: the machine is shared,
 * and wall time would count the waits for a core); each sample times
 * `reps` calls, so sub-microsecond loops still register.
 */
function measure(name: string, runs: number, rows: number, fn: () => boolean, reps = 1) {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    for (let k = 0; k < reps; k++) {
      if (!fn()) throw new Error(`${name}: the sheet did not validate`);
    }
    const cpu = process.cpuUsage(t0);
    times.push((cpu.user + cpu.system) / 1000 / reps);
  }
  const m = median(times);
  console.log(
    `${name.padEnd(44)} rows ${String(rows).padStart(6)}  median ${m.toFixed(3).padStart(8)} ms CPU  ` +
      `p90 ${median(times.filter((t) => t >= m))
        .toFixed(3)
        .padStart(8)} ms  ` +
      `${Math.round(rows / (m / 1000))
        .toLocaleString('en-US')
        .padStart(12)} rows/s`,
  );
  return m;
}

/** A floor loop (floor or textFloor) over a sheet's table (header row down, the layout's columns), `reps` per sample. */
function measureFloor(
  name: string,
  runs: number,
  sheet: ReturnType<typeof gridFor>,
  reps: number,
  loop: typeof floor,
) {
  const headerRow = sheet.layout.titleRows.length + 1;
  const width = sheet.layout.columnCount;
  const fn = () => loop(sheet.grid, headerRow, width) > 0;
  return measure(name, runs, sheet.layout.tasks.length, fn, reps);
}

console.log(`validate() on Node ${process.version} (CPU time), ${new Date().toISOString()}`);
const full = gridFor(lySon58, 'THON-01');
const a = measure(
  `full agency sheet (THON-01, ${full.layout.tasks.length} tasks)`,
  2000,
  full.layout.tasks.length,
  () =>
    validate({ values: full.grid }, { plan: lySon58, agency: 'THON-01', period: period.code }).ok,
  10,
);
const aFloor = measureFloor('floor loop, full agency sheet', 2000, full, 1000, floor);
const aText = measureFloor('floor loop + text, full agency sheet', 2000, full, 1000, textFloor);

const big = stressPlan(10_000);
const stress = gridFor(big, 'P-TP');
const b = measure(
  'stress grid (10,000 task rows)',
  30,
  10_000,
  () => validate({ values: stress.grid }, { plan: big, agency: 'P-TP', period: period.code }).ok,
);
const bFloor = measureFloor('floor loop, stress grid', 30, stress, 20, floor);
const bText = measureFloor('floor loop + text, stress grid', 30, stress, 20, textFloor);

const ratioA = a / aFloor;
const ratioB = b / bFloor;
console.log(`validate / floor: ${ratioA.toFixed(1)}× (full agency sheet)`);
console.log(`validate / floor: ${ratioB.toFixed(1)}× (10,000-row grid)`);
console.log(`validate / floor + text: ${(a / aText).toFixed(1)}× (full agency sheet)`);
console.log(`validate / floor + text: ${(b / bText).toFixed(1)}× (10,000-row grid)`);
console.log(
  `targets: full sheet ≤ 1 ms → ${a <= 1 ? 'met' : 'MISSED'}; 10,000 rows ≤ 50 ms → ${b <= 50 ? 'met' : 'MISSED'}; ` +
    `10,000 rows ≤ 3× the floor → ${ratioB <= 3 ? 'met' : 'MISSED'} ` +
    `(≤ 3× the floor + text → ${b / bText <= 3 ? 'met' : 'MISSED'})`,
);
