// Who reports on which task, computed from the plan's own words.
//
// The rule (documented in docs/shared-core.md, tested by hand-written expectations):
// 1. A task's lead and coordinating cells each stand for agency codes and
//    group codes; groups expand to their members, groups inside groups too.
// 2. An agency named directly keeps the role it is named in: a group never
//    adds an agency that the same task names directly in the other role
//    (the coordinator named as "phối hợp" is not also "chủ trì" through
//    "các phòng, ban… có liên quan").
// 3. An agency reached through both roles' groups is lead (lead wins).
// 4. Every member of a group reports on the task (DOMAIN: a group is not one
//    body). Agencies are listed in registry order, lead before coordinating.
import type { TaskRole } from '../vocabulary/index.ts';
import type { PlanDefinition } from './schema.ts';

export type { TaskRole };

export interface TaskResponsibility {
  lead: string[];
  coordinating: string[];
}

export function expandRefs(def: PlanDefinition, refs: readonly string[]): Set<string> {
  const groups = new Map(def.groups.map((g) => [g.code, g.members]));
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (code: string) => {
    const members = groups.get(code);
    if (!members) {
      out.add(code);
      return;
    }
    if (seen.has(code)) return; // the schema rejects cycles; stay safe anyway
    seen.add(code);
    members.forEach(visit);
  };
  refs.forEach(visit);
  return out;
}

export function computeResponsibilities(def: PlanDefinition): Map<string, TaskResponsibility> {
  const agencyOrder = new Map(def.agencies.map((a, i) => [a.code, i]));
  const isAgency = (code: string) => agencyOrder.has(code);
  const ordered = (codes: Iterable<string>) =>
    [...codes].sort((a, b) => (agencyOrder.get(a) ?? 0) - (agencyOrder.get(b) ?? 0));

  const result = new Map<string, TaskResponsibility>();
  for (const task of def.tasks) {
    const directLead = new Set(task.lead.refs.filter(isAgency));
    const directCoord = new Set(task.coordinating.refs.filter(isAgency));
    const viaLead = expandRefs(
      def,
      task.lead.refs.filter((r) => !isAgency(r)),
    );
    const viaCoord = expandRefs(
      def,
      task.coordinating.refs.filter((r) => !isAgency(r)),
    );

    const lead = new Set(directLead);
    for (const a of viaLead) if (!directCoord.has(a)) lead.add(a);
    const coordinating = new Set<string>();
    for (const a of [...directCoord, ...viaCoord]) if (!lead.has(a)) coordinating.add(a);

    result.set(task.id, { lead: ordered(lead), coordinating: ordered(coordinating) });
  }
  return result;
}
