import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mimeFor, resolveStatic } from '../services';
import { mediaCookieName, readCookie, sessionCookieName, splitToken } from './guard';
import type { LaunchLinks } from './launch';
import { refuse } from './refuse';
import type { SessionKeys } from './session';
import { readIndex } from './static';
import { welcomePage } from './welcome';

export interface PageContext {
  rendererDir: string;
  keys: SessionKeys;
  /** Known once the host listens. */
  port(): number;
  ownOrigin(): string;
  links(): LaunchLinks;
}

/** The session id of the request's session cookie, or null. */
export const sessionOf = (ctx: PageContext, request: FastifyRequest): string | null =>
  ctx.keys.sessionOf(readCookie(request.headers.cookie, sessionCookieName(ctx.port())));

/** RPC or /session without a session: the page words the reason as "open the printed link". */
export const noSession = (reply: FastifyReply): FastifyReply =>
  refuse(
    reply,
    401,
    'unauthorized',
    'No session of this workstation; open the link printed when Warta started',
    'web.noSession',
  );

/** A page fetch from somewhere else (a link or form on another site) never gets a session. */
export function foreignRequest(ctx: PageContext, request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ctx.ownOrigin())
    return `Requests from origin "${origin.slice(0, 100)}" are not allowed`;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return 'Cross-site requests are not allowed';
  return null;
}

/** The welcome page runs no script at all; only its own inline style and the favicon. */
const WELCOME_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const cookie = (name: string, value: string, path: string): string =>
  `${name}=${value}; Path=${path}; HttpOnly; SameSite=Strict`;

/**
 * The page routes: the one-time link exchange, the workstation page for a browser with the
 * session cookie, the welcome page (no secret in it) for anyone else, the built assets
 * (public: nothing secret is in them), and `/session`, where the page fetches its RPC token.
 */
export function registerPages(app: FastifyInstance, ctx: PageContext): void {
  const welcome = (reply: FastifyReply, status: number, spent: boolean): FastifyReply =>
    reply
      .code(status)
      .header('Cache-Control', 'no-store')
      .header('Content-Security-Policy', WELCOME_CSP)
      .type('text/html; charset=utf-8')
      .send(welcomePage(ctx.port(), spent));

  const serveIndex = (request: FastifyRequest, reply: FastifyReply, token: string | undefined): FastifyReply => {
    if (token !== undefined) {
      // A link clicked on another site is not spent: its cookies would not reach the page anyway.
      if (foreignRequest(ctx, request) !== null) return welcome(reply, 403, false);
      if (!ctx.links().redeem(token)) return welcome(reply, 403, true);
      const issued = ctx.keys.issue();
      // Redirect to the same page without the token, so it stays in no history or bookmark.
      return reply
        .code(303)
        .header('Cache-Control', 'no-store')
        .header('Set-Cookie', [
          cookie(sessionCookieName(ctx.port()), issued.session, '/'),
          cookie(mediaCookieName(ctx.port()), issued.media, '/media'),
        ])
        .header('Location', '/')
        .send();
    }
    if (sessionOf(ctx, request) === null) return welcome(reply, 401, false);
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(readIndex(ctx.rendererDir));
  };

  const serveStatic = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const { path, token } = splitToken(request.url);
    if (path === '/' || path === '/index.html') return serveIndex(request, reply, token);
    const file = resolveStatic(ctx.rendererDir, path);
    if (file) {
      const immutable = path.startsWith('/assets/');
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.type(mimeFor(file)).send(createReadStream(file));
    }
    // Client-side routes (no file extension) get the page; missing files a 404.
    if (!/\.[a-z0-9]+$/i.test(path)) return serveIndex(request, reply, token);
    return refuse(reply, 404, 'not_found', `No file ${path.slice(0, 100)}`);
  };

  app.get('/session', async (request, reply) => {
    const foreign = foreignRequest(ctx, request);
    if (foreign !== null) return refuse(reply, 403, 'forbidden', foreign);
    const id = sessionOf(ctx, request);
    if (id === null) return noSession(reply);
    return reply
      .header('Cache-Control', 'no-store')
      .type('application/json; charset=utf-8')
      .send({ rpcToken: ctx.keys.rpcToken(id) });
  });
  app.get('/', serveStatic);
  app.get('/*', serveStatic);
}
