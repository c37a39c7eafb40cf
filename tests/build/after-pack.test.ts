import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, type flipFuses } from '@electron/fuses';
import afterPack, { type AfterPackContext } from '../../scripts/after-pack.mjs';
import { makeTempDir } from '../helpers/tmp';

/**
 * The electron-builder afterPack hook: which fuses a packaged Warta ships with, on which file,
 * and (with the real @electron/fuses) what ends up in the binary's fuse wire.
 */

const context = (electronPlatformName: string, appOutDir = '/out/unpacked'): AfterPackContext => ({
  appOutDir,
  electronPlatformName,
  packager: { appInfo: { productFilename: 'Warta' }, executableName: 'warta' },
});

async function flipped(platform: string): Promise<{ path: string; config: Record<string, unknown> }[]> {
  const calls: { path: string; config: Record<string, unknown> }[] = [];
  const standIn = (async (path, config) => {
    calls.push({ path, config: { ...config } });
    return 0;
  }) as typeof flipFuses;
  await afterPack(context(platform), standIn);
  return calls;
}

const EXACTLY = {
  version: '1',
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
};

describe('afterPack fuses', () => {
  it('sets exactly the six fuses on the packaged executable of each platform', async () => {
    expect(await flipped('linux')).toEqual([{ path: join('/out/unpacked', 'warta'), config: EXACTLY }]);
    expect(await flipped('win32')).toEqual([{ path: join('/out/unpacked', 'Warta.exe'), config: EXACTLY }]);
    // On macOS the .app (whose framework holds the fuse wire), re-signed ad hoc after the flip.
    expect(await flipped('darwin')).toEqual([
      { path: join('/out/unpacked', 'Warta.app'), config: { ...EXACTLY, resetAdHocDarwinSignature: true } },
    ]);
  });

  it('writes them into the fuse wire of the binary and leaves the fuses it does not name alone', async () => {
    const tmp = makeTempDir('warta-fuses-');
    try {
      // A stand-in Electron binary: the fuse wire is the sentinel, the wire version (1), its
      // length, then one byte per fuse ('0' off, '1' on), in FuseV1Options order.
      const before = '10110001';
      const wire = Buffer.concat([
        Buffer.from('\x7fELF…code…'),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
        Buffer.from([1, before.length]),
        Buffer.from(before),
        Buffer.from('…more code…'),
      ]);
      const binary = join(tmp.dir, 'warta');
      writeFileSync(binary, wire);
      await afterPack(context('linux', tmp.dir));
      const after = readFileSync(binary);
      const at = after.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX') + 32 + 2;
      // RunAsNode 0, cookies 1, NODE_OPTIONS 0, --inspect 0, asar integrity 1, asar only 1; the
      // V8 snapshot and file: protocol fuses as they were.
      expect(after.subarray(at, at + before.length).toString()).toBe('01001101');
      expect(after.length).toBe(wire.length);
    } finally {
      tmp.cleanup();
    }
  });
});
