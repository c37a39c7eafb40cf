import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryAttachmentSource, openPublicSite } from '../../src/server/public';

/** The public origin an operator gives goes into every absolute link: it must be an http(s) URL. */
describe('public origin (baseUrl / WARTA_PUBLIC_URL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warta-public-url-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const open = (baseUrl: string) =>
    openPublicSite({
      dataDir: dir,
      attachments: directoryAttachmentSource(join(dir, 'att')),
      baseUrl,
      forwardToWordPress: false,
    });

  it('takes an https origin and refuses anything else with a clear message', () => {
    const site = open('https://berita.kpu.example/');
    expect(site.deps.baseUrl).toBe('https://berita.kpu.example/');
    site.close();
    for (const bad of ['berita.kpu.example', 'javascript:alert(1)', 'ftp://berita.kpu.example']) {
      expect(() => open(bad), bad).toThrow(/must be an http\(s\) URL/);
    }
  });
});
