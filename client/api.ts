// The one client of the Worker's API, for the task pane and the web page.
// JSON calls go through Hono's typed client over AppType, so paths, params,
// bodies and answers are checked against the routes at compile time; the
// .xlsx downloads and the multipart upload use fetch on the same paths.
// Every failure becomes an ApiFailure (client/request.ts) carrying the API's
// bilingual message, and findings for a report that did not pass.
import {
  type ClientResponse,
  hc,
  type InferRequestType,
  type InferResponseType,
} from 'hono/client';
import type { ResponseFormat } from 'hono/types';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { Submission } from '../shared/submission/schema.ts';
import type { AppType } from '../worker/src/app.ts';
import { fileNameFrom } from './content-disposition.ts';
import { FILE_TIMEOUT_MS, send } from './request.ts';

/** What a typed-client answer's body is when it succeeded (2xx). */
type OkBody<R> =
  R extends ClientResponse<infer T, infer U, infer F>
    ? U extends SuccessStatusCode
      ? F extends 'json'
        ? T
        : never
      : never
    : never;

/** The body of a successful typed-client answer, or an ApiFailure. */
async function json<R extends ClientResponse<unknown, number, ResponseFormat>>(
  request: (init: RequestInit) => Promise<R>,
): Promise<OkBody<R>> {
  const res = await send((signal) => request({ signal }));
  return (await res.json()) as OkBody<R>;
}

/** A downloaded file: its bytes and the name the Worker gave it (Content-Disposition). */
export interface Download {
  blob: Blob;
  name: string;
}

/** A template started from an earlier accepted report: the file, and which report it started from. */
export interface StartedTemplate extends Download {
  /** `X-Start-From`: the period and version it started from, or null when there was none (blank). */
  startFrom: { period: string; version: number } | null;
}

/** `X-Start-From: period=2026-Q1; version=2` (or `none`) as a value; null when absent or none. */
export function startFromHeader(value: string | null): StartedTemplate['startFrom'] {
  const m = value ? /period=([^;\s]+)\s*;\s*version=(\d+)/.exec(value) : null;
  return m?.[1] && m[2] ? { period: m[1], version: Number(m[2]) } : null;
}

export interface UploadResult {
  /** 201 for a new version, 200 for a replay or unchanged content. */
  status: number;
  receipt: UploadReceipt;
}

function makeClient(origin: string, key: string, fetchImpl?: typeof fetch) {
  return hc<AppType>(origin, {
    headers: { authorization: `Bearer ${key}` },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

// Answers and bodies typed from the routes themselves, so neither app can drift from the Worker.
type Client = ReturnType<typeof makeClient>;
type Periods = Client['api']['periods'];
type OnePeriod = Periods[':period'];

export type Me = InferResponseType<Client['api']['me']['$get'], 200>;
export type PeriodList = InferResponseType<Periods['$get'], 200>;
export type PeriodItem = PeriodList['periods'][number];
export type Completeness = InferResponseType<OnePeriod['submissions']['$get'], 200>;
export type CompletenessRow = Completeness['agencies'][number];
export type History = InferResponseType<OnePeriod['submissions'][':agency']['$get'], 200>;
export type Version = History['versions'][number];
/** A coordinator's note on one task (and field) of a returned version. */
export type ReviewNoteItem = Version['notes'][number];
export type Diff = InferResponseType<OnePeriod['submissions'][':agency']['diff']['$get'], 200>;
/**
 * The report a version holds, as the validator made it (shared/submission/schema.ts):
 * the route sends the stored JSON as it is, so its type is given here.
 */
export const submissionOf = (v: Version): Submission => v.submission as Submission;
/** One review of a version (its history, oldest first): who, when, the outcome, comment and notes. */
export type VersionReview = Version['reviews'][number];
export type DiffChange = Diff['changes'][number];
export type PlanAnswer = InferResponseType<Client['api']['plan']['$get'], 200>;
export type CarryForward = InferResponseType<OnePeriod['carry-forward']['$get'], 200>;
/** The receipt of a report sent as JSON (the task pane). */
export type Receipt = InferResponseType<OnePeriod['submissions']['$post'], 200 | 201>;
/** The receipt of an uploaded .xlsx (the web page): a Receipt and the sheet read. */
export type UploadReceipt = InferResponseType<OnePeriod['uploads']['$post'], 200 | 201>;
export type KeyList = InferResponseType<Client['api']['keys']['$get'], 200>;
export type KeyItem = KeyList['keys'][number];
export type NewKey = InferResponseType<Client['api']['keys']['$post'], 201>;
export type AgencyList = InferResponseType<Client['api']['agencies']['$get'], 200>;
export type AgencyItem = AgencyList['agencies'][number];
export type SubmissionBody = InferRequestType<OnePeriod['submissions']['$post']>['json'];
export type ReviewBody = InferRequestType<
  OnePeriod['submissions'][':agency']['review']['$post']
>['json'];
export type PeriodPatch = InferRequestType<OnePeriod['$patch']>['json'];
export type KeyRequest = InferRequestType<Client['api']['keys']['$post']>['json'];
export type DocumentSettingsBody = InferRequestType<
  Client['api']['settings']['document']['$put']
>['json'];

/**
 * The API as `key` (an access key, sent as a bearer token) may use it, on the
 * Worker at `origin`. `fetchImpl` stands in for fetch in tests.
 */
export function apiClient(origin: string, key: string, fetchImpl?: typeof fetch) {
  const client = makeClient(origin, key, fetchImpl);
  const doFetch = fetchImpl ?? ((input, init) => fetch(input, init));
  const authorization = `Bearer ${key}`;

  /** A file fetched with the key (GET, or POST with `body`) and the answer's headers. */
  async function fetchFile(
    url: URL,
    fallbackName: string,
    body?: FormData,
  ): Promise<Download & { headers: Headers }> {
    const res = await send(
      (signal) =>
        doFetch(url, {
          headers: { authorization },
          signal,
          ...(body ? { method: 'POST', body } : {}),
        }),
      FILE_TIMEOUT_MS,
    );
    return {
      blob: await res.blob(),
      name: fileNameFrom(res.headers.get('content-disposition'), fallbackName),
      headers: res.headers,
    };
  }

  async function download(url: URL, fallbackName: string): Promise<Download> {
    const { blob, name } = await fetchFile(url, fallbackName);
    return { blob, name };
  }

  /** The multipart body of an upload: the file in field `file`. */
  function fileForm(file: Blob, fileName: string): FormData {
    const form = new FormData();
    form.append('file', file, fileName);
    return form;
  }

  return {
    me: () => json((init) => client.api.me.$get(undefined, { init })),
    periods: () => json((init) => client.api.periods.$get({ query: {} }, { init })),
    agencies: () => json((init) => client.api.agencies.$get(undefined, { init })),
    completeness: (period: string) =>
      json((init) =>
        client.api.periods[':period'].submissions.$get({ param: { period } }, { init }),
      ),
    history: (period: string, agency: string) =>
      json((init) =>
        client.api.periods[':period'].submissions[':agency'].$get(
          { param: { period, agency } },
          { init },
        ),
      ),
    /** The plan (sections, tasks in appendix order, agencies as D1 names them) and each agency's tasks. */
    plan: () => json((init) => client.api.plan.$get(undefined, { init })),
    /**
     * The cells that changed between two versions of an agency's report;
     * `from` defaults to the version last returned (else the one before), `to` to the latest.
     */
    diff: (period: string, agency: string, versions: { from?: string; to?: string } = {}) => {
      // The route reads its query itself (no validator), so the typed client does not list it.
      const args = { param: { period, agency }, query: versions };
      return json((init) =>
        client.api.periods[':period'].submissions[':agency'].diff.$get(args, { init }),
      );
    },
    /** What `agency` starts `period` from: its last accepted earlier report (status, percent, products). */
    carryForward: (period: string, agency: string) =>
      json((init) => {
        const args = { param: { period }, query: { agency } };
        return client.api.periods[':period']['carry-forward'].$get(args, { init });
      }),
    /**
     * A report checked in Excel, sent as JSON with an Idempotency-Key derived
     * from its content: a retry after a lost answer gets the first receipt.
     */
    submit: (period: string, body: SubmissionBody, idempotencyKey: string) =>
      json((init) =>
        client.api.periods[':period'].submissions.$post(
          { param: { period }, json: body },
          { init, headers: { 'idempotency-key': idempotencyKey } },
        ),
      ),
    review: (period: string, agency: string, body: ReviewBody) =>
      json((init) =>
        client.api.periods[':period'].submissions[':agency'].review.$post(
          { param: { period, agency }, json: body },
          { init },
        ),
      ),
    patchPeriod: (period: string, patch: PeriodPatch) =>
      json((init) =>
        client.api.periods[':period'].$patch({ param: { period }, json: patch }, { init }),
      ),
    reopen: (period: string, agency: string, reason: string) =>
      json((init) =>
        client.api.periods[':period'].reopenings.$post(
          { param: { period }, json: { agency, reason } },
          { init },
        ),
      ),
    closeReopening: (period: string, agency: string) =>
      json((init) =>
        client.api.periods[':period'].reopenings[':agency'].$delete(
          { param: { period, agency } },
          { init },
        ),
      ),
    /** Renames an agency (coordinator): its name everywhere, and no longer a placeholder. */
    renameAgency: (code: string, patch: { name?: string; shortName?: string }) =>
      json((init) =>
        client.api.agencies[':code'].$patch({ param: { code }, json: patch }, { init }),
      ),
    keys: () => json((init) => client.api.keys.$get(undefined, { init })),
    issueKey: (agency: string, role: KeyRequest['role'], label?: string) =>
      json((init) =>
        client.api.keys.$post(
          { json: label ? { agency, role, label } : { agency, role } },
          { init },
        ),
      ),
    /**
     * Revokes a key (coordinator). The key making the request is revoked only
     * with `self: true` (the API's `?confirm=self`); the last active
     * coordinator key never (409 LAST_COORDINATOR_KEY).
     */
    revokeKey: (prefix: string, { self = false }: { self?: boolean } = {}) =>
      json((init) => {
        // The route reads its query itself (no validator), so the typed client does not list it.
        const args = { param: { prefix }, query: self ? { confirm: 'self' } : {} };
        return client.api.keys[':prefix'].$delete(args, { init });
      }),
    /** The document settings the printed reports use (coordinator); null where not set. */
    documentSettings: () => json((init) => client.api.settings.document.$get(undefined, { init })),
    /** Replaces the document settings (coordinator); answers them as stored. */
    saveDocumentSettings: (settings: DocumentSettingsBody) =>
      json((init) => client.api.settings.document.$put({ json: settings }, { init })),

    /** The merged district workbook (coordinator); it can be large on a slow link. */
    mergedWorkbook: (period: string) =>
      download(
        client.api.periods[':period']['workbook.xlsx'].$url({ param: { period } }),
        `Tong-hop-${period}.xlsx`,
      ),
    /** The district's written report of the period (.docx, Decree 30/2020 form; coordinator). */
    reportDocx: (period: string) =>
      download(
        client.api.periods[':period']['report.docx'].$url({ param: { period } }),
        `Bao-cao-${period}.docx`,
      ),
    /** An agency's blank progress sheet. */
    template: (period: string, agency: string) =>
      download(
        client.api.periods[':period']['template.xlsx'].$url({
          param: { period },
          query: { agency },
        }),
        `Bieu-mau-${agency}-${period}.xlsx`,
      ),
    /**
     * The agency's template started from its last accepted report of an
     * earlier period (status, percent, products filled in), with the period
     * and version it started from (`X-Start-From`), or null: a blank template.
     */
    templateFromLastAccepted: async (period: string, agency: string): Promise<StartedTemplate> => {
      const url = client.api.periods[':period']['template.xlsx'].$url({
        param: { period },
        query: { agency, start: 'last-accepted' },
      });
      const { blob, name, headers } = await fetchFile(url, `Bieu-mau-${agency}-${period}.xlsx`);
      return { blob, name, startFrom: startFromHeader(headers.get('x-start-from')) };
    },
    /** One stored version of an agency's report, drawn on its template (.xlsx). */
    versionWorkbook: (period: string, agency: string, version: number) =>
      download(
        client.api.periods[':period'].submissions[':agency'].versions[':file'].$url({
          param: { period, agency, file: `${version}.xlsx` },
        }),
        `Bao-cao-KH58-${agency}-${period}-v${version}.xlsx`,
      ),
    /**
     * A refused file sent back with each finding's cell filled (error red,
     * warning amber) and noted; nothing is stored. Same multipart as upload.
     */
    annotatedUpload: async (period: string, file: Blob, fileName: string): Promise<Download> => {
      const url = new URL(`/api/periods/${encodeURIComponent(period)}/uploads/annotated`, origin);
      const { blob, name } = await fetchFile(url, fileName, fileForm(file, fileName));
      return { blob, name };
    },
    /**
     * A filled template, as multipart/form-data (field `file`). The
     * Idempotency-Key is made once per chosen file, so a retry after a
     * timeout gets the first receipt instead of a second version.
     */
    upload: async (
      period: string,
      file: Blob,
      fileName: string,
      idempotencyKey: string,
    ): Promise<UploadResult> => {
      const form = fileForm(file, fileName);
      const url = new URL(`/api/periods/${encodeURIComponent(period)}/uploads`, origin);
      const res = await send(
        (signal) =>
          doFetch(url, {
            method: 'POST',
            headers: { authorization, 'idempotency-key': idempotencyKey },
            body: form,
            signal,
          }),
        FILE_TIMEOUT_MS,
      );
      return { status: res.status, receipt: (await res.json()) as UploadReceipt };
    },
  };
}

export type Api = ReturnType<typeof apiClient>;
