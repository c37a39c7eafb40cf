import { lstatSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePrivateDir, ensurePrivateFile, repairModes } from '../../src/node/fs/private-dir';
import { loosePaths, plantDir, plantFile } from '../helpers/modes';
import { makeTempDir } from '../helpers/tmp';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('owner-only data dirs', () => {
  const tmp = makeTempDir('warta-private-');
  afterAll(() => tmp.cleanup());

  it('makes a new dir 0700 and a new file 0600 whatever the umask', () => {
    const umask = process.umask(0o000);
    try {
      ensurePrivateDir(join(tmp.dir, 'baru', 'data'));
      ensurePrivateFile(join(tmp.dir, 'baru', 'data', 'warta.db'));
    } finally {
      process.umask(umask);
    }
    expect(mode(join(tmp.dir, 'baru', 'data'))).toBe(0o700);
    expect(mode(join(tmp.dir, 'baru', 'data', 'warta.db'))).toBe(0o600);
  });

  it('never empties or re-permits a file that is already there', () => {
    const file = join(tmp.dir, 'ada.db');
    plantFile(file, 'isi', 0o644);
    ensurePrivateFile(file);
    expect(statSync(file).size).toBe(3);
    expect(mode(file)).toBe(0o644); // repairModes is what tightens existing files
  });

  it('repairs every dir and file under the data dir, logs each change, and leaves symlinked targets alone', () => {
    const data = join(tmp.dir, 'lama');
    const outside = join(tmp.dir, 'di-luar.txt');
    plantDir(data, 0o755);
    plantDir(join(data, 'attachments'), 0o755);
    plantFile(join(data, 'warta.db'), '', 0o644);
    plantFile(join(data, 'attachments', 'f'), 'x', 0o666);
    plantFile(outside, 'bukan milik Warta', 0o644);
    symlinkSync(outside, join(data, 'tautan'));
    const logged: object[] = [];
    const changed = repairModes(data, { warn: (obj) => logged.push(obj) });
    expect(changed).toBe(4);
    expect(logged).toHaveLength(4);
    expect(logged).toContainEqual(expect.objectContaining({ path: join(data, 'warta.db'), was: '644', now: '600' }));
    expect(loosePaths(data).filter((p) => !p.startsWith('tautan'))).toEqual([]);
    expect(lstatSync(join(data, 'tautan')).isSymbolicLink()).toBe(true);
    expect(mode(outside)).toBe(0o644);
    expect(repairModes(data)).toBe(0);
  });
});
