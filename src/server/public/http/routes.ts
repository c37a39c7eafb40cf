import type { FastifyInstance } from 'fastify';
import { registerApiRoutes } from './api-routes';
import { registerFeedRoutes } from './feed-routes';
import { registerMediaRoutes } from './media-routes';
import { registerPageRoutes } from './page-routes';
import { createSite, type PublicSiteDeps } from './site';

/**
 * Strict by default: no script at all, styles and images only from this origin. Pages work
 * without JavaScript, so nothing is lost.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
} as const;

export async function registerPublicRoutes(app: FastifyInstance, deps: PublicSiteDeps): Promise<void> {
  const site = createSite(deps);
  // Several allowed origins: the links in a page follow the Host, so caches must key on it too.
  const varyHost = (deps.allowedOrigins?.length ?? 0) > 1;

  /** Security headers on everything this plugin answers (a callback hook: no promise per answer). */
  app.addHook('onSend', (_req, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    if (varyHost) reply.header('vary', [reply.getHeader('vary'), 'Host'].filter(Boolean).join(', '));
    done(null, payload);
  });

  registerPageRoutes(app, site);
  registerFeedRoutes(app, site);
  registerApiRoutes(app, site);
  registerMediaRoutes(app, site, deps);
}
