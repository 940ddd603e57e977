// detectHost() asks Office for requirement sets as Microsoft recommends
// (Office.context.requirements.isSetSupported): an Excel below the manifest's
// ExcelApi 1.7 is told apart, so the pane says so and points at the web page's
// upload instead of failing at its first sheet operation.
import { afterEach, describe, expect, it } from 'vitest';
import { detectHost } from '../../addin/src/office/host.ts';

const g = globalThis as Record<string, unknown>;

/** Minor version of "1.x" (requirement sets compare by minor version: 1.17 is above 1.8). */
const minor = (version: string) => Number(version.split('.')[1] ?? 0);

/** An Office that answers isSetSupported for ExcelApi 1.1 up to 1.`highest`. */
function officeUpTo(highest: number) {
  g.Excel = { run: async () => {} };
  g.Office = {
    HostType: { Excel: 'Excel' },
    onReady: async () => ({ host: 'Excel', platform: 'PC' }),
    context: {
      platform: 'PC',
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === 'ExcelApi' && minor(version) <= highest,
      },
    },
  };
}

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

describe('detectHost', () => {
  it('an Excel below ExcelApi 1.7 (e.g. Excel 2016 at 1.4) lacks the required set', async () => {
    officeUpTo(4);
    const info = await detectHost();
    expect(info.inExcel).toBe(true);
    expect(info.supportsRequiredApi).toBe(false);
    expect(info.supportsExcelApi18).toBe(false);
  });

  it('Excel 2019 (1.7) has the required set but not 1.8; Microsoft 365 has both', async () => {
    officeUpTo(7);
    expect(await detectHost()).toMatchObject({
      supportsRequiredApi: true,
      supportsExcelApi18: false,
    });
    officeUpTo(17);
    expect(await detectHost()).toMatchObject({
      supportsRequiredApi: true,
      supportsExcelApi18: true,
    });
  });

  it('without office.js (a blocked CDN, a plain browser) it is not in Excel', async () => {
    const info = await detectHost();
    expect(info).toMatchObject({ inExcel: false, supportsRequiredApi: false });
  });
});
