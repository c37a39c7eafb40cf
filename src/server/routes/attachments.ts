import type { FastifyInstance } from 'fastify';
import { Sha256Schema } from '../../shared/domain';
import { MAX_ATTACHMENT_BYTES, PATHS, type AttachmentPutResponse } from '../../shared/sync/protocol';
import type { AttachmentFiles } from '../attachments';
import { authenticate } from '../auth';
import { HttpError } from '../http-errors';
import { sha256Hex } from '../secrets';
import type { HqStorage } from '../storage/types';
import { parseOr400 } from '../validate';
import { z } from 'zod';

const Params = z.strictObject({ sha256: Sha256Schema });

/** Content-addressed attachments: PUT (hash verified, size capped, idempotent), HEAD, GET. */
export async function registerAttachmentRoutes(
  app: FastifyInstance,
  storage: HqStorage,
  files: AttachmentFiles,
): Promise<void> {
  await app.register(async (scoped) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) =>
      done(null, body),
    );

    scoped.put(
      `${PATHS.attachments}/:sha256`,
      { bodyLimit: MAX_ATTACHMENT_BYTES },
      async (request, reply): Promise<AttachmentPutResponse> => {
        authenticate(storage, request);
        const { sha256 } = parseOr400(Params, request.params, 'attachment address');
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0)
          throw new HttpError('invalid_input', 'attachment body is empty (send the raw bytes)');
        const actual = sha256Hex(bytes);
        if (actual !== sha256) throw new HttpError('invalid_input', `sha256 mismatch: the body hashes to ${actual}`);
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

    const lookup = async (params: unknown): Promise<string> => {
      const { sha256 } = parseOr400(Params, params, 'attachment address');
      if (!storage.hasAttachment(sha256) || !(await files.exists(sha256)))
        throw new HttpError('not_found', `no attachment ${sha256}`);
      return sha256;
    };

    scoped.head(`${PATHS.attachments}/:sha256`, async (request, reply) => {
      authenticate(storage, request);
      await lookup(request.params);
      reply.code(200).send();
    });

    scoped.get(`${PATHS.attachments}/:sha256`, { exposeHeadRoute: false }, async (request, reply) => {
      authenticate(storage, request);
      const sha256 = await lookup(request.params);
      const bytes = await files.read(sha256);
      if (!bytes) throw new HttpError('not_found', `no attachment ${sha256}`);
      reply
        .header('content-type', 'application/octet-stream')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('etag', `"${sha256}"`);
      return reply.send(bytes);
    });
  });
}
