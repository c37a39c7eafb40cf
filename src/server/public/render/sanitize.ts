import sanitizeHtml from 'sanitize-html';
import { SHA256_HEX } from '../../../shared/domain/digest';
import { isAllowedLink } from '../../../shared/editor';
import { srcsetFor } from '../media/sizes';

/** A link href passes only when it is a plain http(s)/mailto URL with nothing hidden in it. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const href = raw.trim();
  // eslint-disable-next-line no-control-regex
  if (!href || href.length > 2048 || /[\u0000-\u001f\u007f\s<>"'`\\]/.test(href)) return null;
  if (!isAllowedLink(href)) return null;
  try {
    const u = new URL(href);
    if (!['http:', 'https:', 'mailto:'].includes(u.protocol)) return null;
  } catch {
    return null;
  }
  return href;
}

const MEDIA_SRC = new RegExp(`^/media/(${SHA256_HEX})/w\\d+\\.(jpg|webp)$`);

/** The last word: an allowlist of exactly what the shared schema renders. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'h2',
      'h3',
      'h4',
      'blockquote',
      'ul',
      'ol',
      'li',
      'hr',
      'strong',
      'em',
      's',
      'u',
      'a',
      'pre',
      'code',
      'table',
      'tbody',
      'tr',
      'th',
      'td',
      'figure',
      'figcaption',
      'img',
      'span',
    ],
    allowedAttributes: {
      a: ['href', 'rel'],
      ol: ['start'],
      th: ['colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
      img: ['src', 'srcset', 'sizes', 'alt', 'loading', 'decoding'],
      span: ['class'],
      code: ['class'],
    },
    allowedClasses: { span: ['caption', 'credit'], code: [/^language-[a-z0-9+#-]{1,20}$/i] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowedStyles: {},
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs): sanitizeHtml.Tag => {
        const href = safeHref(attribs.href);
        return { tagName, attribs: href ? { href, rel: 'noopener noreferrer nofollow' } : {} };
      },
      img: (tagName, attribs): sanitizeHtml.Tag => {
        const m = MEDIA_SRC.exec(attribs.src ?? '');
        if (!m) return { tagName, attribs: {} };
        const sha = m[1] as string;
        return {
          tagName,
          attribs: {
            src: attribs.src ?? '',
            srcset: srcsetFor(sha),
            sizes: '(max-width: 720px) 100vw, 720px',
            alt: attribs.alt ?? '',
            loading: 'lazy',
            decoding: 'async',
          },
        };
      },
    },
    // An <img> without a local media source, or a link without a safe href, is dropped/unwrapped.
    exclusiveFilter: (frame) => frame.tag === 'img' && !MEDIA_SRC.test(frame.attribs.src ?? ''),
  });
}
