import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { FUSES } from '../../scripts/after-pack.mjs';

/**
 * electron-builder.yml as electron-builder itself would read it: valid against the schema
 * shipped in app-builder-lib, every installer the offices need, fuses, and native modules
 * rebuilt for Electron when packaging (never on the user's machine).
 */

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

interface Target {
  target: string;
  arch: string[];
}
const targetsOf = (platform: string): Target[] => (config[platform] as { target: Target[] }).target;

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // The schema is strict about unknown keys, so a typo fails here rather than being ignored.
    expect(validate({ ...config, appld: 'x' })).toBe(false);
  });

  it('names the app, its icons and packs it into asar', () => {
    expect(config.appId).toBe('id.go.kpu.warta');
    expect(config.productName).toBe('Warta');
    expect(config.asar).toBe(true);
    expect((config.directories as { buildResources: string }).buildResources).toBe('resources');
    const icons = [
      (config.win as { icon: string }).icon,
      (config.mac as { icon: string }).icon,
      (config.linux as { icon: string }).icon,
    ];
    for (const icon of icons) expect(() => readFileSync(join(root, 'resources', icon))).not.toThrow(/ENOENT/);
    // The window icon the shell loads at run time travels inside the app.
    expect(config.files).toContain('resources/icon.png');
    expect(readFileSync(join(root, 'src/main/shell/window.ts'), 'utf8')).toContain("'resources', 'icon.png'");
  });

  it('builds every installer: per-user NSIS, deb and AppImage, dmg (x64 and arm64)', () => {
    expect(targetsOf('win')).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(targetsOf('linux').map((t) => t.target)).toEqual(['deb', 'AppImage']);
    expect(targetsOf('mac').map((t) => t.target)).toContain('dmg');
    // Squirrel.Mac applies updates from a zip, so the zip is built beside the dmg.
    expect(targetsOf('mac').map((t) => t.target)).toContain('zip');
    for (const platform of ['win', 'linux', 'mac'])
      for (const t of targetsOf(platform)) expect(t.arch).toEqual(['x64', 'arm64']);
  });

  it('flips the fuses on the packaged binary (afterPack hook with RunAsNode off, asar integrity on)', () => {
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    });
  });

  it('writes the generic update feed files HQ serves (latest*.yml and blockmaps)', () => {
    expect(config.publish).toMatchObject({ provider: 'generic', channel: 'latest' });
  });
});

describe('native modules', () => {
  it('are rebuilt for Electron at packaging time and kept outside the archive', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    // The development-time Electron build (npm start) never ends up in an installer.
    expect(config.files).toContain('!node_modules/.warta-electron/**');
    expect(config.files).not.toContain('scripts/**/*');
  });
});
