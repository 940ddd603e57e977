// The plan this Worker serves. Agency names may be edited in D1; the plan's
// structure (tasks, assignments) comes from shared/ and is the same everywhere.
export { lySon58 as plan } from '../../shared/plan/index.ts';
