// Limits of a submission, apart from its zod schema (schema.ts) so that the
// validator can enforce them without carrying zod into the task pane.

/** The most task rows one submission holds. */
export const MAX_SUBMISSION_ROWS = 10_000;
