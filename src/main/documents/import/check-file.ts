import { WartaError } from '../../../shared/contract/define';
import { MAX_DOCX_BYTES } from '../../../shared/contract/documents';

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/**
 * Refuses, by content and size and before anything is parsed, what cannot be a .docx: too
 * large, empty, a program (MZ / ELF / Mach-O, whatever its name), an OLE compound file (what
 * Word writes for a password-protected .docx, and the old .doc format), anything not a ZIP.
 */
export function checkDocxBytes(name: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new WartaError('too_large', 'docx.tooLarge', {
      name,
      sizeMb: (bytes.length / 1048576).toFixed(1),
      limitMb: MAX_DOCX_BYTES / 1048576,
    });
  }
  if (bytes.length === 0) throw new WartaError('unsupported_media', 'docx.empty', { name });
  if (
    startsWith(bytes, [0x4d, 0x5a]) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])
  )
    throw new WartaError('unsupported_media', 'docx.executable', { name });
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    throw new WartaError('unsupported_media', 'docx.encrypted', { name });
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw new WartaError('unsupported_media', 'docx.notDocx', { name });
}
