import { contactLine, numberLine } from '../../../shared/text/release-lines';
import type { Publication } from '../types';
import { esc } from './html';

/**
 * The release number and contact person as the page and the feed show them, after the body
 * (escaped here: both are plain text from the release).
 */
export function releaseFieldsHtml(p: Pick<Publication, 'number' | 'contact'>): string {
  const parts: string[] = [];
  const number = numberLine(p.number);
  if (number) parts.push(`<p class="release-number">${esc(number)}</p>`);
  const contact = contactLine(p.contact);
  if (contact) parts.push(`<p class="release-contact">${esc(contact)}</p>`);
  return parts.length ? `<footer class="release-fields">${parts.join('')}</footer>` : '';
}
