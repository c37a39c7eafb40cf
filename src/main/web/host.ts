import { createReadStream } from 'node:fs';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { ErrorCode } from '../../shared/contract';
import { dispatch } from '../../shared/contract/dispatch';
import { Sha256Schema } from '../../shared/domain/digest';
import { MAX_JSON_DEPTH } from '../../shared/sync/protocol';
import { useDepthCheckedJson } from '../../node/http/json-body';
import { cspForPage, SECURITY_HEADERS, type Services } from '../services';
import { mediaCookieName, readCookie, secretMatches, splitToken } from './guard';
import { createLaunchLinks, type LaunchLinks } from './launch';
import { foreignRequest, noSession, registerPages, sessionOf, type PageContext } from './pages';
import { refuse } from './refuse';
import { createSessionKeys } from './session';
import { checkRendererDir, readIndex } from './static';

/** Big enough for an image at the 10 MiB cap as base64 plus the JSON around it. */
const RPC_BODY_LIMIT = 16 * 1024 * 1024;

const STATUS_FOR: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  needs_confirmation: 409,
  too_large: 413,
  unsupported_media: 415,
  unauthorized: 401,
  forbidden: 403,
  network: 502,
  storage: 507,
  internal: 500,
};

export interface WebHostOptions {
  services: Services;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** pino options for Fastify's logger, or false for silence (unit tests). */
  logger: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** Owner-only file keeping the session signing key across restarts; one key per run without it. */
  sessionKeyFile?: string;
  /** Owner-only file holding the current one-time link (for a desktop launcher); removed on close. */
  urlFile?: string;
}

export interface WebHost {
  /** The origin with a trailing slash, e.g. http://127.0.0.1:4780/ (without a session: the welcome page). */
  url: string;
  port: number;
  /** The one-time link that lets a browser in now (a new one after each use). */
  launchUrl(): string;
  app: FastifyInstance;
  /** Stops accepting, finishes in-flight requests, removes the link file; does not close the services. */
  close(): Promise<void>;
}

/** Request logs never carry the query: that is where the one-time token travels. */
const requestForLog = (
  request: FastifyRequest,
): { method: string; url: string; host: string; remoteAddress: string } => ({
  method: request.method,
  url: splitToken(request.url).path,
  host: request.headers.host ?? '',
  remoteAddress: request.ip,
});

const loggerOptions = (logger: WebHostOptions['logger']): FastifyServerOptions['logger'] =>
  typeof logger === 'boolean' ? logger : { ...logger, serializers: { req: requestForLog } };

/**
 * The loopback web host: the same contract as the desktop IPC, carried over
 * `POST /rpc/<method>`, plus the built page and `/media/<sha256>`. Bound to 127.0.0.1
 * only; every request must name our exact host (defeats DNS rebinding). A browser gets in
 * only through the one-time link printed on start, which it trades for session cookies; RPC
 * calls must carry the session cookie and the session's token and come from our own origin.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  checkRendererDir(opts.rendererDir);
  const keys = createSessionKeys(opts.sessionKeyFile);
  const csp = cspForPage(readIndex(opts.rendererDir));
  let port = 0;
  let ownHost = '';
  let ownOrigin = '';
  let links: LaunchLinks | null = null;
  const ctx: PageContext = {
    rendererDir: opts.rendererDir,
    keys,
    port: () => port,
    ownOrigin: () => ownOrigin,
    links: () => {
      if (!links) throw new Error('web host is not listening yet');
      return links;
    },
  };

  const app = Fastify({
    logger: loggerOptions(opts.logger),
    bodyLimit: RPC_BODY_LIMIT,
    trustProxy: false,
    // While shutting down, new requests get 503 and in-flight ones finish.
    return503OnClosing: true,
  });
  // A body nested thousands deep is a 400 before it is parsed, not a stack overflow later.
  useDepthCheckedJson(app, MAX_JSON_DEPTH);

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    reply.header('Content-Security-Policy', csp);
    if (request.headers.host !== ownHost) {
      return refuse(
        reply,
        403,
        'forbidden',
        `Host "${String(request.headers.host).slice(0, 100)}" is not allowed; use ${ownOrigin}/`,
      );
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return refuse(reply, 400, 'invalid_input', 'Request body is not valid JSON');
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return refuse(reply, 400, 'invalid_input', 'Request body is empty; send {} for no arguments');
    if (status === 413) return refuse(reply, 413, 'too_large', `Request body is larger than ${RPC_BODY_LIMIT} bytes`);
    if (status === 415) return refuse(reply, 415, 'invalid_input', 'Send the arguments as application/json');
    if (status >= 400 && status < 500) return refuse(reply, status, 'invalid_input', error.message);
    return refuse(reply, 500, 'internal', 'Internal error');
  });

  app.setNotFoundHandler((request, reply) =>
    refuse(reply, 404, 'not_found', `Nothing at ${request.method} ${request.url.slice(0, 100)}`),
  );

  /**
   * The RPC guard runs as a hook of the route itself, not by looking at the URL: a path
   * spelled differently (e.g. percent-encoded "/%72pc/…") still routes here and is still checked.
   */
  const rpcGuard = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const foreign = foreignRequest(ctx, request);
    if (foreign !== null) return refuse(reply, 403, 'forbidden', foreign);
    const session = sessionOf(ctx, request);
    if (session === null) return noSession(reply);
    const given = request.headers['x-warta-secret'];
    if (given === undefined) return refuse(reply, 403, 'forbidden', 'Missing x-warta-secret header');
    if (!secretMatches(Array.isArray(given) ? given[0] : given, keys.rpcToken(session))) {
      return refuse(reply, 403, 'forbidden', 'Wrong x-warta-secret');
    }
    return undefined;
  };

  app.post<{ Params: { method: string } }>('/rpc/:method', { onRequest: rpcGuard }, async (request, reply) => {
    const type = request.headers['content-type'];
    if (request.body !== undefined && !String(type).toLowerCase().startsWith('application/json')) {
      return refuse(reply, 415, 'invalid_input', 'Send the arguments as application/json');
    }
    const name = request.params.method;
    const envelope = await dispatch(opts.services.handlers, name, request.body, (method, error) =>
      request.log.error({ err: error, method }, 'handler failed'),
    );
    const status = envelope.ok ? 200 : STATUS_FOR[envelope.error.code];
    reply.header('Cache-Control', 'no-store');
    return reply.code(status).type('application/json; charset=utf-8').send(envelope);
  });

  app.get<{ Params: { sha256: string } }>('/media/:sha256', async (request, reply) => {
    // img tags cannot send headers: media has a cookie of its own, worth nothing for RPC.
    if (!keys.mediaAllowed(readCookie(request.headers.cookie, mediaCookieName(port))))
      return refuse(reply, 403, 'forbidden', 'Media needs the session cookie of this workstation page');
    const sha = Sha256Schema.safeParse(request.params.sha256);
    if (!sha.success) return refuse(reply, 400, 'invalid_input', 'Not a sha256 digest');
    const file = opts.services.mediaLookup(sha.data);
    if (!file) return refuse(reply, 404, 'not_found', 'No such image');
    reply
      .header('Cache-Control', 'private, max-age=31536000, immutable')
      .header('Content-Length', String(file.bytes))
      // An image served on its own must never become a document that runs script.
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .type(file.mime);
    return reply.send(createReadStream(file.path));
  });

  registerPages(app, ctx);

  await app.listen({ host: '127.0.0.1', port: opts.port });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('web host did not bind a TCP port');
  port = address.port;
  ownHost = `127.0.0.1:${port}`;
  ownOrigin = `http://${ownHost}`;
  const launch = createLaunchLinks(ownOrigin, opts.urlFile);
  links = launch;

  return {
    url: `${ownOrigin}/`,
    port,
    launchUrl: () => launch.current(),
    app,
    close: async () => {
      launch.close();
      await app.close();
    },
  };
}
