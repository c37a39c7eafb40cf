import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { protocol } from 'electron';
import { Sha256Schema } from '../../shared/domain/digest';
import { cspForPage, mimeFor, resolveStatic, SECURITY_HEADERS, type Services } from '../services';
import { APP_HOST, APP_SCHEME } from './origin';

/** Must run before `app.ready`: makes warta:// a standard, secure origin with fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const fileBody = (path: string): ReadableStream => Readable.toWeb(createReadStream(path)) as ReadableStream;

/**
 * Serves warta://app/ — the built page and `/media/<sha256>` from the data dir — so the
 * renderer uses the same relative URLs as on the web host. Anything else is a 404.
 */
export function handleAppProtocol(rendererDir: string, services: Services): void {
  const csp = cspForPage(readFileSync(join(rendererDir, 'index.html'), 'utf8'));
  const headers = (type: string, extra: Record<string, string> = {}): Record<string, string> => ({
    ...SECURITY_HEADERS,
    'Content-Security-Policy': csp,
    'Content-Type': type,
    ...extra,
  });
  const notFound = (): Response =>
    new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });

  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return notFound();
    const media = /^\/media\/([^/]+)$/.exec(url.pathname);
    if (media) {
      const sha = Sha256Schema.safeParse(media[1]);
      const file = sha.success ? services.mediaLookup(sha.data) : null;
      if (!file) return notFound();
      return new Response(fileBody(file.path), {
        headers: headers(file.mime, {
          'Content-Length': String(file.bytes),
          'Content-Security-Policy': "default-src 'none'; sandbox",
        }),
      });
    }
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file =
      resolveStatic(rendererDir, path) ?? (/\.[a-z0-9]+$/i.test(path) ? null : join(rendererDir, 'index.html'));
    if (!file) return notFound();
    return new Response(fileBody(file), { headers: headers(mimeFor(file), { 'Cache-Control': 'no-cache' }) });
  });
}
