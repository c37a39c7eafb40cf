import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { isSha256 } from '../../../shared/domain';
import { ImageRenditions, MediaNotFound } from '../media/images';
import { isImageFormat, isImageSize } from '../media/sizes';
import type { AttachmentSource } from '../types';
import { notModified } from './conditional';
import type { Site } from './site';

/** Images: content-addressed, but a withdrawal must be able to take them down within a day. */
const MEDIA_CACHE = 'public, max-age=86400';

/** Resized images of published releases, made on first request and cached on disk. */
export function registerMediaRoutes(
  app: FastifyInstance,
  site: Site,
  source: { attachments: AttachmentSource; mediaCacheDir: string },
): void {
  const images = new ImageRenditions(source.attachments, source.mediaCacheDir);

  app.get<{ Params: { sha: string; file: string } }>('/media/:sha/:file', async (req, reply) => {
    const { sha, file } = req.params;
    const m = /^([a-z0-9]+)\.([a-z]+)$/.exec(file);
    const size = m?.[1] ?? '';
    const format = m?.[2] ?? '';
    if (!isSha256(sha) || !isImageSize(size) || !isImageFormat(format)) return site.notFound(req, reply);
    // Only images the public can see: not a draft's, not an embargoed or withdrawn release's.
    if (!site.store.mediaVisible(sha, site.now())) return site.notFound(req, reply);
    let path: string;
    try {
      path = await images.rendition(sha, size, format);
    } catch (err) {
      if (err instanceof MediaNotFound) return site.notFound(req, reply);
      throw err;
    }
    const etag = `"${sha.slice(0, 16)}-${size}-${format}"`;
    if (notModified(req, reply, { etag, lastModified: null, cacheControl: MEDIA_CACHE })) return reply;
    return reply.type(format === 'webp' ? 'image/webp' : 'image/jpeg').send(createReadStream(path));
  });
}
