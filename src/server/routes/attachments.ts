import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sniffImage } from '../../node/images/sniff';
import { Sha256Schema } from '../../shared/domain';
import { PATHS, type AttachmentPutResponse } from '../../shared/sync/protocol';
import type { AttachmentFiles } from '../attachments';
import { deviceOf } from '../auth';
import type { EdgeGuard } from '../edge/guard';
import type { EdgeLimits } from '../edge/options';
import { HttpError } from '../http-errors';
import { sha256Hex } from '../secrets';
import type { HqStorage } from '../storage/types';
import { mayReadAttachment } from '../sync/attachment-access';
import { parseOr400 } from '../validate';

const Params = z.strictObject({ sha256: Sha256Schema });
const MIB = 1024 * 1024;

/**
 * Content-addressed attachments: PUT (hash verified, image bytes only, size and office quota
 * capped, idempotent), HEAD, GET. A device reads only what it sent or what a release it may
 * read shows; anything else is the same 404 as an unknown hash, so HQ is no oracle of what exists.
 */
export async function registerAttachmentRoutes(
  app: FastifyInstance,
  storage: HqStorage,
  files: AttachmentFiles,
  edge: { guard: EdgeGuard; limits: EdgeLimits },
): Promise<void> {
  const { guard, limits } = edge;
  await app.register(async (scoped) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limits.attachmentMaxBytes }, (_req, body, done) =>
      done(null, body),
    );

    /** Counts the upload against the office's quota; refused (and not counted) past it. */
    const chargeOffice = (request: FastifyRequest, sha256: string, size: number): void => {
      const who = deviceOf(request);
      storage.transaction(() => {
        storage.recordAttachmentUpload({
          sha256,
          deviceId: who.device.id,
          officeId: who.office.id,
          size,
          createdAt: new Date().toISOString(),
        });
        const used = storage.officeAttachmentBytes(who.office.id);
        if (used > limits.officeQuotaBytes)
          throw new HttpError(
            'quota_exceeded',
            `the attachment quota of ${who.office.name} (${Math.floor(limits.officeQuotaBytes / MIB)} MiB) is used up; ask HQ to raise it`,
          );
      });
    };

    scoped.put(
      `${PATHS.attachments}/:sha256`,
      { bodyLimit: limits.attachmentMaxBytes, onRequest: guard.requireDevice },
      async (request, reply): Promise<AttachmentPutResponse> => {
        const { sha256 } = parseOr400(Params, request.params, 'attachment address');
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0)
          throw new HttpError('invalid_input', 'attachment body is empty (send the raw bytes)');
        const actual = sha256Hex(bytes);
        if (actual !== sha256) throw new HttpError('invalid_input', `sha256 mismatch: the body hashes to ${actual}`);
        // By the bytes, not the claimed type: SVG and HTML never reach the image library or a reader.
        if (!sniffImage(bytes))
          throw new HttpError('unsupported_media', 'an attachment must be a JPEG, PNG, WebP or GIF image');
        chargeOffice(request, sha256, bytes.length);
        if (storage.hasAttachment(sha256) && (await files.exists(sha256))) {
          reply.code(200);
          return { sha256, size: bytes.length, created: false };
        }
        await files.write(sha256, bytes);
        const created = storage.insertAttachment(sha256, bytes.length, new Date().toISOString());
        reply.code(created ? 201 : 200);
        return { sha256, size: bytes.length, created };
      },
    );

    const lookup = async (request: FastifyRequest): Promise<string> => {
      const { sha256 } = parseOr400(Params, request.params, 'attachment address');
      if (!mayReadAttachment(storage, deviceOf(request), sha256) || !(await files.exists(sha256)))
        throw new HttpError('not_found', `no attachment ${sha256}`);
      return sha256;
    };

    scoped.head(`${PATHS.attachments}/:sha256`, { onRequest: guard.requireDevice }, async (request, reply) => {
      await lookup(request);
      reply.code(200).send();
    });

    scoped.get(
      `${PATHS.attachments}/:sha256`,
      { exposeHeadRoute: false, onRequest: guard.requireDevice },
      async (request, reply) => {
        const sha256 = await lookup(request);
        const bytes = await files.read(sha256);
        if (!bytes) throw new HttpError('not_found', `no attachment ${sha256}`);
        reply
          .header('content-type', 'application/octet-stream')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=31536000, immutable')
          .header('etag', `"${sha256}"`);
        return reply.send(bytes);
      },
    );
  });
}
