import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from '../../node/fs/atomic-write';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../node/fs/private-dir';

/**
 * Where device credentials (the HQ device token) live. The services only see this
 * interface: the desktop backs it with Electron's safeStorage, the web host with a
 * 0600 file in the data dir. Neither implementation is visible to the renderer.
 */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** How values are protected at rest: identity on the web host, safeStorage on the desktop. */
export interface SecretCodec {
  encode(plain: string): string;
  decode(stored: string): string;
}

const plainCodec: SecretCodec = { encode: (v) => v, decode: (v) => v };
const FileSchema = z.record(z.string(), z.string());

/**
 * A small JSON file of key → encoded value, written atomically with owner-only permissions
 * so other local users cannot read the token.
 */
export function createFileSecretStore(file: string, codec: SecretCodec = plainCodec): SecretStore {
  const read = (): Record<string, string> => {
    if (!existsSync(file)) return {};
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      raw = undefined;
    }
    const parsed = FileSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`Secret file ${file} is not in the expected format`);
    return parsed.data;
  };
  const write = (data: Record<string, string>): void => {
    ensurePrivateDir(dirname(file));
    writeFileAtomicSync(file, JSON.stringify(data), { mode: PRIVATE_FILE_MODE });
  };
  return {
    get(key) {
      const stored = read()[key];
      return stored === undefined ? null : codec.decode(stored);
    },
    set(key, value) {
      write({ ...read(), [key]: codec.encode(value) });
    },
    delete(key) {
      const data = read();
      if (!(key in data)) return;
      delete data[key];
      write(data);
    },
  };
}
