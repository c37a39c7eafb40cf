/**
 * The HQ server: Fastify with zod validation on every route, SQLite storage, structured logs
 * (pino via Fastify) and graceful shutdown (close() stops accepting, finishes in-flight
 * requests — a push batch is one transaction, so it is stored whole or not at all).
 */
import { join, resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ensurePrivateDir, ensurePrivateFile, repairModes, type ModeLog } from '../node/fs/private-dir';
import { PATHS, PROTOCOL_VERSION, type ErrorResponse } from '../shared/sync/protocol';
import { useDepthCheckedJson } from '../node/http/json-body';
import { MAX_JSON_DEPTH } from '../shared/sync/protocol';
import { AttachmentFiles } from './attachments';
import { registerEdgeGuard } from './edge/guard';
import { edgeLimits, type EdgeLimits } from './edge/options';
import { registerPressureRelief } from './edge/pressure';
import { limitConnections, socketOptions } from './edge/server-options';
import { HttpError } from './http-errors';
import type { TimeZoneLabel } from '../shared/office';
import { officeZone } from './offices/profile';
import { openPublicSite, registerPublicSite, type PublicSite } from './public';
import { registerAttachmentRoutes } from './routes/attachments';
import { registerEnrollRoute } from './routes/enroll';
import { registerOfficeWordsRoute } from './routes/office-words';
import { registerSyncRoutes } from './routes/sync';
import { deviceLogs, registerSupportRoutes } from './support';
import { registerUpdateRoutes, updateReleases } from './updates';
import { openSqliteStorage, type MigrationLog, type SqliteStorage } from './storage/sqlite';
import type { HqStorage, OfficeRow, RevisionRow } from './storage/types';

export interface HqServerOptions {
  dataDir: string;
  /** Structured logs (JSON lines on stderr). Default false (tests). */
  log?: boolean | 'debug' | 'info' | 'warn' | 'error' | undefined;
  host?: string | undefined;
  /** Mount the public site (src/server/public). Default true; tests of sync alone turn it off. */
  publicSite?: boolean | undefined;
  /** Keep rendered public pages in memory (default true; off only to measure what it saves). */
  renderCache?: boolean | undefined;
  /** HQ's clock (tests inject one to move embargo times); default the system clock. */
  now?: (() => Date) | undefined;
  /** Timeouts, connection cap, rate limits, attachment caps (tests make them short). */
  limits?: Partial<EdgeLimits> | undefined;
}

export interface HqServer {
  app: FastifyInstance;
  storage: HqStorage;
  /** Base URL (with trailing slash) once listening. */
  readonly url: string;
  listen(port?: number): Promise<string>;
  /** Every new release revision after its batch committed (status, fields, actor). */
  onRevision(listener: (rev: RevisionRow, office: OfficeRow | null) => void): void;
  close(): Promise<void>;
}

/** Storage file name under the data dir. */
export const HQ_DB_FILE = 'hq.sqlite';

/** Where a repaired mode is reported: the server's logger, or stderr for the admin commands. */
const modeLogFor = (log: MigrationLog | undefined): ModeLog =>
  log && 'warn' in log && typeof log.warn === 'function'
    ? (log as ModeLog)
    : { warn: (obj, msg) => process.stderr.write(`HQ: ${msg ?? ''} ${JSON.stringify(obj)}\n`) };

export function openStorage(dataDir: string, log?: MigrationLog): SqliteStorage {
  // Holds token hashes and every release: readable by HQ's user only, even in a dir made before.
  const modeLog = modeLogFor(log);
  ensurePrivateDir(dataDir, modeLog);
  ensurePrivateFile(join(dataDir, HQ_DB_FILE));
  const storage = openSqliteStorage(join(dataDir, HQ_DB_FILE), log);
  repairModes(dataDir, modeLog);
  return storage;
}

function errorBody(code: ErrorResponse['code'], message: string, extra: object = {}): ErrorResponse {
  return { code, message, ...extra };
}

type FollowedHead = Pick<
  RevisionRow,
  'releaseId' | 'status' | 'deleted' | 'publishAt' | 'fields' | 'revision' | 'event' | 'note'
> & {
  hqTime: string;
};

/** Every new head goes to the publisher, inside the batch's transaction: it alone decides what is public. */
function publishHead(site: PublicSite, rev: FollowedHead, office: OfficeRow | null, timeZone: TimeZoneLabel): void {
  site.publisher.follow({
    id: rev.releaseId,
    head: rev,
    transition: rev.event === 'transition',
    note: rev.note,
    at: rev.hqTime,
    release: rev.fields
      ? {
          id: rev.releaseId,
          ...rev.fields,
          office: office?.name ?? rev.fields.office,
          province: office?.province || null,
          timeZone,
          revision: rev.revision,
        }
      : null,
  });
}

export async function createHqServer(options: HqServerOptions): Promise<HqServer> {
  const dataDir = resolve(options.dataDir);
  const level = options.log === true ? 'info' : options.log || 'silent';
  const limits = edgeLimits(options.limits);
  const app = Fastify({
    logger: level === 'silent' ? false : { level, stream: process.stderr },
    // Routes that take a body say how much; the rest (GETs, the public site) need next to none.
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...socketOptions(limits),
  });
  limitConnections(app.server, limits);
  const storage = openStorage(dataDir, app.log);
  const files = new AttachmentFiles(join(dataDir, 'attachments'));

  // The API speaks JSON (and raw bytes for attachments, in their own scope): anything else is 415.
  app.removeContentTypeParser('text/plain');
  useDepthCheckedJson(app, MAX_JSON_DEPTH);

  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      if (err.statusCode >= 500 && err.code !== 'unavailable') request.log.error({ err }, err.message);
      return reply.code(err.statusCode).send(errorBody(err.code, err.message, err.extra));
    }
    const code = (err as FastifyError).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send(errorBody('too_large', 'request body too large'));
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply
        .code(415)
        .send(
          errorBody(
            'unsupported_media',
            `unsupported content type ${String(request.headers['content-type'] ?? '(none)')}`,
          ),
        );
    const status = (err as FastifyError).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .code(status === 413 ? 413 : 400)
        .send(errorBody(status === 413 ? 'too_large' : 'invalid_input', `bad request: ${err.message}`));
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send(errorBody('internal', 'internal error'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );

  const listeners: ((rev: RevisionRow, office: OfficeRow | null) => void)[] = [];
  const afterCommit = (revisions: RevisionRow[]): void => {
    for (const rev of revisions) {
      const office = storage.getOffice(rev.officeId);
      for (const listener of listeners) {
        try {
          listener(rev, office);
        } catch (err) {
          app.log.error({ err, releaseId: rev.releaseId, revision: rev.revision }, 'revision listener failed');
        }
      }
    }
  };

  await registerPressureRelief(app, limits);
  const guard = await registerEdgeGuard(app, storage, limits);
  app.get(PATHS.health, async () => ({ ok: true, protocol: PROTOCOL_VERSION }));
  registerEnrollRoute(app, storage, guard);
  registerOfficeWordsRoute(app, storage, guard);
  registerSyncRoutes(app, storage, guard, { afterCommit, onRevision: (rev) => onRevision(rev), now: options.now });
  await registerAttachmentRoutes(app, storage, files, { guard, limits });
  registerUpdateRoutes(app, { guard, releases: updateReleases(storage.db), updatesDir: join(dataDir, 'updates') });
  registerSupportRoutes(app, { guard, logs: deviceLogs(storage.db) });

  let site: PublicSite | null = null;
  const onRevision = (rev: RevisionRow): void => {
    if (!site) return;
    try {
      const office = storage.getOffice(rev.officeId);
      publishHead(site, { ...rev, hqTime: rev.actor.hqTime }, office, officeZone(storage, office));
    } catch (err) {
      // A release the publisher refuses must not undo the writer's batch: log it, keep going.
      app.log.error({ err, releaseId: rev.releaseId, revision: rev.revision }, 'publishing failed');
    }
  };
  if (options.publicSite !== false) {
    // A site that cannot open (e.g. a malformed wordpress.json) stops HQ: running on without
    // it would accept Terbit transitions that never reach the public pages.
    try {
      site = openPublicSite({
        dataDir,
        db: storage.db,
        attachments: { read: (sha) => files.read(sha) },
        ...(options.now ? { now: options.now } : {}),
        ...(options.renderCache === false ? { renderCache: false } : {}),
      });
      await registerPublicSite(app, site);
      // Pages put up before the publisher followed every head (e.g. of a release deleted while
      // public) are checked against their head once at start.
      for (const id of site.store.upIds()) {
        const head = storage.getReleaseHead(id);
        if (!head) continue;
        try {
          const followed = { ...head, releaseId: id, event: 'edited' as const, note: null, hqTime: head.updatedAt };
          const office = storage.getOffice(head.officeId);
          publishHead(site, followed, office, officeZone(storage, office));
        } catch (err) {
          app.log.error({ err, releaseId: id }, 'checking a public page against its head failed');
        }
      }
    } catch (err) {
      site?.close();
      storage.close();
      throw err;
    }
  }

  // The address the CLI prints should lead somewhere: the public index when it is mounted.
  if (!app.hasRoute({ method: 'GET', url: '/' })) {
    app.get('/', async (_request, reply) =>
      site ? reply.redirect('/berita', 302) : { name: 'Warta HQ', protocol: PROTOCOL_VERSION },
    );
  }

  let url = '';
  let closed: Promise<void> | null = null;
  return {
    app,
    storage,
    get url() {
      return url;
    },
    async listen(port = 0) {
      const host = options.host ?? '127.0.0.1';
      await app.listen({ port, host });
      const addr = app.server.address();
      const actualPort = typeof addr === 'object' && addr ? addr.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
      url = `http://${shownHost}:${actualPort}/`;
      return url;
    },
    onRevision(listener) {
      listeners.push(listener);
    },
    close() {
      closed ??= (async () => {
        try {
          await app.close();
        } finally {
          site?.close();
          storage.close();
        }
      })();
      return closed;
    },
  };
}
