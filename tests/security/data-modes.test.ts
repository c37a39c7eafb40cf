import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loosePaths, makeTempDir, modesUnder, plantDir, plantFile, rpc, startWebHost } from '../helpers';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * Other users of the computer must not read the releases, the device secret or the images:
 * the workstation's data dir is 0700 and everything in it 0600 — made so whatever the umask,
 * and repaired on start when an older version (or a copy) left it readable.
 */
describe('workstation data dir is owner-only', { timeout: 180_000 }, () => {
  const tmp = makeTempDir('warta-modes-');
  afterAll(() => tmp.cleanup());

  it('repairs a world-readable dir, database and files on start, and creates new files 0600 even under umask 000', async () => {
    if (process.platform === 'win32') return;
    const dir = join(tmp.dir, 'ws');
    plantDir(dir, 0o755);
    plantFile(join(dir, 'warta.db'), '', 0o644);
    plantDir(join(dir, 'attachments'), 0o755);
    plantFile(join(dir, 'attachments', 'a'.repeat(64)), 'lama', 0o644);
    plantDir(join(dir, 'backups'), 0o777);
    plantFile(join(dir, 'backups', 'warta-lama.db'), '', 0o666);
    plantFile(join(dir, 'secrets.json'), '{}', 0o644);

    const umask = process.umask(0o000);
    let host;
    try {
      host = await startWebHost({ dataDir: dir, env: { WARTA_LOG_LEVEL: 'warn' } });
    } finally {
      process.umask(umask);
    }
    try {
      await rpc(host, 'createRelease', { fields: { title: 'Rahasia dapur redaksi' } });
      const image = await rpc(host, 'importImage', { name: 'foto.png', dataBase64: PNG });
      const backup = await rpc(host, 'backupDatabase', {});

      const modes = modesUnder(dir);
      // The files this test is about are really there (the WAL and SHM only while the host runs).
      for (const name of ['warta.db', 'warta.db-wal', 'warta.db-shm', 'secrets.json', 'web-url', 'web-session.key'])
        expect(modes, name).toHaveProperty([name]);
      expect(modes).toHaveProperty([join('attachments', image.attachment)]);
      expect(modes).toHaveProperty([join('backups', backup.path.split('/').pop() ?? '')]);
      expect(loosePaths(dir)).toEqual([]);
      // Each repair is logged, naming the path.
      expect(host.output().stderr).toContain(join(dir, 'warta.db'));
      expect(host.output().stderr).toMatch(/made owner-only/);
    } finally {
      await host.kill('SIGTERM');
    }
  });
});
