import type { DocNode } from '../domain/doc';

/**
 * Plain text of a TipTap document, shared by the store (search index, word counts),
 * the renderer's live count and HQ, so every place counts the same way.
 */

/** Nodes whose text stands on its own line(s) — blocks get a newline between them. */
const INLINE_TYPES = new Set(['text', 'hardBreak', 'image', 'mention']);

function collect(node: DocNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(node.text ?? '');
    return;
  }
  if (node.type === 'hardBreak') {
    out.push('\n');
    return;
  }
  if (node.type === 'figure') {
    // A figure's caption and credit are words the reader sees, so they count and are searchable.
    const attrs = node.attrs ?? {};
    const parts = [attrs['caption'], attrs['credit']].filter(
      (p): p is string => typeof p === 'string' && p.trim() !== '',
    );
    if (parts.length) out.push('\n', parts.join(' '), '\n');
    return;
  }
  const isBlock = !INLINE_TYPES.has(node.type);
  if (isBlock && out.length) out.push('\n');
  for (const child of node.content ?? []) collect(child, out);
  if (isBlock) out.push('\n');
}

/** The document's text, blocks separated by newlines, runs of blank lines collapsed. */
export function docToPlainText(doc: DocNode | null | undefined): string {
  if (!doc) return '';
  const out: string[] = [];
  collect(doc, out);
  return out
    .join('')
    .replace(/[ \t]*\n[ \t\n]*/g, '\n')
    .trim();
}

/** A word is a run of non-space characters holding at least one letter or digit ("—" alone is not a word). */
const WORD = /[^\s]*[\p{L}\p{N}][^\s]*/gu;

export function countWordsInText(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Characters the reader sees, without the line breaks between blocks (as TipTap's CharacterCount). */
function countCharactersInText(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== '\n') n += 1;
  return n;
}

export function countWords(doc: DocNode | null | undefined): number {
  return countWordsInText(docToPlainText(doc));
}

export function countCharacters(doc: DocNode | null | undefined): number {
  return countCharactersInText(docToPlainText(doc));
}

export interface TextStats {
  words: number;
  characters: number;
}

/** Words and characters in one pass over the document, for live counters. */
export function textStats(doc: DocNode | null | undefined): TextStats {
  const text = docToPlainText(doc);
  return { words: countWordsInText(text), characters: countCharactersInText(text) };
}
