import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { directoryAttachmentSource, openPublicSite, registerPublicSite } from '../../src/server/public';
import type { PublicSite, PublishInput } from '../../src/server/public';
import { doc } from '../helpers/docs';
import { removeDir, tempDir } from '../helpers/tmp';

export interface TestSite {
  app: FastifyInstance;
  site: PublicSite;
  url: string;
  dir: string;
  attachmentsDir: string;
  /** Adjustable clock of the site (embargo tests move it). */
  clock: { now: Date };
  addAttachment(bytes: Buffer): string;
  close(): Promise<void>;
}

export async function startSite(opts: { renderCache?: boolean; logger?: boolean } = {}): Promise<TestSite> {
  const dir = tempDir('warta-pub-');
  const attachmentsDir = join(dir, 'attachments');
  mkdirSync(attachmentsDir, { recursive: true });
  const clock = { now: new Date() };
  const site = openPublicSite({
    dataDir: dir,
    attachments: directoryAttachmentSource(attachmentsDir),
    now: () => clock.now,
    ...(opts.renderCache !== undefined ? { renderCache: opts.renderCache } : {}),
  });
  const app = Fastify({ logger: opts.logger ?? false });
  await registerPublicSite(app, site);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    site,
    url: address,
    dir,
    attachmentsDir,
    clock,
    addAttachment(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      mkdirSync(join(attachmentsDir, sha.slice(0, 2)), { recursive: true });
      writeFileSync(join(attachmentsDir, sha.slice(0, 2), sha), bytes);
      return sha;
    },
    async close() {
      await app.close();
      site.close();
      removeDir(dir);
    },
  };
}

export function release(over: Partial<PublishInput> = {}): PublishInput {
  return {
    id: uuidv7(),
    title: 'Rapat Pleno Rekapitulasi Daftar Pemilih',
    slug: '',
    dateline: 'Blora',
    date: '2025-12-04',
    category: 'berita-terkini',
    tags: ['pemilih', 'pleno'],
    summary: 'KPU Kabupaten Blora menggelar rapat pleno terbuka.',
    byline: 'Humas KPU Blora',
    office: 'KPU Kabupaten Blora',
    province: 'Jawa Tengah',
    leadImage: null,
    body: doc('KPU Kabupaten Blora menggelar rapat pleno terbuka rekapitulasi.'),
    ...over,
  };
}

/** A phone browser: the site is mobile first, and a "Headless" user agent counts as a crawler. */
export const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
