import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureRelease {
  dir: string;
  version: string;
  installer: string;
  installerPath: string;
  blockmapPath: string;
  ymlPath: string;
  bytes: Buffer;
  sha512: string;
}

/** Deterministic bytes standing in for an installer (a real one is tens of MB; the feed does not care). */
function installerBytes(version: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(version).digest();
  for (let i = 0; i < size; i += block.length) {
    block.copy(out, i);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

/**
 * What `electron-builder --win` leaves in dist/ for the generic provider: the NSIS installer,
 * its blockmap and latest.yml, in electron-builder's format (files[] with url, sha512, size;
 * the legacy path/sha512; releaseDate).
 */
export function fixtureRelease(
  dir: string,
  version: string,
  size = 300_000,
  as: { feed: string; installer: string } = { feed: 'latest.yml', installer: `Warta-Setup-${version}-x64.exe` },
): FixtureRelease {
  mkdirSync(dir, { recursive: true });
  const { installer } = as;
  const bytes = installerBytes(version, size);
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  const installerPath = join(dir, installer);
  writeFileSync(installerPath, bytes);
  const blockmapPath = `${installerPath}.blockmap`;
  writeFileSync(
    blockmapPath,
    Buffer.from(`{"version":"2","files":[{"name":"file","offset":0,"checksums":[],"sizes":[]}]}`),
  );
  const ymlPath = join(dir, as.feed);
  writeFileSync(
    ymlPath,
    [
      `version: ${version}`,
      'files:',
      `  - url: ${installer}`,
      `    sha512: ${sha512}`,
      `    size: ${size}`,
      `path: ${installer}`,
      `sha512: ${sha512}`,
      `releaseDate: '2026-12-01T08:00:00.000Z'`,
      '',
    ].join('\n'),
  );
  return { dir, version, installer, installerPath, blockmapPath, ymlPath, bytes, sha512 };
}
