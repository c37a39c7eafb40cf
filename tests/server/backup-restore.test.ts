import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { enrollPerson } from '../../src/server/admin';
import { openStorage } from '../../src/server/app';
import { runHqCli, spawnHq } from '../helpers/hq';
import { killHard } from '../helpers/spawn';
import { removeTempDirs, tempDir } from '../helpers/tmp';

/** `npm run hq -- backup` / `restore`, and HQ refusing to start on a damaged database. */

const people = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM people ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

/** A change to HQ's data, made in this process (the CLI under test is backup/restore). */
const enroll = async (dataDir: string, name: string) => {
  const storage = openStorage(dataDir);
  try {
    await enrollPerson(storage, { office: 'KPU Kabupaten Blora', name, role: 'penulis' });
  } finally {
    storage.close();
  }
};

// Each CLI run starts npm and tsx: seconds apiece on a busy machine.
const SLOW = 240_000;

/** Overwrites one page of the people table, so quick_check and integrity_check fail. */
function damage(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  const root = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'people'").get() as { rootpage: number })
    .rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
}

describe('HQ backup and restore', () => {
  afterAll(() => removeTempDirs());

  it(
    'backs up, and a restore brings the backed-up state back while keeping the replaced file',
    async () => {
      const dataDir = tempDir('warta-hq-backup-');
      await enroll(dataDir, 'Siti Rahayu');
      const backup = await runHqCli(['backup', '--data-dir', dataDir]);
      expect(backup.code, backup.stderr).toBe(0);
      const path = backup.stdout.trim().split('\n').pop()!;
      expect(path.startsWith(join(dataDir, 'backups'))).toBe(true);
      expect(people(path)).toEqual(['Siti Rahayu']);

      await enroll(dataDir, 'Budi Santoso');
      const hq = join(dataDir, 'hq.sqlite');
      expect(people(hq)).toEqual(['Budi Santoso', 'Siti Rahayu']);

      const restored = await runHqCli(['restore', '--data-dir', dataDir, path]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(people(hq)).toEqual(['Siti Rahayu']);
      const aside = readdirSync(dataDir).filter((f) => /^hq\.sqlite\.before-restore-[\d-]+$/.test(f));
      expect(aside).toHaveLength(1);
      expect(people(join(dataDir, aside[0]!))).toEqual(['Budi Santoso', 'Siti Rahayu']);
      expect(existsSync(`${hq}.restore-tmp`)).toBe(false);

      // HQ starts on the restored file, and `--out` writes where asked.
      const out = join(dataDir, 'elsewhere', 'copy.sqlite');
      const again = await runHqCli(['backup', '--data-dir', dataDir, '--out', out]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout.trim().split('\n').pop()).toBe(out);
      const { child } = await spawnHq(dataDir);
      await killHard(child);
    },
    SLOW,
  );

  it(
    'refuses to restore while an HQ runs on the data dir, changing nothing',
    async () => {
      const dataDir = tempDir('warta-hq-busy-');
      await enroll(dataDir, 'Siti Rahayu');
      const path = (await runHqCli(['backup', '--data-dir', dataDir])).stdout.trim().split('\n').pop()!;
      await enroll(dataDir, 'Budi Santoso');
      const { child } = await spawnHq(dataDir);
      try {
        const r = await runHqCli(['restore', '--data-dir', dataDir, path]);
        expect(r.code).not.toBe(0);
        expect(r.stderr).toMatch(/in use by a running HQ/);
        expect(people(join(dataDir, 'hq.sqlite'))).toEqual(['Budi Santoso', 'Siti Rahayu']);
      } finally {
        await killHard(child);
      }
      expect(readdirSync(dataDir).filter((f) => f.includes('before-restore') || f.includes('restore-tmp'))).toEqual([]);
    },
    SLOW,
  );

  it(
    'refuses a damaged or foreign restore file and leaves the database as it was',
    async () => {
      const dataDir = tempDir('warta-hq-badrestore-');
      await enroll(dataDir, 'Siti Rahayu');
      const hq = join(dataDir, 'hq.sqlite');
      const damaged = join(dataDir, 'damaged.sqlite');
      const path = (await runHqCli(['backup', '--data-dir', dataDir, '--out', damaged])).stdout
        .trim()
        .split('\n')
        .pop()!;
      expect(path).toBe(damaged);
      damage(damaged);
      const notDb = join(dataDir, 'notes.txt');
      writeFileSync(notDb, 'bukan basis data '.repeat(400));
      const foreign = join(dataDir, 'other.sqlite');
      new Database(foreign).exec('CREATE TABLE t (x)');

      const before = readFileSync(hq);
      for (const [file, why] of [
        [damaged, /is damaged/],
        [notDb, /not a database|damaged/],
        [foreign, /not an HQ database/],
      ] as const) {
        const r = await runHqCli(['restore', '--data-dir', dataDir, file]);
        expect(r.code).not.toBe(0);
        expect(r.stderr).toMatch(why);
        expect(readFileSync(hq).equals(before)).toBe(true);
      }
      expect(readdirSync(dataDir).filter((f) => f.includes('before-restore') || f.includes('restore-tmp'))).toEqual([]);
    },
    SLOW,
  );

  it(
    'will not start on a damaged hq.sqlite: one line naming the file, which stays untouched',
    async () => {
      const dataDir = tempDir('warta-hq-damaged-');
      await enroll(dataDir, 'Siti Rahayu');
      const hq = join(dataDir, 'hq.sqlite');
      damage(hq);
      const bytes = readFileSync(hq);
      const r = await runHqCli(['--data-dir', dataDir, '--port', '0', '--quiet']);
      expect(r.code).not.toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(hq);
      expect(lines[0]).toMatch(/damaged/);
      expect(readFileSync(hq).equals(bytes)).toBe(true);
    },
    SLOW,
  );
});
