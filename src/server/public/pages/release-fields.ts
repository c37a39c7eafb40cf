import type { Publication } from '../types';
import { esc } from './html';

/** "Narahubung: Siti Aminah (Kasubbag Teknis), 0812-3456-7890", or '' without a contact person. */
export function contactLine(p: Pick<Publication, 'contact'>): string {
  const c = p.contact;
  if (!c) return '';
  const who = [c.name, c.role ? `(${c.role})` : ''].filter(Boolean).join(' ');
  return `Narahubung: ${[who, c.phone].filter(Boolean).join(', ')}`;
}

/**
 * The release number and contact person as the page and the feed show them, after the body
 * (escaped here: both are plain text from the release).
 */
export function releaseFieldsHtml(p: Pick<Publication, 'number' | 'contact'>): string {
  const parts: string[] = [];
  if (p.number) parts.push(`<p class="release-number">Nomor: ${esc(p.number)}</p>`);
  const contact = contactLine(p);
  if (contact) parts.push(`<p class="release-contact">${esc(contact)}</p>`);
  return parts.length ? `<footer class="release-fields">${parts.join('')}</footer>` : '';
}
