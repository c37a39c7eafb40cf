import { statSync } from 'node:fs';
import { extname, normalize, resolve, sep } from 'node:path';

/*
 * The built page (out/renderer) as both transports serve it: the web host over HTTP,
 * the desktop shell over the warta://app/ protocol. Node only, no electron.
 */

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.dic': 'text/plain; charset=utf-8',
  '.aff': 'text/plain; charset=utf-8',
};

export const mimeFor = (file: string): string => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Resolves a URL path to a file inside the renderer dir, or null. Rejects anything that
 * would climb out of it (`..`, encoded separators, NUL) rather than trying to repair it.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rootAbs = resolve(root);
  const candidate = resolve(rootAbs, '.' + normalize('/' + decoded));
  if (candidate !== rootAbs && !candidate.startsWith(rootAbs + sep)) return null;
  try {
    return statSync(candidate).isFile() ? candidate : null;
  } catch {
    return null;
  }
}
