import { createHash, randomBytes } from 'node:crypto';

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

// Crockford base32 without I, L, O, U: easy to read aloud and type.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrollment code like `WARTA-7K3M-Q9TX-2HCF-8BNW` (80 random bits). */
export function newEnrollmentCode(): string {
  const bytes = randomBytes(16);
  let chars = '';
  for (let i = 0; i < 16; i++) chars += ALPHABET[bytes[i]! % 32];
  return `WARTA-${chars.match(/.{4}/g)!.join('-')}`;
}

/** Codes are compared case-insensitively and without spaces/dashes (people retype them). */
const normalizeCode = (code: string): string =>
  code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/^WARTA/, '');

export const hashCode = (code: string): string => sha256Hex(`code:${normalizeCode(code)}`);

/** A device token: 256 random bits. Only its hash is stored. */
export const newDeviceToken = (): string => `wt_${randomBytes(32).toString('base64url')}`;

export const hashToken = (token: string): string => sha256Hex(`token:${token}`);
