import { createReadStream } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ErrorCode, Envelope } from '../../shared/contract';
import { dispatch } from '../../shared/contract/dispatch';
import { Sha256Schema } from '../../shared/domain/digest';
import { MAX_JSON_DEPTH } from '../../shared/sync/protocol';
import { useDepthCheckedJson } from '../../node/http/json-body';
import { cspForPage, mimeFor, resolveStatic, SECURITY_HEADERS, type Services } from '../services';
import { mediaCookieName, newSecret, readCookie, secretMatches } from './guard';
import { checkRendererDir, indexWithSecret } from './static';

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
  /** Fixed secret (tests); a random one per run otherwise. */
  secret?: string;
}

export interface WebHost {
  url: string;
  port: number;
  secret: string;
  app: FastifyInstance;
  /** Stops accepting, finishes in-flight requests; does not close the services. */
  close(): Promise<void>;
}

const refuse = (reply: FastifyReply, status: number, code: ErrorCode, message: string): FastifyReply =>
  reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ ok: false, error: { code, message } } satisfies Envelope);

/**
 * The loopback web host: the same contract as the desktop IPC, carried over
 * `POST /rpc/<method>`, plus the built page and `/media/<sha256>`. Bound to 127.0.0.1
 * only; every request must name our exact host (defeats DNS rebinding), RPC calls must
 * carry the per-run secret and come from our own origin (defeats cross-site calls).
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  checkRendererDir(opts.rendererDir);
  const secret = opts.secret ?? newSecret();
  const csp = cspForPage(indexWithSecret(opts.rendererDir, ''));
  let port = 0;
  let ownHost = '';
  let ownOrigin = '';

  const app = Fastify({
    logger: opts.logger,
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
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ownOrigin) {
      return refuse(reply, 403, 'forbidden', `Requests from origin "${origin.slice(0, 100)}" are not allowed`);
    }
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      return refuse(reply, 403, 'forbidden', 'Cross-site requests are not allowed');
    }
    const given = request.headers['x-warta-secret'];
    if (given === undefined) return refuse(reply, 403, 'forbidden', 'Missing x-warta-secret header');
    if (!secretMatches(Array.isArray(given) ? given[0] : given, secret)) {
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
    const cookie = readCookie(request.headers.cookie, mediaCookieName(port));
    if (!secretMatches(cookie, secret))
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

  const serveIndex = (reply: FastifyReply): FastifyReply =>
    reply
      .header('Cache-Control', 'no-store')
      .header('Set-Cookie', `${mediaCookieName(port)}=${secret}; Path=/media; HttpOnly; SameSite=Strict`)
      .type('text/html; charset=utf-8')
      .send(indexWithSecret(opts.rendererDir, secret));

  const serveStatic = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/' || path === '/index.html') return serveIndex(reply);
    const file = resolveStatic(opts.rendererDir, path);
    if (file) {
      const immutable = path.startsWith('/assets/');
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.type(mimeFor(file)).send(createReadStream(file));
    }
    // Client-side routes (no file extension) get the page; missing files a 404.
    if (!/\.[a-z0-9]+$/i.test(path)) return serveIndex(reply);
    return refuse(reply, 404, 'not_found', `No file ${path.slice(0, 100)}`);
  };
  app.get('/', serveStatic);
  app.get('/*', serveStatic);

  await app.listen({ host: '127.0.0.1', port: opts.port });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('web host did not bind a TCP port');
  port = address.port;
  ownHost = `127.0.0.1:${port}`;
  ownOrigin = `http://${ownHost}`;

  return {
    url: `${ownOrigin}/`,
    port,
    secret,
    app,
    close: () => app.close(),
  };
}
