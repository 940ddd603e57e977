// The bench Worker: runs one workload of bench/workloads.ts n times in one
// request, so bench/workerd.bench.ts can read workerd's CPU time from outside
// (inside workerd the clocks only advance on I/O: a request cannot time
// itself). GET /run?op=<name>&n=<count> answers {op, n, bytes} as JSON; an
// unknown op is a 404. Not part of the product: never deployed.
import { type Workload, workloads } from '../workloads.ts';

let all: Record<string, Workload> | undefined;

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/run') return new Response('not found', { status: 404 });
    const op = url.searchParams.get('op') ?? '';
    const n = Number(url.searchParams.get('n') ?? '1');
    all ??= await workloads();
    const workload = all[op];
    if (!workload || !Number.isInteger(n) || n < 0) {
      return new Response(`no such workload: ${op}`, { status: 404 });
    }
    let bytes = 0;
    for (let i = 0; i < n; i++) bytes = await workload.run();
    return Response.json({ op, n, bytes });
  },
};
