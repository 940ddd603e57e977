// The web page's state and actions (web/src/app.ts: the store and the action
// groups in web/src/actions/) over a stand-in API, no browser: sign-in and
// the key in the settings, progress while waiting, failures kept bilingual,
// one Idempotency-Key per chosen file, comments required before returning.
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../client/api.ts';
import { ApiFailure } from '../../client/request.ts';
import { settingsStore } from '../../client/settings.ts';
import { EMPTY_DOCUMENT_SETTINGS } from '../../shared/documents/index.ts';
import { App } from '../../web/src/app.ts';
import type { State } from '../../web/src/state.ts';

/** The page's localStorage names, as the e2e test reads them. */
const STORAGE = { key: 'ls58.web.key', lang: 'ls58.web.lang' } as const;

const KEY = 'lsk_abcdefgh_abcdefghijkmnpqrstuvwxyz234567';
const period = (code: string, kind: string, due: string, daysLeft: number) => ({
  code,
  year: Number(code.slice(0, 4)),
  kind,
  label: { vi: code, en: code },
  cutoff: { from: '2026-01-01', to: '2026-03-14' },
  due,
  graceDays: 3,
  deadline: due,
  daysLeft,
  locked: false,
  lockReason: null,
  own: null,
  reopenings: [],
});

function setup(
  role: 'coordinator' | 'agency' = 'coordinator',
  stored: Record<string, string> = {},
) {
  const store = new Map(Object.entries(stored));
  const api = {
    me: vi.fn(async () => ({
      role,
      keyPrefix: 'lsk_abcdefgh',
      label: 'x',
      agency: { code: role === 'coordinator' ? 'BTC-NV-LDTBXH' : 'P-TP', shortName: 'P-TP' },
      tasks: [],
    })),
    periods: vi.fn(async () => ({
      today: '2026-06-10',
      periods: [
        period('2026-Q1', 'Q1', '2026-03-17', -85),
        period('2026-Q2', 'Q2', '2026-06-16', 6),
        period('2026-H1', 'H1', '2026-06-16', 6),
      ],
    })),
    agencies: vi.fn(async () => ({ agencies: [] })),
    completeness: vi.fn(async () => ({ period: {}, totals: {}, agencies: [] })),
    history: vi.fn(async () => ({ versions: [] })),
    review: vi.fn(async () => ({ version: 1 })),
    upload: vi.fn(async () => ({ status: 201, receipt: { version: 2 } })),
    plan: vi.fn(async () => ({
      plan: {
        tasks: [
          { id: 'I.1', content: 'Tuyên truyền' },
          { id: 'I.2', content: 'Rà soát' },
        ],
      },
    })),
    diff: vi.fn(async () => ({
      period: '2026-H1',
      agency: 'P-TP',
      from: { period: '2026-H1', version: 1 },
      to: { period: '2026-H1', version: 2 },
      changes: [{ taskId: 'I.1', field: 'percent', before: 40, after: 60 }],
    })),
    templateFromLastAccepted: vi.fn(async () => ({
      blob: new Blob(['x']),
      name: 'Bieu-mau.xlsx',
      startFrom: { period: '2026-Q1', version: 2 } as { period: string; version: number } | null,
    })),
    versionWorkbook: vi.fn(async () => ({ blob: new Blob(['x']), name: 'v1.xlsx' })),
    annotatedUpload: vi.fn(async () => ({ blob: new Blob(['x']), name: 'loi.xlsx' })),
  };
  const renders: State[] = [];
  let n = 0;
  const app = new App({
    api: () => api as unknown as Api,
    settings: settingsStore('ls58.web.', () => ({
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    })),
    render: (s) => renders.push(s),
    save: vi.fn(),
    copy: vi.fn(async () => {}),
    newId: () => `id-${++n}`,
  });
  return { app, api, store, renders };
}

const failure401 = new ApiFailure('http', 401, 'UNAUTHENTICATED', {
  vi: 'Thiếu khóa',
  en: 'Missing key',
});

describe('sign-in', () => {
  it('stores the key, preselects the open scheduled period and loads its completeness', async () => {
    const { app, api, store } = setup();
    await app.session.signIn(`  ${KEY} `);
    expect(store.get(STORAGE.key)).toBe(KEY);
    // H1 and Q2 share a due date; H1 is the scheduled one.
    expect(app.state.period).toBe('2026-H1');
    expect(api.completeness).toHaveBeenCalledWith('2026-H1');
    expect(app.state.busy).toEqual([]);
  });

  it('shows progress while waiting, and ignores a second click', async () => {
    const { app, api, renders } = setup();
    const first = app.session.signIn(KEY);
    const second = app.session.signIn(KEY);
    await Promise.all([first, second]);
    expect(api.me).toHaveBeenCalledTimes(1);
    expect(renders.some((s) => s.busy.includes('signin'))).toBe(true);
  });

  it('refuses an empty key without calling the API', async () => {
    const { app, api } = setup();
    await app.session.signIn('   ');
    expect(api.me).not.toHaveBeenCalled();
    expect(app.state.failure).toMatchObject({ section: 'signin', code: 'KEY_EMPTY' });
    expect(app.state.failure?.text.vi).toBe('Hãy nhập khóa truy cập.');
  });

  it('forgets a stored key the server no longer accepts, keeps it on a network failure', async () => {
    const bad = setup('agency', { [STORAGE.key]: KEY });
    bad.api.me.mockRejectedValueOnce(failure401);
    await bad.app.session.start();
    expect(bad.store.has(STORAGE.key)).toBe(false);
    expect(bad.app.state.failure?.code).toBe('UNAUTHENTICATED');

    const offline = setup('agency', { [STORAGE.key]: KEY });
    offline.api.me.mockRejectedValueOnce(
      new ApiFailure('network', 0, 'NETWORK', { vi: 'mạng', en: 'network' }),
    );
    await offline.app.session.start();
    expect(offline.store.get(STORAGE.key)).toBe(KEY);
    expect(offline.app.state.key).toBe(KEY);
  });

  it('sign-out removes the key from storage and the page', async () => {
    const { app, store } = setup();
    await app.session.signIn(KEY);
    app.session.signOut();
    expect(store.has(STORAGE.key)).toBe(false);
    expect(app.state).toMatchObject({ key: null, me: null, periods: [], completeness: null });
  });

  it('remembers the language', () => {
    const { app, store } = setup();
    app.session.setLang('en');
    expect(store.get(STORAGE.lang)).toBe('en');
    expect(setup('agency', { [STORAGE.lang]: 'en' }).app.state.lang).toBe('en');
  });
});

describe('review', () => {
  it('a return needs a comment; with one it is sent and the table reloads', async () => {
    const { app, api } = setup();
    await app.session.signIn(KEY);
    app.coordinator.openReturn('P-TP');
    await app.coordinator.returnReport('P-TP', 1);
    expect(api.review).not.toHaveBeenCalled();
    expect(app.state.failure?.code).toBe('COMMENT_REQUIRED');
    app.setDraft('return-comment-P-TP', ' Bổ sung số liệu ');
    await app.coordinator.returnReport('P-TP', 1);
    expect(api.review).toHaveBeenCalledWith('2026-H1', 'P-TP', {
      action: 'return',
      comment: 'Bổ sung số liệu',
      version: 1,
    });
    expect(app.state.returning).toBeNull();
    expect(app.state.notice?.text.vi).toContain('Đã trả lại');
    expect(api.completeness).toHaveBeenCalledTimes(2);
  });
});

describe('agency names', () => {
  const village = {
    code: 'THON-01',
    name: 'Thôn 01 (chưa đặt tên)',
    shortName: 'Thôn 01',
    kind: 'village',
    coordinator: false,
    placeholder: true,
    reports: true,
  };
  it('opens the list once, sends only what changed, then reloads names and the table', async () => {
    const { app, api } = setup();
    const renamed = { ...village, name: 'Thôn Tây', shortName: 'Tây', placeholder: false };
    const calls: unknown[] = [];
    Object.assign(api, {
      agencies: vi
        .fn()
        .mockResolvedValueOnce({ agencies: [village] })
        .mockResolvedValue({ agencies: [renamed] }),
      renameAgency: vi.fn(async (code: string, patch: unknown) => {
        calls.push([code, patch]);
        return renamed;
      }),
    });
    await app.session.signIn(KEY);
    await app.agencies.open();
    expect(app.state.renaming).toBe(true);
    expect(app.state.agencies).toEqual([village]);
    await app.agencies.rename('THON-01'); // nothing typed: nothing sent
    expect(calls).toEqual([]);
    app.setDraft('agency-name-THON-01', '  Thôn Tây ');
    app.setDraft('agency-short-THON-01', 'Thôn 01');
    await app.agencies.rename('THON-01');
    expect(calls).toEqual([['THON-01', { name: 'Thôn Tây' }]]);
    expect(app.state.agencies[0]?.name).toBe('Thôn Tây');
    expect(app.state.notice?.section).toBe('agencies');
    expect(api.completeness).toHaveBeenCalledTimes(2);
  });
});

describe('document settings', () => {
  const loaded = {
    ...EMPTY_DOCUMENT_SETTINGS,
    issuingBody: 'CƠ QUAN THỬ NGHIỆM',
    recipients: ['Cơ quan nhận thử nghiệm'],
  };
  function withSettings() {
    const { app, api } = setup();
    const sent: unknown[] = [];
    Object.assign(api, {
      documentSettings: vi.fn(async () => loaded),
      saveDocumentSettings: vi.fn(async (body: unknown) => {
        sent.push(body);
        return body;
      }),
    });
    return { app, api, sent };
  }

  it('loads when opened; sends every field, lists one item per line, blanks as null', async () => {
    const { app, sent } = withSettings();
    await app.session.signIn(KEY);
    await app.document.open();
    expect(app.state.documentSettings).toEqual(loaded);
    app.setDraft('doc-place', '  Nơi thử nghiệm ');
    app.setDraft('doc-issuingBody', ' ');
    app.setDraft('doc-recipients', 'Cơ quan 1\n\n  Cơ quan 2  \r\n');
    app.setDraft('doc-signerLines', 'TM. CƠ QUAN THỬ NGHIỆM\nNGƯỜI KÝ');
    await app.document.save();
    expect(sent).toEqual([
      {
        ...EMPTY_DOCUMENT_SETTINGS,
        place: 'Nơi thử nghiệm',
        issuingBody: null,
        recipients: ['Cơ quan 1', 'Cơ quan 2'],
        signerLines: ['TM. CƠ QUAN THỬ NGHIỆM', 'NGƯỜI KÝ'],
      },
    ]);
    expect(app.state.documentSettings).toEqual(sent[0]);
    expect(app.state.notice?.section).toBe('document');
    expect(app.state.drafts['doc-place']).toBeUndefined();
  });

  it('refuses a bad field beside it, sending nothing; a 400 from the API names its field too', async () => {
    const { app, api, sent } = withSettings();
    await app.session.signIn(KEY);
    await app.document.open();
    app.setDraft('doc-copyTo', `Một\n${'x'.repeat(201)}`);
    await app.document.save();
    expect(sent).toEqual([]);
    expect(app.state.failure).toMatchObject({
      section: 'document',
      field: 'doc-copyTo',
      text: {
        vi: 'Dòng 2 quá dài: tối đa 200 ký tự.',
        en: 'Line 2 is too long: at most 200 characters.',
      },
    });
    app.setDraft('doc-copyTo', '');
    app.setDraft('doc-signerLines', '1\n2\n3\n4\n5');
    await app.document.save();
    expect(app.state.failure).toMatchObject({
      field: 'doc-signerLines',
      text: { en: 'At most 4 lines.' },
    });
    app.setDraft('doc-signerLines', '');
    app.setDraft('doc-numberSymbol', 'BC\tTN');
    await app.document.save();
    expect(app.state.failure?.field).toBe('doc-numberSymbol');
    // An invisible soft hyphen, as the Worker refuses it.
    app.setDraft('doc-numberSymbol', 'BC-TN');
    app.setDraft('doc-place', 'Nơi\u00adthử');
    await app.document.save();
    expect(app.state.failure?.field).toBe('doc-place');
    app.setDraft('doc-place', '');
    expect(sent).toEqual([]);

    app.setDraft('doc-numberSymbol', 'BC-TN');
    const refused = new ApiFailure(
      'http',
      400,
      'INVALID_REQUEST',
      { vi: 'Yêu cầu không đúng cấu trúc ở: recipients.0.', en: 'Bad request at: recipients.0.' },
      [],
      null,
      ['recipients.0'],
    );
    Object.assign(api, {
      saveDocumentSettings: vi.fn(async () => {
        throw refused;
      }),
    });
    await app.document.save();
    expect(app.state.failure).toMatchObject({
      section: 'document',
      field: 'doc-recipients',
      code: 'INVALID_REQUEST',
    });
  });
});

describe('upload', () => {
  it('one Idempotency-Key per chosen file, reused when that file is sent again', async () => {
    const { app, api } = setup('agency');
    await app.session.signIn(KEY);
    const file = new File([new Uint8Array([0x50, 0x4b])], 'bao-cao.xlsx');
    app.upload.chooseFile(file);
    const key = app.state.upload?.idempotencyKey;
    expect(key).toBe('web-id-1');
    api.upload.mockRejectedValueOnce(
      new ApiFailure('timeout', 0, 'TIMEOUT', { vi: 'hết giờ', en: 'timeout' }),
    );
    await app.upload.send();
    expect(app.state.failure).toMatchObject({ section: 'upload', retryable: true });
    await app.upload.send();
    expect(api.upload.mock.calls.map((c) => (c as unknown[])[3])).toEqual([key, key]);
    expect(app.state.uploadOutcome?.receipt.version).toBe(2);
    // Choosing a file again (even the same one) is a new submission attempt.
    app.upload.chooseFile(file);
    expect(app.state.upload?.idempotencyKey).toBe('web-id-2');
  });

  it('without a file says so and sends nothing', async () => {
    const { app, api } = setup('agency');
    await app.session.signIn(KEY);
    await app.upload.send();
    expect(api.upload).not.toHaveBeenCalled();
    expect(app.state.failure?.code).toBe('NO_FILE');
  });

  it('keeps the findings of a refused upload for the view', async () => {
    const { app, api } = setup('agency');
    await app.session.signIn(KEY);
    const finding = {
      code: 'STATUS_REQUIRED',
      severity: 'error',
      cell: 'F7',
      message: { vi: 'Chưa chọn tình trạng', en: 'No status' },
    } as const;
    api.upload.mockRejectedValueOnce(
      new ApiFailure(
        'http',
        422,
        'VALIDATION_FAILED',
        { vi: 'lỗi', en: 'errors' },
        [finding as never],
        'P-TP 2026-H1',
      ),
    );
    app.upload.chooseFile(new File(['x'], 'a.xlsx'));
    await app.upload.send();
    expect(app.state.failure).toMatchObject({
      section: 'upload',
      code: 'VALIDATION_FAILED',
      sheet: 'P-TP 2026-H1',
      findings: [finding],
      retryable: false,
    });
  });
});

/** A stored version as GET …/submissions/{agency} lists it (newest first). */
const version = (v: number, reviewState: string, reviews: unknown[] = []) => ({
  version: v,
  receivedAt: '2026-06-10T02:00:00.000Z',
  submittedBy: 'P-TP',
  contentHash: 'ab'.repeat(32),
  warnings: [],
  reviewState,
  reviews,
  notes: [],
  submission: {
    rows: [
      { taskId: 'I.1', status: 'in-progress', percent: 60 },
      { taskId: 'I.2', status: 'done', percent: 100 },
    ],
  },
});

describe('reading a report before deciding', () => {
  it('opens the report with the plan’s task names and the changes since the returned version', async () => {
    const { app, api } = setup();
    api.history.mockResolvedValue({
      versions: [version(2, 'received'), version(1, 'returned')],
    } as never);
    await app.session.signIn(KEY);
    await app.review.open('P-TP');
    expect(api.history).toHaveBeenCalledWith('2026-H1', 'P-TP');
    expect(api.diff).toHaveBeenCalledWith('2026-H1', 'P-TP', {});
    expect(app.state.tasks?.['I.1']?.content).toBe('Tuyên truyền');
    expect(app.state.report).toMatchObject({ agency: 'P-TP', compare: 'returned' });
    expect(app.state.report?.diff?.changes).toHaveLength(1);
    await app.review.compare('previous-period');
    expect(api.diff).toHaveBeenLastCalledWith('2026-H1', 'P-TP', { from: 'previous-period' });
    expect(app.state.report?.compare).toBe('previous-period');
  });

  it('with one version there is nothing to compare: no diff is asked for', async () => {
    const { app, api } = setup();
    api.history.mockResolvedValue({ versions: [version(1, 'received')] } as never);
    await app.session.signIn(KEY);
    await app.review.open('P-TP');
    expect(api.diff).not.toHaveBeenCalled();
    expect(app.state.report?.diff).toBeNull();
  });

  it('notes need a text; several can be added and one removed; a return needs its comment', async () => {
    const { app, api } = setup();
    api.history.mockResolvedValue({ versions: [version(1, 'received')] } as never);
    await app.session.signIn(KEY);
    await app.review.open('P-TP');
    app.review.addNote();
    expect(app.state.failure).toMatchObject({ code: 'NOTE_TEXT_REQUIRED', field: 'note-text' });
    app.setDraft('note-text', 'Tỷ lệ chưa khớp');
    app.setDraft('note-field', 'percent');
    app.review.addNote();
    app.setDraft('note-task', 'I.2');
    app.setDraft('note-field', '');
    app.setDraft('note-text', 'Thiếu sản phẩm');
    app.review.addNote();
    app.setDraft('note-text', 'Bỏ ghi chú này');
    app.review.addNote();
    app.review.removeNote(2);
    expect(app.state.report?.notes).toEqual([
      { taskId: 'I.1', field: 'percent', text: 'Tỷ lệ chưa khớp' },
      { taskId: 'I.2', field: null, text: 'Thiếu sản phẩm' },
    ]);
    await app.review.returnReport();
    expect(api.review).not.toHaveBeenCalled();
    expect(app.state.failure).toMatchObject({ code: 'COMMENT_REQUIRED', field: 'review-comment' });
    app.setDraft('review-comment', ' Sửa các ô đã ghi chú ');
    await app.review.returnReport();
    expect(api.review).toHaveBeenCalledWith('2026-H1', 'P-TP', {
      action: 'return',
      version: 1,
      comment: 'Sửa các ô đã ghi chú',
      notes: [
        { taskId: 'I.1', field: 'percent', text: 'Tỷ lệ chưa khớp' },
        { taskId: 'I.2', text: 'Thiếu sản phẩm' },
      ],
    });
    expect(app.state.report?.notes).toEqual([]);
    expect(app.state.notice).toMatchObject({ section: 'report' });
    expect(api.history).toHaveBeenCalledTimes(2);
  });

  it('an API refusal of a note is shown in the report, the notes kept to fix', async () => {
    const { app, api } = setup();
    api.history.mockResolvedValue({ versions: [version(1, 'received')] } as never);
    api.review.mockRejectedValueOnce(
      new ApiFailure('http', 400, 'INVALID_REQUEST', {
        vi: 'notes.0.taskId',
        en: 'notes.0.taskId',
      }),
    );
    await app.session.signIn(KEY);
    await app.review.open('P-TP');
    app.setDraft('note-text', 'x');
    app.review.addNote();
    app.setDraft('review-comment', 'y');
    await app.review.returnReport();
    expect(app.state.failure).toMatchObject({ section: 'report', code: 'INVALID_REQUEST' });
    expect(app.state.report?.notes).toHaveLength(1);
  });

  it('accepts the latest version; reopening an accepted one needs a reason', async () => {
    const { app, api } = setup();
    api.history.mockResolvedValue({ versions: [version(2, 'received')] } as never);
    await app.session.signIn(KEY);
    await app.review.open('P-TP');
    await app.review.accept();
    expect(api.review).toHaveBeenLastCalledWith('2026-H1', 'P-TP', {
      action: 'accept',
      version: 2,
    });
    api.history.mockResolvedValue({ versions: [version(2, 'accepted')] } as never);
    await app.review.open('P-TP');
    await app.review.reopen();
    expect(app.state.failure).toMatchObject({
      code: 'REASON_REQUIRED',
      field: 'reopen-review-reason',
    });
    app.setDraft('reopen-review-reason', 'Số liệu quý cần đối chiếu lại');
    await app.review.reopen();
    expect(api.review).toHaveBeenLastCalledWith('2026-H1', 'P-TP', {
      action: 'reopen',
      version: 2,
      comment: 'Số liệu quý cần đối chiếu lại',
    });
    expect(app.state.notice?.text.vi).toContain('Đã mở lại');
  });
});

describe('agency downloads', () => {
  it('the template started from the last accepted report says which period, or that it is blank', async () => {
    const { app, api } = setup('agency');
    await app.session.signIn(KEY);
    expect(api.plan).toHaveBeenCalledTimes(1);
    await app.downloads.templateFromLastAccepted('P-TP', 'upload');
    expect(app.state.notice?.text.vi).toContain('kỳ 2026-Q1, phiên bản 2');
    api.templateFromLastAccepted.mockResolvedValueOnce({
      blob: new Blob(['x']),
      name: 'Bieu-mau.xlsx',
      startFrom: null,
    });
    await app.downloads.templateFromLastAccepted('P-TP', 'upload');
    expect(app.state.notice?.text.en).toContain('blank');
    await app.downloads.version('P-TP', 1, 'history');
    expect(api.versionWorkbook).toHaveBeenCalledWith('2026-H1', 'P-TP', 1);
    expect(app.state.saved['version:P-TP:1']?.name).toBe('v1.xlsx');
  });

  it('a refused file comes back marked, and the findings stay on screen', async () => {
    const { app, api } = setup('agency');
    await app.session.signIn(KEY);
    api.upload.mockRejectedValueOnce(
      new ApiFailure('http', 422, 'VALIDATION_FAILED', { vi: 'lỗi', en: 'errors' }),
    );
    const file = new File(['x'], 'a.xlsx');
    app.upload.chooseFile(file);
    await app.upload.send();
    await app.downloads.annotated();
    expect(api.annotatedUpload).toHaveBeenCalledWith('2026-H1', file, 'a.xlsx');
    expect(app.state.failure?.code).toBe('VALIDATION_FAILED');
    expect(app.state.notice?.text.vi).toContain('loi.xlsx');
    expect(app.state.saved.annotated?.name).toBe('loi.xlsx');
  });
});
