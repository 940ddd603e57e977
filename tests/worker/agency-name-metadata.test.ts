// An agency's name is printed in its template's title, so a name can imitate
// the metadata cell that says whose template a sheet is (issue 16). New
// names that look like it are refused at rename; one stored before that rule
// changes nothing: the sheet's own metadata cell decides (shared/layout/
// metadata.ts pickMetadataCell), so the agency's own upload is accepted and
// the agency its name points at cannot upload the sheet as its own.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { formatMetadata } from '../../shared/layout/metadata.ts';
import { loadPlan, planData } from '../../shared/plan/index.ts';
import { readWorkbook } from '../../shared/workbook/index.ts';
import { filledXlsx } from '../support/upload-files.ts';
import {
  api,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  plan,
  upload,
} from './helpers.ts';

const THON_02_CELL = formatMetadata({
  plan: plan.id,
  agency: 'THON-02',
  period: '2026-Q1',
  layout: 1,
});

describe('PATCH /api/agencies/{code}: a name that reads as the metadata cell', () => {
  it('is 400 naming the field, for the name and the short name; nothing changes', async () => {
    const key = await coordinatorKey();
    const bad = [
      { name: `Thôn Một ${THON_02_CELL}` },
      { name: 'Thôn plan=58-KH-UBND-2022; agency=THON-02; layout=1' },
      { shortName: 'plan=x layout=1' },
      { name: `Thôn ${THON_02_CELL.split(' plan=')[0]}` },
    ];
    await expectNoChange(async () => {
      for (const json of bad) {
        const res = await api('/api/agencies/THON-01', { method: 'PATCH', key, json });
        const body = await expectError(res, 'INVALID_REQUEST');
        expect(issueFields(body), JSON.stringify(json)).toEqual(Object.keys(json));
        expect(body.error.message.en).toMatch(/template code cell/);
      }
    });
  });
});

describe('an agency named like a metadata cell before the rule', () => {
  const IMITATION = `Thôn Một ${THON_02_CELL}`;

  async function nameThon01() {
    await env.DB.prepare('UPDATE agencies SET name = ? WHERE code = ?')
      .bind(IMITATION, 'THON-01')
      .run();
    return loadPlan(planData, { agencyNames: { 'THON-01': { name: IMITATION } } });
  }

  it('its template, as the Worker draws it, carries the imitation in the title', async () => {
    await nameThon01();
    const res = await api('/api/periods/2026-Q1/template.xlsx?agency=THON-01', {
      key: await issueKey('THON-01'),
    });
    expect(res.status).toBe(200);
    const read = readWorkbook(new Uint8Array(await res.arrayBuffer()));
    if (!read.ok) throw new Error(JSON.stringify(read));
    const [sheet] = read.progressSheets;
    expect(sheet?.identity).toMatchObject({ cell: 'A5', agency: 'THON-01' });
    expect(sheet?.grid.values.flat().some((v) => String(v).includes(THON_02_CELL))).toBe(true);
  });

  it('its own filled template uploads as its own', async () => {
    const named = await nameThon01();
    const res = await upload(
      await issueKey('THON-01'),
      '2026-Q1',
      filledXlsx('THON-01', '2026-Q1', undefined, named),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json<{ agencyCode: string }>()).agencyCode).toBe('THON-01');
  });

  it('the agency the name points at cannot upload it as its own', async () => {
    const named = await nameThon01();
    const bytes = filledXlsx('THON-01', '2026-Q1', undefined, named);
    const key = await issueKey('THON-02');
    const body = await expectNoChange(async () =>
      expectError(await upload(key, '2026-Q1', bytes), 'WRONG_TEMPLATE'),
    );
    expect(body.error.details).toMatchObject({
      reason: 'other-agency',
      found: [expect.objectContaining({ agency: 'THON-01', cell: 'A5' })],
    });
  });
});
