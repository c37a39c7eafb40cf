import type { IMAGE_MIME_TYPES } from '../../shared/contract/releases';

export type ImageMime = (typeof IMAGE_MIME_TYPES)[number];

/** The type is read from the bytes themselves; a file's name or claimed type proves nothing. */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  const at = (i: number) => bytes[i];
  const ascii = (from: number, text: string) => [...text].every((ch, i) => at(from + i) === ch.charCodeAt(0));
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b))
    return 'image/png';
  if (bytes.length >= 12 && ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (bytes.length >= 6 && (ascii(0, 'GIF87a') || ascii(0, 'GIF89a'))) return 'image/gif';
  return null;
}
