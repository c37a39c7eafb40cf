/** The desktop app's own origin: the page is served from warta://app/. */
export const APP_SCHEME = 'warta';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * True only for URLs of our app (or the dev server in development). Compares parsed
 * parts, since Node's URL gives custom schemes an opaque "null" origin.
 */
export function isAppUrl(raw: string | undefined, devOrigin: string | null): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  return devOrigin !== null && url.origin === devOrigin;
}

/** Links a writer may open in the system browser: web pages and e-mail only. */
export function isExternalLink(raw: string): boolean {
  try {
    const { protocol } = new URL(raw);
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}
