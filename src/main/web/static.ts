import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when the renderer has not been built: the host cannot serve a page without it. */
export class RendererMissingError extends Error {}

export function checkRendererDir(dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new RendererMissingError(
      `The workstation page is not built: ${join(dir, 'index.html')} is missing. Run "npm run build" (or "npx electron-vite build") first.`,
    );
  }
}

const lastGood = new Map<string, string>();

/**
 * index.html as built. Read per request so a rebuilt page is picked up; while a rebuild has
 * removed the file for a moment, the last good copy is served instead of an error.
 */
export function readIndex(root: string): string {
  try {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    lastGood.set(root, html);
    return html;
  } catch (error) {
    const cached = lastGood.get(root);
    if (cached === undefined) throw error;
    return cached;
  }
}
