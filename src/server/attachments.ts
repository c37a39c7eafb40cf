import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../node/fs/atomic-write';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../node/fs/private-dir';

/** Content-addressed files under `<dataDir>/attachments/<aa>/<sha256>`; written atomically. */
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
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true, mode: PRIVATE_DIR_MODE });
    await writeFileAtomic(this.path(sha256), bytes, { mode: PRIVATE_FILE_MODE });
  }
}
