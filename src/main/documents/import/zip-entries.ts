import { WartaError } from '../../../shared/contract/define';

/** What a .docx may hold once unpacked: far above any real document, far below what exhausts memory. */
export const MAX_DOCX_UNPACKED_BYTES = 128 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Reads the ZIP's central directory (not the entries) and refuses a file whose entries would
 * unpack to more than MAX_DOCX_UNPACKED_BYTES — a "zip bomb" sent as a .docx would otherwise be
 * inflated in memory by the parser. A directory that cannot be read is a damaged file; ZIP64
 * (which Word never writes for a file this small) is refused as too large.
 */
export function checkZipEntries(name: string, bytes: Buffer): void {
  const corrupt = () => new WartaError('unsupported_media', 'docx.corrupt', { name });
  const tooLarge = () =>
    new WartaError('too_large', 'docx.unpackedTooLarge', { name, limitMb: MAX_DOCX_UNPACKED_BYTES / 1048576 });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES) throw tooLarge();
  let at = offset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw corrupt();
    const unpacked = bytes.readUInt32LE(at + 24);
    if (unpacked === 0xffffffff) throw tooLarge();
    total += unpacked;
    if (total > MAX_DOCX_UNPACKED_BYTES) throw tooLarge();
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}
