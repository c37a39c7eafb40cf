import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/node/fs/atomic-write';
import { createAttachmentAccess } from '../../src/main/sync/attachments';
import { openStore } from '../../src/main/store';
import { makeTempDir } from '../helpers';

/** Lets a test make the next write die halfway, after part of the bytes reached the temp file. */
const fault = vi.hoisted(() => ({ failNextWrite: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
    if (!fault.failNextWrite) return fs.writeSync(fd, buffer, offset, length);
    fault.failNextWrite = false;
    fs.writeSync(fd, buffer, offset, Math.floor((length ?? buffer.length) / 2));
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const fsp = await importOriginal<typeof import('node:fs/promises')>();
  const open = (async (...args: Parameters<typeof fsp.open>) => {
    const handle = await fsp.open(...args);
    if (fault.failNextWrite) {
      fault.failNextWrite = false;
      const write = handle.writeFile.bind(handle);
      handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
        await write(typeof data === 'string' ? data.slice(0, 3) : (data as Uint8Array).subarray(0, 3));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      };
    }
    return handle;
  }) as typeof fsp.open;
  return { ...fsp, default: { ...fsp, open }, open };
});

describe('atomic write', () => {
  const tmp = makeTempDir('warta-atomic-');
  afterAll(() => tmp.cleanup());
  let dir: string;
  let n = 0;
  beforeEach(() => {
    dir = join(tmp.dir, `case-${n++}`);
    mkdirSync(dir);
  });

  it('replaces the content whole and leaves nothing else in the directory', async () => {
    const file = join(dir, 'data.json');
    writeFileAtomicSync(file, '{"v":1}');
    expect(readFileSync(file, 'utf8')).toBe('{"v":1}');
    await writeFileAtomic(file, Buffer.from('{"v":2}'));
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('a write that dies halfway keeps the old content and removes its temp file (sync)', () => {
    const file = join(dir, 'data.json');
    writeFileAtomicSync(file, 'old content');
    fault.failNextWrite = true;
    expect(() => writeFileAtomicSync(file, 'new content that never fully lands')).toThrow(/ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('a write that dies halfway keeps the old content and removes its temp file (async)', async () => {
    const file = join(dir, 'data.json');
    await writeFileAtomic(file, 'old content');
    fault.failNextWrite = true;
    await expect(writeFileAtomic(file, 'new content that never fully lands')).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('a rename that fails removes the temp file', async () => {
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomicSync(target, 'x')).toThrow();
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it.skipIf(process.platform === 'win32')('gives the file exactly the mode asked for', async () => {
    const file = join(dir, 'secret');
    writeFileAtomicSync(file, 'a', { mode: 0o600 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await writeFileAtomic(file, 'b', { mode: 0o640 });
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});

describe('downloaded attachments', () => {
  const tmp = makeTempDir('warta-download-');
  afterAll(() => tmp.cleanup());

  it('never leave .part files: old leftovers are cleaned and a failed download leaves nothing', () => {
    const store = openStore({ dataDir: tmp.dir });
    try {
      const attachments = join(tmp.dir, 'attachments');
      mkdirSync(attachments, { recursive: true });
      writeFileSync(join(attachments, `${'a'.repeat(64)}.part`), 'half a download');
      const access = createAttachmentAccess(store.db, tmp.dir);
      expect(readdirSync(attachments)).toEqual([]);

      const bytes = Buffer.from('GIF89a and then some');
      const sha = createHash('sha256').update(bytes).digest('hex');
      fault.failNextWrite = true;
      expect(() => access.write(sha, bytes)).toThrow(/ENOSPC/);
      expect(readdirSync(attachments)).toEqual([]);

      access.write(sha, bytes);
      expect(readdirSync(attachments)).toEqual([sha]);
      expect(store.db.prepare('SELECT mime FROM attachments WHERE sha256 = ?').get(sha)).toEqual({ mime: 'image/gif' });
    } finally {
      store.close();
    }
  });
});
