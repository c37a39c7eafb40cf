import { closeSync, copyFileSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WartaError } from '../../src/shared/contract/define';
import { doc } from '../helpers/docs';
import { tempDir } from '../helpers/tmp';
import { startServices } from './helpers';

const rejection = async (result: unknown): Promise<WartaError> => {
  const error = await Promise.resolve(result).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WartaError);
  return error as WartaError;
};

/** A workstation with one release "Versi cadangan", backed up, then edited to "Versi baru". */
async function backedUp() {
  const dataDir = tempDir('warta-restore-');
  const services = await startServices(dataDir);
  const h = services.handlers;
  const { id } = await h.createRelease({
    fields: { title: 'Versi cadangan', body: doc('Isi yang dicadangkan. '.repeat(200)) },
  });
  for (let i = 0; i < 30; i++)
    await h.createRelease({ fields: { title: `Pengisi ${i}`, body: doc('x '.repeat(300)) } });
  const backup = await h.backupDatabase({});
  await h.saveRelease({ id, fields: { title: 'Versi baru' } });
  return { dataDir, services, h, id, backupsDir: join(dataDir, 'backups'), name: basename(backup.path) };
}

describe('restoring a backup on the workstation', () => {
  it('brings back the backed-up text and keeps the replaced state as a backup', async () => {
    const { h, id, name } = await backedUp();
    const result = await h.restoreBackup({ name });
    expect((await h.getRelease({ id })).title).toBe('Versi cadangan');
    const names = (await h.listBackups({})).items.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining([name, result.keptAs]));
    expect(names).toHaveLength(2);

    // The kept state is itself restorable: the restore is undone the same way.
    await h.restoreBackup({ name: result.keptAs });
    expect((await h.getRelease({ id })).title).toBe('Versi baru');
    // Writing goes on over the restored file.
    await h.saveRelease({ id, fields: { title: 'Versi ketiga' } });
    expect((await h.getRelease({ id })).title).toBe('Versi ketiga');
  });

  it('refuses a damaged backup, naming it, and changes nothing', async () => {
    const { h, id, name, backupsDir, dataDir } = await backedUp();
    const file = join(backupsDir, name);
    const raw = new Database(file, { readonly: true });
    const leaves = raw
      .prepare(`SELECT pageno FROM dbstat WHERE name = 'releases' AND pagetype = 'leaf' ORDER BY pageno`)
      .all() as { pageno: number }[];
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    expect(leaves.length).toBeGreaterThan(1);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (leaves[1]!.pageno - 1) * pageSize);
    closeSync(fd);
    const damaged = readFileSync(file);
    const before = readdirSync(dataDir).sort();

    const error = await rejection(h.restoreBackup({ name }));
    expect(error.reason).toBe('backup.damaged');
    expect(error.message).toContain(name);
    expect((await h.getRelease({ id })).title).toBe('Versi baru');
    expect(readFileSync(file).equals(damaged)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect((await h.listBackups({})).items).toHaveLength(1);

    // A file with a backup's name that is no database at all is refused the same way.
    const fake = 'warta-20250101-000000-000.db';
    writeFileSync(join(backupsDir, fake), 'bukan basis data '.repeat(300));
    expect((await rejection(h.restoreBackup({ name: fake }))).reason).toBe('backup.damaged');
    expect((await h.getRelease({ id })).title).toBe('Versi baru');
  });

  it('takes only names of backups directly in the backups folder', async () => {
    const { h, id, dataDir, backupsDir, name } = await backedUp();
    // A copy of the live database outside the folder must not be reachable by a crafted name.
    copyFileSync(join(backupsDir, name), join(dataDir, 'warta-20250101-000000-000.db'));
    for (const bad of [
      '../warta.db',
      '../warta-20250101-000000-000.db',
      'warta.db',
      '/etc/passwd',
      `backups/${name}`,
      `${name}/..`,
      name.replace('.db', '.db-wal'),
    ]) {
      expect((await rejection(h.restoreBackup({ name: bad }))).reason).toBe('backup.badName');
    }
    expect((await rejection(h.restoreBackup({ name: 'warta-20990101-000000-000.db' }))).reason).toBe('backup.notFound');
    expect((await h.getRelease({ id })).title).toBe('Versi baru');
    expect((await h.listBackups({})).items.map((b) => b.name)).toEqual([name]);
  });

  it('lists backups newest first with their time and size', async () => {
    const { h } = await backedUp();
    await new Promise((r) => setTimeout(r, 5));
    const second = basename((await h.backupDatabase({})).path);
    const items = (await h.listBackups({})).items;
    expect(items[0]!.name).toBe(second);
    expect(items).toHaveLength(2);
    expect(Date.parse(items[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(items[1]!.createdAt));
    expect(Math.abs(Date.parse(items[0]!.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(items[0]!.bytes).toBeGreaterThan(4096);
  });
});
