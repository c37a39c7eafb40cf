import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../src/main/services/secrets';
import { makeTempDir } from '../helpers';

/** Device credentials at rest: owner-only file, encoded by the codec, atomic rewrites. */
describe('file secret store', () => {
  const tmp = makeTempDir('warta-secrets-');
  afterAll(() => tmp.cleanup());

  it('keeps values in a 0600 file and survives a reopen', () => {
    const file = join(tmp.dir, 'data', 'secrets.json');
    const a = createFileSecretStore(file);
    expect(a.get('device_token')).toBeNull();
    a.set('device_token', 'tok-123');
    a.set('other', 'x');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const b = createFileSecretStore(file);
    expect(b.get('device_token')).toBe('tok-123');
    b.delete('device_token');
    expect(createFileSecretStore(file).get('device_token')).toBeNull();
    expect(createFileSecretStore(file).get('other')).toBe('x');
  });

  it('tightens a file that was left readable by others', () => {
    const file = join(tmp.dir, 'loose.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    createFileSecretStore(file).set('device_token', 'tok');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('stores only what the codec produces (the desktop passes safeStorage here)', () => {
    const file = join(tmp.dir, 'encoded.json');
    const store = createFileSecretStore(file, {
      encode: (plain) => Buffer.from(plain).toString('base64'),
      decode: (stored) => Buffer.from(stored, 'base64').toString(),
    });
    store.set('device_token', 'rahasia-perangkat');
    expect(readFileSync(file, 'utf8')).not.toContain('rahasia-perangkat');
    expect(store.get('device_token')).toBe('rahasia-perangkat');
  });

  it('refuses a damaged file with a message naming it instead of silently dropping the token', () => {
    const file = join(tmp.dir, 'damaged.json');
    writeFileSync(file, '["not", "a", "map"]');
    expect(() => createFileSecretStore(file).get('device_token')).toThrow(
      /damaged\.json is not in the expected format/,
    );
    writeFileSync(file, '{"device_token": "tok');
    expect(() => createFileSecretStore(file).get('device_token')).toThrow(
      /damaged\.json is not in the expected format/,
    );
  });
});
