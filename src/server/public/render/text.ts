import type { DocNode } from '../../../shared/domain';

/** The readable text of a node: what search, feeds and a repaired block use. */
export function textOf(n: DocNode): string {
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'hardBreak') return '\n';
  const inner = (n.content ?? [])
    .map(textOf)
    .join(n.type === 'doc' || n.type === 'blockquote' || /List|table|Row/.test(n.type) ? ' ' : '');
  if (n.type === 'figure')
    return [n.attrs?.caption, n.attrs?.credit].filter((v) => typeof v === 'string' && v).join(' ');
  return inner;
}

export const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
