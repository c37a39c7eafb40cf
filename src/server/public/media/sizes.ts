/**
 * The renditions the pages use. Widths only (height follows the aspect ratio); a rendition is
 * produced once on first request and cached on disk. Kept to a short fixed list so a URL can
 * never make HQ produce arbitrary sizes.
 */
export const IMAGE_WIDTHS = { w400: 400, w800: 800, w1200: 1200 } as const;
export type ImageSize = keyof typeof IMAGE_WIDTHS;
const IMAGE_FORMATS = ['jpg', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const BODY_IMAGE_SIZE: ImageSize = 'w800';
export const THUMB_SIZE: ImageSize = 'w400';
/** Open Graph / Twitter cards want a large image. */
export const SHARE_SIZE: ImageSize = 'w1200';

export const isImageSize = (s: string): s is ImageSize => Object.prototype.hasOwnProperty.call(IMAGE_WIDTHS, s);
export const isImageFormat = (s: string): s is ImageFormat => (IMAGE_FORMATS as readonly string[]).includes(s);

export const mediaPath = (sha256: string, size: ImageSize, format: ImageFormat = 'jpg'): string =>
  `/media/${sha256}/${size}.${format}`;

export const srcsetFor = (sha256: string, format: ImageFormat = 'jpg'): string =>
  (Object.keys(IMAGE_WIDTHS) as ImageSize[])
    .map((s) => `${mediaPath(sha256, s, format)} ${IMAGE_WIDTHS[s]}w`)
    .join(', ');
