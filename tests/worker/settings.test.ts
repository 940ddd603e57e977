// GET and PUT /api/settings/document: the coordinator reads and replaces the
// document settings; a refused body names the field and writes nothing; an
// agency key is refused; a save is audited.
import { describe, expect, it } from 'vitest';
import { EMPTY_DOCUMENT_SETTINGS } from '../../shared/documents/index.ts';
import { TEST_DOCUMENT } from '../support/document-settings.ts';
import {
  api,
  auditRows,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
} from './helpers.ts';

const PATH = '/api/settings/document';

const SETTINGS = TEST_DOCUMENT;

const put = (key: string, json: unknown) => api(PATH, { method: 'PUT', key, json });

describe('/api/settings/document', () => {
  it('reads as nothing set, then as what the coordinator saved (trimmed, blanks as null); audited', async () => {
    const key = await coordinatorKey('Chánh văn phòng');
    const empty = await api(PATH, { key });
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual(EMPTY_DOCUMENT_SETTINGS);

    const saved = await put(key, { ...SETTINGS, place: '  Nơi thử nghiệm ', signerName: '  ' });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const expected = { ...SETTINGS, signerName: null };
    expect(await saved.json()).toEqual(expected);
    expect(await (await api(PATH, { key })).json()).toEqual(expected);

    const audit = await auditRows('documents.settings', 'document_settings');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toMatch(new RegExp(`^${COORDINATOR}/lsk_`));
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual(expected);
  });

  it('refuses a bad body with 400 naming the field, and writes nothing', async () => {
    const key = await coordinatorKey();
    expect((await put(key, SETTINGS)).status).toBe(200);
    const cases: [unknown, string][] = [
      [{ ...SETTINGS, recipients: ['Một', 'Hai\ndòng'] }, 'recipients.1'],
      [{ ...SETTINGS, numberSymbol: 'x'.repeat(41) }, 'numberSymbol'],
      [{ ...SETTINGS, signerLines: ['1', '2', '3', '4', '5'] }, 'signerLines'],
      [{ ...SETTINGS, place: 7 }, 'place'],
      [{ ...SETTINGS, extra: 'x' }, '(body)'],
    ];
    for (const [body, field] of cases) {
      const res = await expectNoChange(() => put(key, body));
      expect(issueFields(await expectError(res, 'INVALID_REQUEST')), field).toEqual([field]);
    }
    const { issuingBody, ...missing } = SETTINGS;
    void issuingBody;
    const res = await expectNoChange(() => put(key, missing));
    expect(issueFields(await expectError(res, 'INVALID_REQUEST'))).toEqual(['issuingBody']);
    expect(await (await api(PATH, { key })).json()).toEqual(SETTINGS);
  });

  it('is the coordinator’s: an agency key (even the coordinating office’s) gets 403', async () => {
    for (const agency of ['P-TP', COORDINATOR]) {
      const key = await issueKey(agency, 'agency');
      await expectNoChange(async () => {
        await expectError(await api(PATH, { key }), 'FORBIDDEN');
        await expectError(await put(key, SETTINGS), 'FORBIDDEN');
      });
    }
  });
});
