import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export { mimeFor, resolveStatic } from '../services/page';

/** Thrown when the renderer has not been built: the host cannot serve a page without it. */
export class RendererMissingError extends Error {}

export function checkRendererDir(dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new RendererMissingError(
      `The workstation page is not built: ${join(dir, 'index.html')} is missing. Run "npm run build" (or "npx electron-vite build") first.`,
    );
  }
}

const SECRET_META = /<meta\s+name=["']warta-secret["']\s+content=["'][^"']*["']\s*\/?>/i;

/** index.html with the per-run secret in `<meta name="warta-secret">` (added if absent). */
export function indexWithSecret(root: string, secret: string): string {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const meta = `<meta name="warta-secret" content="${secret}">`;
  if (SECRET_META.test(html)) return html.replace(SECRET_META, meta);
  return html.replace(/<head([^>]*)>/i, `<head$1>${meta}`);
}
