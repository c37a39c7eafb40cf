import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Content-addressed files under `<dataDir>/attachments/<aa>/<sha256>`; written via temp + rename. */
export class AttachmentFiles {
  constructor(private readonly dir: string) {}

  path(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.path(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async read(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(sha256));
    } catch {
      return null;
    }
  }

  async write(sha256: string, bytes: Buffer): Promise<void> {
    const target = this.path(sha256);
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}
