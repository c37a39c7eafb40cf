import { z } from 'zod';

/** A lowercase hex SHA-256 digest, as a regex source to embed in longer patterns (media URLs). */
export const SHA256_HEX = '[0-9a-f]{64}';

const SHA256_EXACT = new RegExp(`^${SHA256_HEX}$`);

/** Attachments and approved texts are named by such a digest. */
export const isSha256 = (value: string): boolean => SHA256_EXACT.test(value);

export const Sha256Schema = z.string().regex(SHA256_EXACT, 'not a sha256 hex digest');
