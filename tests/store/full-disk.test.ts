import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WartaError } from '../../src/shared/contract/define';
import { openStore } from '../../src/main/store';
import { createReleaseHandlers } from '../../src/main/services/releases';
import { doc } from '../helpers/docs';

/**
 * A real full disk: a small filesystem of the test's own. As root it mounts a 4 MB tmpfs; where
 * tmpfs is refused it tries a loop-mounted ext2 image. Where neither works (no CAP_SYS_ADMIN) the
 * test cannot run — there is no honest way to fake ENOSPC — and it says so loudly, with why.
 */
// Not the store helpers' temp dirs: those are removed after each test, which a mounted dir refuses.
const base = mkdtempSync(join(tmpdir(), 'warta-full-'));
const mountPoint = join(base, 'disk');
mkdirSync(mountPoint);

const firstLine = (error: unknown): string =>
  error instanceof Error
    ? ((error as { stderr?: Buffer }).stderr?.toString().trim() || error.message).split('\n')[0]!
    : String(error);

/** Mounts a small filesystem at mountPoint; returns null when mounted, else why not. */
function mountSmallDisk(): string | null {
  const reasons: string[] = [];
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return null;
  } catch (error) {
    reasons.push(`tmpfs: ${firstLine(error)}`);
  }
  try {
    const image = join(base, 'disk.img');
    const fd = openSync(image, 'w');
    closeSync(fd);
    truncateSync(image, 4 * 1024 * 1024);
    execFileSync('mkfs.ext2', ['-q', '-F', '-m', '0', image], { stdio: 'pipe' });
    execFileSync('mount', ['-o', 'loop', image, mountPoint], { stdio: 'pipe' });
    return null;
  } catch (error) {
    reasons.push(`loop image: ${firstLine(error)}`);
  }
  return reasons.join('; ');
}

const why = mountSmallDisk();
const mounted = why === null;
if (!mounted) {
  console.warn(
    `\n!!! full-disk test NOT RUN: cannot mount a small filesystem here (${why}). ` +
      'Run it as root (or with CAP_SYS_ADMIN) to check the full-disk behaviour. !!!\n',
  );
}

const opened: { close(): void }[] = [];
afterAll(() => {
  for (const s of opened) s.close();
  // Lazy unmount: even if a failed test left a file open, the mount never outlives the run.
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  rmSync(base, { recursive: true, force: true });
});

/** Fills the disk until the OS refuses more bytes. */
function fill(path: string) {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: the disk is full now
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!mounted)(
  `a full disk${mounted ? '' : ` (NOT RUN: cannot mount a small filesystem here: ${why})`}`,
  () => {
    it('refuses the save with a clear message and keeps what was stored', async () => {
      const dataDir = join(mountPoint, 'data');
      const store = openStore({ dataDir });
      opened.push(store);
      const h = createReleaseHandlers(store);
      const r = await h.createRelease({ fields: { title: 'Aman', body: doc('isi yang sudah tersimpan') } });
      const filler = join(mountPoint, 'filler');
      fill(filler);
      const big = doc(...Array.from({ length: 400 }, (_, i) => `Paragraf panjang ${i} `.repeat(20)));
      let error: unknown;
      try {
        // Several attempts: the first few may still fit in already allocated WAL pages.
        for (let i = 0; i < 20; i += 1) await h.saveRelease({ id: r.id, fields: { body: big, title: `Besar ${i}` } });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WartaError);
      expect((error as WartaError).code).toBe('storage');
      expect((error as WartaError).message).toMatch(/disk penuh/);
      // Space comes back: the next save works, and nothing earlier was lost.
      rmSync(filler);
      const after = await h.saveRelease({ id: r.id, fields: { title: 'Lega lagi' } });
      expect(after.title).toBe('Lega lagi');
      store.close();
      const again = openStore({ dataDir });
      opened.push(again);
      try {
        expect(again.recovery).toBeNull();
        expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const h2 = createReleaseHandlers(again);
        expect((await h2.getRelease({ id: r.id })).title).toBe('Lega lagi');
      } finally {
        again.close();
      }
    });
  },
);
