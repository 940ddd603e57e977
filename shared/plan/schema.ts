// The zod schema of a plan definition: what any district's plan must
// provide so that it loads without code changes. Cross-references (agency
// and group codes, task IDs, section order) are checked here too, so a
// plan that parses is one the rest of the system can trust.
import * as z from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Text = z.string().trim().min(1);

/** Stable, ASCII, URL- and sheet-name-safe code: `P-TP`, `THON-01`. */
export const AgencyCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/, 'A-Z, 0-9 and single dashes, e.g. P-TP')
  .max(24);

export const AGENCY_KINDS = [
  'office',
  'village',
  'mass-organisation',
  'party-body',
  'steering-committee',
] as const;
export const AgencyKindSchema = z.enum(AGENCY_KINDS);

export const AgencySchema = z.object({
  code: AgencyCodeSchema,
  name: Text,
  shortName: Text.max(40),
  kind: AgencyKindSchema,
  /** The office that collects the reports and merges them. Exactly one. */
  coordinator: z.boolean().optional(),
  /** A name the plan does not give (e.g. the six villages): to be renamed. */
  placeholder: z.boolean().optional(),
  /** Where the plan names this body. */
  source: z.string().optional(),
  note: z.string().optional(),
});

export const GroupSchema = z.object({
  code: AgencyCodeSchema,
  /** The phrase as the plan writes it. */
  text: Text,
  /** Agency or group codes. */
  members: z.array(AgencyCodeSchema).min(1),
  /** Why these members: the documented rule. */
  rule: Text,
});

export const TASK_FIELDS = [
  'number',
  'content',
  'lead',
  'coordinating',
  'product',
  'timeline',
] as const;

/** One repair of the seed's extraction damage, kept next to the data. */
export const RepairSchema = z.object({
  field: z.enum(TASK_FIELDS),
  /** The cell exactly as in the seed (a wrapped continuation joined by "\n"). */
  seed: z.string(),
  repaired: z.string(),
  reason: Text,
});

/** A repair that applies wherever its seed text occurs in the given fields. */
export const TextRepairSchema = z.object({
  seed: Text,
  repaired: Text,
  fields: z.array(z.enum(TASK_FIELDS)).min(1),
  reason: Text,
});

export const ResponsibleSchema = z.object({
  /** The cell as the plan prints it (after repairs). */
  text: Text,
  /** Agency or group codes the text stands for. */
  refs: z.array(AgencyCodeSchema).min(1),
});

export const SectionIdSchema = z.string().regex(/^[IVXLC]+$/, 'a Roman numeral');
export const TaskIdSchema = z.string().regex(/^[IVXLC]+\.[1-9]\d*$/, 'e.g. I.1 or V.4');

export const SectionSchema = z.object({ id: SectionIdSchema, title: Text });

export const TaskSchema = z.object({
  id: TaskIdSchema,
  section: SectionIdSchema,
  /** The number printed in the TT column; null where the plan prints none. */
  printedNumber: z.string().nullable(),
  content: Text,
  lead: ResponsibleSchema,
  coordinating: ResponsibleSchema,
  product: Text,
  timeline: Text,
  repairs: z.array(RepairSchema),
});

const PlanShape = z.object({
  schemaVersion: z.literal(1),
  /** Machine ID used in sheet metadata and URLs. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/)
    .max(40),
  /** The number as printed: 58/KH-UBND. */
  number: Text,
  issuer: z.object({
    name: Text,
    shortName: Text,
    /** Lines of the issuing-body block of a Decree 30 header, top to bottom. */
    headerLines: z.array(Text).min(1),
    parent: Text,
  }),
  place: Text,
  dates: z.object({ header: IsoDate, appendix: IsoDate, effective: IsoDate, note: z.string() }),
  title: Text,
  shortTitle: Text,
  appendixTitle: Text,
  reporting: z.object({ coordinator: AgencyCodeSchema, frequency: Text, recipient: Text }),
  source: z.object({ seedFile: Text }),
  textRepairs: z.array(TextRepairSchema),
  agencies: z.array(AgencySchema).min(1),
  groups: z.array(GroupSchema),
  sections: z.array(SectionSchema).min(1),
  tasks: z.array(TaskSchema).min(1),
});

export const PlanDefinitionSchema = PlanShape.superRefine((plan, ctx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  const agencyCodes = new Set<string>();
  plan.agencies.forEach((a, i) => {
    if (agencyCodes.has(a.code)) issue(['agencies', i, 'code'], `duplicate agency ${a.code}`);
    agencyCodes.add(a.code);
  });
  const coordinators = plan.agencies.filter((a) => a.coordinator);
  if (coordinators.length !== 1) issue(['agencies'], 'exactly one agency must be the coordinator');
  if (
    !agencyCodes.has(plan.reporting.coordinator) ||
    coordinators[0]?.code !== plan.reporting.coordinator
  ) {
    issue(['reporting', 'coordinator'], 'must be the agency marked coordinator');
  }

  const groupCodes = new Map(plan.groups.map((g) => [g.code, g]));
  plan.groups.forEach((g, i) => {
    if (agencyCodes.has(g.code)) issue(['groups', i, 'code'], `${g.code} is also an agency code`);
    g.members.forEach((m, j) => {
      if (!agencyCodes.has(m) && !groupCodes.has(m)) {
        issue(['groups', i, 'members', j], `unknown agency or group ${m}`);
      }
    });
  });
  // Groups may contain groups, but never themselves (directly or not).
  const visiting = new Set<string>();
  const cyclic = (code: string): boolean => {
    const g = groupCodes.get(code);
    if (!g) return false;
    if (visiting.has(code)) return true;
    visiting.add(code);
    const found = g.members.some(cyclic);
    visiting.delete(code);
    return found;
  };
  plan.groups.forEach((g, i) => {
    if (cyclic(g.code)) issue(['groups', i], `group ${g.code} contains itself`);
  });

  const sectionIndex = new Map(plan.sections.map((s, i) => [s.id, i]));
  if (sectionIndex.size !== plan.sections.length) issue(['sections'], 'duplicate section id');
  const taskIds = new Set<string>();
  let lastSection = -1;
  let lastNumber = 0;
  for (const [i, t] of plan.tasks.entries()) {
    if (taskIds.has(t.id)) issue(['tasks', i, 'id'], `duplicate task ${t.id}`);
    taskIds.add(t.id);
    const s = sectionIndex.get(t.section);
    if (s === undefined) {
      issue(['tasks', i, 'section'], `unknown section ${t.section}`);
      continue;
    }
    const [sec, num] = t.id.split('.');
    if (sec !== t.section) issue(['tasks', i, 'id'], `${t.id} is not in section ${t.section}`);
    // Tasks run in appendix order: sections in order, numbers 1, 2, 3… in each.
    const n = Number(num);
    if (s < lastSection) issue(['tasks', i], `${t.id} is out of appendix order`);
    const expected = s === lastSection ? lastNumber + 1 : 1;
    if (n !== expected) issue(['tasks', i, 'id'], `expected ${t.section}.${expected}, got ${t.id}`);
    lastSection = s;
    lastNumber = n;
    for (const role of ['lead', 'coordinating'] as const) {
      t[role].refs.forEach((r, j) => {
        if (!agencyCodes.has(r) && !groupCodes.has(r)) {
          issue(['tasks', i, role, 'refs', j], `unknown agency or group ${r}`);
        }
      });
    }
  }
});

export type PlanDefinition = z.infer<typeof PlanDefinitionSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type AgencyKind = z.infer<typeof AgencyKindSchema>;
export type AgencyGroup = z.infer<typeof GroupSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Repair = z.infer<typeof RepairSchema>;
