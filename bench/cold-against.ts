// npm run bench:cold -- <checkout> [starts]: a fresh isolate's first upload
// (bench/workerd/cold.ts) for this checkout and another one, started in
// turn, one start at a time, so that both meet the same machine load; prints
// each one's figures and the ratio of the medians (this one's over the
// other's). Issue 15 item 5 compares with the tree the issue was filed
// against, which predates the harness; docs/benchmarks.md says how to
// prepare it:
//   git worktree add --detach ../before 69cb007 && (cd ../before && npm ci)
//   for f in upload empty; do git show d3d39c0:bench/workerd/$f.ts > ../before/bench/workerd/$f.ts; done
//   npm run bench:cold -- ../before
// Prints figures; asserts nothing.
import { resolve } from 'node:path';
import { ROOT } from '../scripts/lib/wrangler.ts';
import { type ColdFigures, coldUpload } from './workerd/cold.ts';
import { median, range } from './workerd/table.ts';
import { filledTemplate, UPLOAD_AGENCY, UPLOAD_PERIOD } from './workloads.ts';

const [other, startsArg] = process.argv.slice(2);
if (!other) {
  console.error('usage: npm run bench:cold -- <other checkout> [starts, 6 by default]');
  process.exit(2);
}
const starts = Number(startsArg ?? 6);
const trees = { other: resolve(other), this: ROOT };
const input = { bytes: filledTemplate().bytes, agency: UPLOAD_AGENCY, period: UPLOAD_PERIOD };
const figures: Record<keyof typeof trees, ColdFigures> = {
  other: { startup: [], first: [], second: [] },
  this: { startup: [], first: [], second: [] },
};
for (let i = 0; i < starts; i++) {
  for (const key of ['other', 'this'] as const) {
    const f = await coldUpload(trees[key], input, 1);
    figures[key].first.push(...f.first);
    figures[key].second.push(...f.second);
    figures[key].startup.push(...f.startup);
    console.log(`${trees[key]}: first upload ${f.first[0]?.toFixed(1)} ms CPU`);
  }
}
for (const key of ['other', 'this'] as const) {
  const f = figures[key];
  console.log(
    `${trees[key]}: first upload ${median(f.first).toFixed(1)} ms CPU (range ${range(f.first)}), ` +
      `second ${median(f.second).toFixed(1)} ms, start-up over an empty Worker's ${median(f.startup).toFixed(0)} ms`,
  );
}
console.log(
  `cold upload, this checkout over the other, same run: ×${(median(figures.this.first) / median(figures.other.first)).toFixed(2)} ` +
    `(medians of ${starts} starts each)`,
);
