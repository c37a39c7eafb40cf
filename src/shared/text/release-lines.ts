import type { Contact } from '../domain/release';

/**
 * The lines that close a release on paper, the public page and the feed. Always Indonesian:
 * they are part of the release, whatever language the interface speaks.
 */

/** "Nomor: 12/HM.02-SP/3316/2025", or '' before HQ gave one. */
export const numberLine = (number: string): string => (number ? `Nomor: ${number}` : '');

/** "Narahubung: Siti Aminah (Kasubbag Teknis), 0812-3456-7890", or '' without a contact person. */
export function contactLine(contact: Contact | null): string {
  if (!contact || !(contact.name || contact.phone)) return '';
  const who = [contact.name, contact.role ? `(${contact.role})` : ''].filter(Boolean).join(' ');
  return `Narahubung: ${[who, contact.phone].filter(Boolean).join(', ')}`;
}

const CONTACT_LINE = /^Narahubung:\s*(.*?)(?:\s*\(([^)]*)\))?(?:,\s*([^,]*))?\s*$/;

/** A line written by `contactLine` read back (a .docx this app exported); null when it is not one. */
export function parseContactLine(line: string): Contact | null {
  const m = CONTACT_LINE.exec(line.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const [, name = '', role = '', phone = ''] = m;
  return { name: name.slice(0, 120), role: role.slice(0, 120), phone: phone.slice(0, 40) };
}
