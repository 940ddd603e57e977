// The bench Worker for a cold upload: the product Worker (worker/src/index.ts,
// so that a fresh isolate loads and evaluates what a deployed one does)
// plus two routes of its own, started fresh for each measurement by
// bench/workerd/cold.ts with the product's wrangler.toml (minified, its
// aliases). POST /upload?agency=&period= reads and checks the .xlsx in the
// body as POST /api/periods/{period}/uploads does, less D1 (no key, no
// earlier report, nothing stored): inflateEntries, readWorkbook, chooseProgressSheet,
// validate; it answers {errors}. POST /body only reads the body: the
// request's own cost. Not part of the product: never deployed.
import { validate } from '../../shared/validate/index.ts';
import { chooseProgressSheet, DEFAULT_LIMITS, readWorkbook } from '../../shared/workbook/index.ts';
import app from '../../worker/src/index.ts';
import { inflateEntries } from '../../worker/src/lib/inflate-entries.ts';
import { plan } from '../../worker/src/plan.ts';

export default {
  async fetch(...args: Parameters<typeof app.fetch>): Promise<Response> {
    const [request] = args;
    const url = new URL(request.url);
    if (url.pathname === '/body')
      return Response.json({ bytes: (await request.arrayBuffer()).byteLength });
    if (url.pathname !== '/upload') return app.fetch(...args);
    const agency = url.searchParams.get('agency') ?? '';
    const period = url.searchParams.get('period') ?? '';
    const bytes = new Uint8Array(await request.arrayBuffer());
    const book = readWorkbook(bytes, {}, await inflateEntries(bytes, DEFAULT_LIMITS));
    if (!book.ok) return new Response(book.problem.message.en, { status: 422 });
    const chosen = chooseProgressSheet(book, { agency, period });
    if (!chosen.ok) return new Response(chosen.problem.message.en, { status: 422 });
    return Response.json({ errors: validate(chosen.sheet.grid, { plan, agency, period }).errors });
  },
};
