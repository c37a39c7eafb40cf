import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { WartaError } from '../../src/shared/contract/define';
import { MAX_IMAGE_BYTES } from '../../src/shared/contract/releases';
import { readAttachment } from '../../src/main/store';
import { openWithHandlers } from './helpers';

const png = () =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: '#c00' } })
    .png()
    .toBuffer();
const jpeg = () =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: '#0c0' } })
    .jpeg()
    .toBuffer();

async function rejection(call: () => unknown): Promise<WartaError> {
  try {
    await call();
  } catch (e) {
    expect(e).toBeInstanceOf(WartaError);
    return e as WartaError;
  }
  throw new Error('expected the call to fail');
}

describe('importImage', () => {
  it('stores PNG and JPEG bytes content-addressed and serves them back', async () => {
    const { store, h } = openWithHandlers();
    for (const [bytes, mime] of [
      [await png(), 'image/png'],
      [await jpeg(), 'image/jpeg'],
    ] as const) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const out = await h.importImage({ name: 'foto.bin', dataBase64: bytes.toString('base64') });
      expect(out).toEqual({ attachment: sha, mime, bytes: bytes.length });
      const file = readAttachment(store, sha);
      expect(file).toEqual({ path: join(store.attachmentsDir, sha), mime, bytes: bytes.length });
      expect(readFileSync(file!.path).equals(bytes)).toBe(true);
    }
    // Same bytes again (as a data: URL this time): one file, one row, no temp files left behind.
    const again = await png();
    await h.importImage({ name: 'lagi.png', dataBase64: `data:image/png;base64,${again.toString('base64')}` });
    expect(readdirSync(store.attachmentsDir).sort()).toHaveLength(2);
    expect(store.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 2 });
    expect(readAttachment(store, 'f'.repeat(64))).toBeNull();
    expect(readAttachment(store, '../warta.db')).toBeNull();
  });

  it('refuses a file that claims to be an image but is not, storing nothing', async () => {
    const { store, h } = openWithHandlers();
    const fake = Buffer.from('<html><script>alert(1)</script></html>');
    const error = await rejection(() => h.importImage({ name: 'foto.jpg', dataBase64: fake.toString('base64') }));
    expect(error.code).toBe('unsupported_media');
    expect(error.message).toContain('foto.jpg');
    expect(error.message).toMatch(/bukan gambar/);
    expect(existsSync(store.attachmentsDir) ? readdirSync(store.attachmentsDir) : []).toEqual([]);
    expect(store.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
    // Empty and not-base64 input get their own clear answers.
    expect((await rejection(() => h.importImage({ name: 'kosong.png', dataBase64: '' }))).code).toBe(
      'unsupported_media',
    );
    expect((await rejection(() => h.importImage({ name: 'x.png', dataBase64: '%%%not base64%%%' }))).code).toBe(
      'invalid_input',
    );
  });

  it('sweeps temp files an interrupted import left behind, keeping recent ones', async () => {
    const { store } = openWithHandlers();
    const { mkdirSync, writeFileSync, utimesSync } = await import('node:fs');
    const { sweepStaleTemp } = await import('../../src/node/fs/atomic-write');
    mkdirSync(store.attachmentsDir, { recursive: true });
    const old = join(store.attachmentsDir, '.tmp-abc-1');
    const recent = join(store.attachmentsDir, '.tmp-abc-2');
    writeFileSync(old, 'half');
    writeFileSync(recent, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    expect(sweepStaleTemp(store.attachmentsDir)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('refuses an image over the size cap', async () => {
    const { store, h } = openWithHandlers();
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1, 0);
    (await png()).copy(big); // a real PNG header: only the size is wrong
    const error = await rejection(() => h.importImage({ name: 'besar.png', dataBase64: big.toString('base64') }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/terlalu besar/);
    expect(store.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
  });
});
