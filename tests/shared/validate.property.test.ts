// Property-based tests (fast-check): any sheet laid out and filled with valid
// values validates; every mutation from a catalogue yields its finding; no
// grid, however random, makes the validator throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutToGrid, STATUSES, TEXT_LIMITS } from '../../shared/layout/index.ts';
import { SubmissionSchema } from '../../shared/submission/schema.ts';
import { submissionToGrid } from '../../shared/submission/to-grid.ts';
import { type FindingCode, validate } from '../../shared/validate/index.ts';
import { layoutFor, period, plan } from './fixtures.ts';

const reporting = plan.reportingAgencies().map((a) => a.code);

// Text a clerk might type: Vietnamese, hostile leading characters, line breaks.
const text = (max: number) =>
  fc
    .oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        'Đã triển khai',
        '=SUM(A1)',
        '+84 912',
        '-',
        '@home',
        '_x0041_',
        'Dòng 1\nDòng 2',
      ),
      fc.string({
        unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặ ,.'.split('')),
        maxLength: 200,
      }),
    )
    .map((s) => s.slice(0, max).normalize('NFC').trim());

const rowValues = fc
  .record({
    status: fc.constantFrom(...STATUSES.map((s) => s.code)),
    percent: fc.integer({ min: 1, max: 99 }),
    result: text(TEXT_LIMITS.result).map((s) => s || 'Kết quả'),
    completedProducts: text(TEXT_LIMITS.completedProducts),
    difficulties: text(TEXT_LIMITS.difficulties),
    proposals: text(TEXT_LIMITS.proposals),
  })
  .map((v) => ({
    ...v,
    // Make status and percent agree, as a careful clerk would.
    percent: v.status === 'done' ? 100 : v.status === 'not-started' ? null : v.percent,
  }));

const sheetArb = fc.constantFrom(...reporting).chain((agency) => {
  const layout = layoutFor(agency);
  return fc
    .array(rowValues, { minLength: layout.tasks.length, maxLength: layout.tasks.length })
    .map((values) => ({ agency, layout, values }));
});

type Sheet = {
  layout: ReturnType<typeof layoutFor>;
  values: { status: string; percent: number | null }[];
};

function toGrid({ layout, values }: Sheet) {
  const label = new Map<string, string>(STATUSES.map((s) => [s.code, s.vi]));
  const byTask = new Map(layout.tasks.map((t, i) => [t.taskId, values[i]]));
  return layoutToGrid(layout, (t) => {
    const v = byTask.get(t.taskId) as Record<string, string | number | null>;
    return { ...v, status: label.get(String(v.status)) ?? '', percent: v.percent ?? '' } as Record<
      string,
      string | number
    >;
  });
}

const codesOf = (grid: unknown[][], agency: string) =>
  validate({ values: grid }, { plan, agency, period: period.code }).findings.map((f) => f.code);

describe('property: valid sheets validate', () => {
  it('a sheet from the layout filled with valid values gives a Submission with those values', () => {
    fc.assert(
      fc.property(sheetArb, (s) => {
        const r = validate({ values: toGrid(s) }, { plan, agency: s.agency, period: period.code });
        expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(r.submission?.rows.map((x) => x.status)).toEqual(s.values.map((v) => v.status));
        expect(r.submission?.rows.map((x) => x.percent)).toEqual(s.values.map((v) => v.percent));
        expect(r.submission?.rows.map((x) => x.result)).toEqual(s.values.map((v) => v.result));
      }),
      { numRuns: 150 },
    );
  });

  it('the Submission is built as the schema would give it back: no second pass is needed', () => {
    // Raw text in the four text columns: decomposed, padded, any code unit (NUL, surrogates).
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        ' Ke\u0302\u0301t qua\u0309 ',
        '\u00a0Hoa\u0300n\u00a0',
        'Céng hoµ x· héi',
        'a\u0000b',
      ),
    );
    fc.assert(
      fc.property(
        sheetArb,
        fc.array(fc.tuple(fc.nat(30), fc.integer({ min: 7, max: 10 }), raw), { maxLength: 8 }),
        (s, edits) => {
          const g = toGrid(s).map((row) => [...row]) as unknown[][];
          for (const [r, c, v] of edits) if (g[6 + r]) (g[6 + r] as unknown[])[c] = v;
          const r = validate({ values: g }, { plan, agency: s.agency, period: period.code });
          if (r.submission) expect(SubmissionSchema.parse(r.submission)).toEqual(r.submission);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round trip: layout → grid → validate → Submission → grid → validate gives the same Submission', () => {
    fc.assert(
      fc.property(sheetArb, (s) => {
        const first = validate(
          { values: toGrid(s) },
          { plan, agency: s.agency, period: period.code },
        );
        expect(first.submission).not.toBeNull();
        const sub = first.submission as NonNullable<typeof first.submission>;
        const again = validate(
          { values: submissionToGrid(plan, sub) },
          { plan, agency: s.agency, period: period.code },
        );
        expect(again.submission).toEqual(sub);
      }),
      { numRuns: 100 },
    );
  });
});

// Each mutation: what it does to a valid grid and the finding it must cause.
type Mutation = {
  name: string;
  expect: FindingCode;
  /** Sheets the mutation applies to (a swap needs two rows). */
  minTasks?: number;
  apply: (g: unknown[][], tasks: number, pick: number) => void;
};
const HEADER = 5;
const FIRST = 6;
const cellSet = (g: unknown[][], r: number, c: number, v: unknown) => {
  (g[r] as unknown[])[c] = v;
};
const MUTATIONS: Mutation[] = [
  {
    name: 'delete a task row',
    expect: 'TASK_MISSING',
    apply: (g, n, k) => g.splice(FIRST + (k % n), 1),
  },
  {
    name: 'duplicate a task row',
    expect: 'TASK_DUPLICATE',
    apply: (g, n, k) => g.splice(FIRST + (k % n), 0, [...(g[FIRST + (k % n)] as unknown[])]),
  },
  {
    name: 'swap two adjacent rows',
    expect: 'TASK_MOVED',
    minTasks: 2,
    apply: (g, n, k) => {
      const i = FIRST + (k % (n - 1));
      const a = g[i] as unknown[];
      g[i] = g[i + 1] as unknown[];
      g[i + 1] = a;
    },
  },
  {
    name: 'edit a fixed cell',
    expect: 'FIXED_CELL_CHANGED',
    apply: (g, n, k) => cellSet(g, FIRST + (k % n), 1 + (k % 4), 'sửa'),
  },
  {
    name: 'bad status',
    expect: 'STATUS_INVALID',
    apply: (g, n, k) => cellSet(g, FIRST + (k % n), 5, 'Gần xong'),
  },
  {
    name: 'percent over 100',
    expect: 'PERCENT_INVALID',
    apply: (g, n, k) => cellSet(g, FIRST + (k % n), 6, 100 + 1 + k),
  },
  {
    name: 'percent text',
    expect: 'PERCENT_INVALID',
    apply: (g, n, k) => cellSet(g, FIRST + (k % n), 6, 'khoảng một nửa'),
  },
  {
    name: 'wrong agency in metadata',
    expect: 'META_AGENCY_MISMATCH',
    apply: (g) => {
      const meta = String(g[4]?.[0]);
      cellSet(
        g,
        4,
        0,
        meta.replace(/agency=[^;]+/, meta.includes('agency=MTTQ') ? 'agency=P-TP' : 'agency=MTTQ'),
      );
    },
  },
  {
    name: 'wrong period in metadata',
    expect: 'META_PERIOD_MISMATCH',
    apply: (g) => cellSet(g, 4, 0, String(g[4]?.[0]).replace(/period=[^;]+/, 'period=2030-Y')),
  },
  {
    name: 'garbage object in a cell',
    expect: 'VALUE_TYPE',
    apply: (g, n, k) => cellSet(g, FIRST + (k % n), 7, [1, 2]),
  },
  {
    name: 'huge string',
    expect: 'TEXT_TOO_LONG',
    apply: (g, n, k) => cellSet(g, FIRST + (k % n), 9, 'ư'.repeat(50_000)),
  },
  {
    name: 'error value',
    expect: 'CELL_ERROR_VALUE',
    apply: (g, n, k) => cellSet(g, FIRST + (k % n), 8, '#VALUE!'),
  },
  {
    name: 'header renamed',
    expect: 'HEADER_MISMATCH',
    apply: (g, _n, k) => cellSet(g, HEADER, 1 + (k % 10), 'Cột'),
  },
  {
    name: 'note below the table',
    expect: 'TRAILING_CONTENT',
    apply: (g) => g.push([], ['Ghi chú']),
  },
];

describe('property: every mutation gives its finding and never an exception', () => {
  for (const m of MUTATIONS) {
    it(m.name, () => {
      fc.assert(
        fc.property(sheetArb, fc.nat(1000), (s, k) => {
          fc.pre(s.layout.tasks.length >= (m.minTasks ?? 1));
          const g = toGrid(s).map((row) => [...row]) as unknown[][];
          m.apply(g, s.layout.tasks.length, k);
          const found = codesOf(g, s.agency);
          expect(found).toContain(m.expect);
          expect(found).not.toContain('VALIDATOR_FAILED');
        }),
        { numRuns: 40 },
      );
    });
  }
});

describe('property: random grids never throw', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom('TT', 'I.1', 'Hoàn thành', '#REF!', 'plan=x; layout=1', '=A1'),
    fc.object(),
  );
  it('any shape of array, or no array at all', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.oneof(fc.array(cell, { maxLength: 14 }), cell), { maxLength: 40 }),
          cell,
        ),
        fc.option(fc.string({ maxLength: 6 })),
        fc.constantFrom(undefined, 'P-TP', 'NOPE'),
        (values, origin, agency) => {
          const r = validate(
            { values, formulas: values, numberFormats: values, origin: origin ?? undefined },
            { plan, agency },
          );
          expect(r.findings.map((f) => f.code)).not.toContain('VALIDATOR_FAILED');
          expect(r.ok).toBe(r.errors === 0 && r.submission !== null);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a valid sheet with random cells overwritten', () => {
    fc.assert(
      fc.property(
        sheetArb,
        fc.array(fc.tuple(fc.nat(30), fc.nat(13), cell), { maxLength: 12 }),
        (s, edits) => {
          const g = toGrid(s).map((row) => [...row]) as unknown[][];
          for (const [r, c, v] of edits) {
            while (g.length <= r) g.push([]);
            (g[r] as unknown[])[c] = v;
          }
          const r = validate({ values: g }, { plan, agency: s.agency, period: period.code });
          expect(r.findings.map((f) => f.code)).not.toContain('VALIDATOR_FAILED');
        },
      ),
      { numRuns: 200 },
    );
  });
});
