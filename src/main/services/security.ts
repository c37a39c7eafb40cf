/**
 * The Content-Security-Policy of the workstation page, sent as a header by both the web
 * host and the desktop shell (and mirrored by the renderer's <meta>). No inline or remote
 * script, no plugins, no framing, network only back to our own origin. Inline styles are
 * allowed because the editor (ProseMirror/TipTap) sets style attributes on nodes.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const META_CSP = /<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(["'])(.*?)\2/is;

/**
 * The policy to send as a header: the renderer's own <meta> policy when the built page has
 * one (so both always agree), plus `frame-ancestors 'none'`, which only works as a header.
 */
export function cspForPage(indexHtml: string): string {
  const meta = indexHtml.match(META_CSP)?.[3]?.replace(/\s+/g, ' ').trim();
  if (!meta) return CONTENT_SECURITY_POLICY;
  return /frame-ancestors/.test(meta) ? meta : `${meta}; frame-ancestors 'none'`;
}

/** Headers every response of the workstation carries besides the CSP, on either transport. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
