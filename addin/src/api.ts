// The pane's calls to the Worker, through Hono's typed client over AppType
// (paths, params and bodies are checked against the routes at compile time).
// Every failure becomes client/request.ts's ApiFailure, which the UI explains
// and, when it is safe, offers to retry: submissions carry an
// Idempotency-Key, so a retry cannot store twice.
import { hc, type InferResponseType } from 'hono/client';
import { FILE_TIMEOUT_MS, send, TIMEOUT_MS } from '../../client/request.ts';
import type { AppType } from '../../worker/src/app.ts';

export { ApiFailure } from '../../client/request.ts';

import type { PeriodView } from './periods.ts';

// Answers typed from the routes themselves, so the pane cannot drift from the Worker.
type Client = ReturnType<typeof hc<AppType>>;
type OnePeriod = Client['api']['periods'][':period'];

export type Me = InferResponseType<Client['api']['me']['$get'], 200>;
export type Receipt = InferResponseType<OnePeriod['submissions']['$post'], 200 | 201>;
export type Completeness = InferResponseType<OnePeriod['submissions']['$get'], 200>;
export type CompletenessRow = Completeness['agencies'][number];

/** One JSON call: the answer's body, or an ApiFailure. */
async function call<T>(
  request: (
    init: RequestInit,
  ) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>,
  timeoutMs = TIMEOUT_MS,
): Promise<T> {
  const res = await send((signal) => request({ signal }), timeoutMs);
  return (await res.json()) as T;
}

export function apiClient(origin: string, key: string) {
  const client = hc<AppType>(origin, { headers: { authorization: `Bearer ${key}` } });
  return {
    me: () => call<Me>((init) => client.api.me.$get(undefined, { init })),
    periods: () =>
      call<{ today: string; periods: PeriodView[] }>((init) =>
        client.api.periods.$get({ query: {} }, { init }),
      ),
    submit: (
      period: string,
      body: Parameters<(typeof client.api.periods)[':period']['submissions']['$post']>[0]['json'],
      idempotencyKey: string,
    ) =>
      call<Receipt>((init) =>
        client.api.periods[':period'].submissions.$post(
          { param: { period }, json: body },
          { init, headers: { 'idempotency-key': idempotencyKey } },
        ),
      ),
    completeness: (period: string) =>
      call<Completeness>((init) =>
        client.api.periods[':period'].submissions.$get({ param: { period } }, { init }),
      ),
    /** The merged district workbook, as bytes (it can be large on a slow link). */
    mergedWorkbook: async (period: string): Promise<ArrayBuffer> => {
      const res = await send(
        (signal) =>
          client.api.periods[':period']['workbook.xlsx'].$get(
            { param: { period } },
            { init: { signal } },
          ),
        FILE_TIMEOUT_MS,
      );
      return res.arrayBuffer();
    },
  };
}

export type Api = ReturnType<typeof apiClient>;
