import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceOf } from '../auth';
import type { EdgeGuard } from '../edge/guard';
import { HttpError } from '../http-errors';
import { parseOr400 } from '../validate';
import { compareVersions } from '../../node/updates/update-info';
import { CHANNELS, FEED_FILE, FILE_NAME } from './manifest';
import { sendFile } from './ranges';
import { reaches } from './rollout';
import type { UpdateReleases } from './store';

const Params = z.strictObject({ channel: z.enum(CHANNELS), file: z.string().regex(FILE_NAME) });

const typeOf = (name: string): string =>
  name.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream';

/**
 * electron-updater's generic feed, per device: `GET /updates/<channel>/latest*.yml` answers
 * the highest version on that channel whose rollout reaches the asking device (404 when none
 * does), and the installers and blockmaps of such releases, with range requests so a slow or
 * broken download resumes where it stopped. Only enrolled devices read it.
 */
export function registerUpdateRoutes(
  app: FastifyInstance,
  deps: { guard: EdgeGuard; releases: UpdateReleases; updatesDir: string },
): void {
  app.get('/updates/:channel/:file', { onRequest: deps.guard.requireDevice }, async (request, reply) => {
    const { channel, file } = parseOr400(Params, request.params, 'update path');
    const who = deviceOf(request);
    // The highest version whose rollout reaches this device (not the latest published: a
    // fix for an older line must not hide a newer release).
    const mine = (feed?: string) =>
      deps.releases
        .list(channel, feed)
        .filter((r) => reaches(r, who.device.id, who.office.id))
        .sort((a, b) => compareVersions(b.version, a.version));
    if (FEED_FILE.test(file)) {
      const release = mine(file)[0];
      if (!release) throw new HttpError('not_found', `no update for this device on ${channel}`);
      return reply.header('cache-control', 'private, no-cache').type(typeOf(file)).send(release.yml);
    }
    for (const release of mine()) {
      const stored = release.files.find((f) => f.name === file);
      const path = join(deps.updatesDir, channel, release.version, file);
      if (stored && existsSync(path)) {
        request.log.info({ device: who.device.id, file, range: request.headers.range ?? null }, 'update download');
        return sendFile(reply, path, stored.size, request.headers.range, typeOf(file));
      }
    }
    throw new HttpError('not_found', `no update file ${file} for this device on ${channel}`);
  });
}
