// What npm start prints about its addresses: the web page, the https address
// Excel needs, and whether manifest.xml points at it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGIN, renderManifest } from '../../scripts/lib/manifest.ts';
import { manifestOrigin, startAddresses } from '../../scripts/lib/start-addresses.ts';
import { ROOT } from '../../scripts/lib/wrangler.ts';

describe('manifestOrigin', () => {
  it('reads the origin of the task pane page, as rendered and as committed', () => {
    expect(manifestOrigin(renderManifest('https://example.org:8443'))).toBe(
      'https://example.org:8443',
    );
    expect(manifestOrigin(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'))).toBe(DEFAULT_ORIGIN);
  });

  it('is null without a SourceLocation URL', () => {
    expect(manifestOrigin('<OfficeApp/>')).toBeNull();
    expect(manifestOrigin('<SourceLocation DefaultValue="not a url" />')).toBeNull();
  });
});

describe('startAddresses', () => {
  const text = (o: Parameters<typeof startAddresses>[0]) => startAddresses(o).join('\n');

  it('over http: the web page, and for Excel npm run start:https with the matching manifest', () => {
    const out = text({ port: 8787, https: false, manifest: 'https://localhost:8787' });
    expect(out).toContain('Trang web / Web page: http://localhost:8787/');
    expect(out).toContain('run npm run certs (once), then npm run start:https instead of this.');
    expect(out).toContain('manifest.xml points at https://localhost:8787: sideload it in Excel.');
    expect(out).not.toContain('npm run manifest');
  });

  it('over https: the task pane at the address manifest.xml points at', () => {
    const out = text({ port: 8787, https: true, manifest: 'https://localhost:8787' });
    expect(out).toContain('Trang web / Web page: https://localhost:8787/');
    expect(out).toContain('Excel task pane: https://localhost:8787/taskpane.html');
    expect(out).toContain('manifest.xml points at this address: sideload it in Excel.');
    expect(out).not.toContain('start:https');
  });

  it('on another port: the port in the commands, and the command that renders the manifest', () => {
    const http = text({ port: 9000, https: false, manifest: 'https://localhost:8787' });
    expect(http).toContain('Trang web / Web page: http://localhost:9000/');
    expect(http).toContain('npm run start:https -- --port 9000');
    expect(http).toContain(
      'manifest.xml points at https://localhost:8787: write manifest.local.xml for port 9000 and sideload that file: npm run manifest -- --origin https://localhost:9000 --out manifest.local.xml',
    );
    const https = text({ port: 9000, https: true, manifest: 'https://localhost:8787' });
    expect(https).toContain('Excel task pane: https://localhost:9000/taskpane.html');
    expect(https).toContain(
      'sideload that file: npm run manifest -- --origin https://localhost:9000 --out manifest.local.xml',
    );
  });

  it('without a manifest.xml: the command that writes it', () => {
    expect(text({ port: 8787, https: true, manifest: null })).toContain(
      'There is no manifest.xml: write manifest.xml and sideload that file: npm run manifest',
    );
    expect(text({ port: 9000, https: false, manifest: null })).toContain(
      'write manifest.local.xml and sideload that file: npm run manifest -- --origin https://localhost:9000 --out manifest.local.xml',
    );
  });

  it('says everything in Vietnamese too', () => {
    const out = text({ port: 9000, https: false, manifest: 'https://localhost:8787' });
    expect(out).toContain('Trang web / Web page: http://localhost:9000/');
    expect(out).toContain('Excel chỉ mở ngăn tác vụ qua https');
    expect(out).toContain('tạo manifest.local.xml cho cổng 9000 rồi nạp tệp đó');
  });
});
