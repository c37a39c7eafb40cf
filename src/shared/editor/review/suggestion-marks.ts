import { Mark, mergeAttributes } from '@tiptap/core';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from './names';

/** The DOM element parseHTML receives (typed loosely: src/shared compiles without the DOM lib too). */
type Element = { getAttribute(name: string): string | null };

/** Each attr travels in HTML as its own `data-*` attribute. */
const dataAttribute = (attr: string, dataName: string) => ({
  default: '',
  parseHTML: (el: Element) => el.getAttribute(dataName) ?? '',
  renderHTML: (a: Record<string, unknown>) => ({ [dataName]: a[attr] }),
});

/** "Budi Peninjau · 2026-11-30 05:24": who proposed it and when, shown on hover. */
const suggestionTitle = (attrs: Record<string, unknown>): string =>
  `${String(attrs['data-author'] ?? '')} · ${String(attrs['data-at'] ?? '')
    .replace('T', ' ')
    .slice(0, 16)}`;

/** The two suggestion marks differ only in name, HTML tag and class; each excludes the other. */
const suggestionMark = (name: string, excludes: string, tag: 'ins' | 'del', className: string) =>
  Mark.create({
    name,
    inclusive: false,
    excludes,
    addAttributes: () => ({
      id: dataAttribute('id', 'data-suggestion-id'),
      author: dataAttribute('author', 'data-author'),
      at: dataAttribute('at', 'data-at'),
    }),
    parseHTML: () => [{ tag: `${tag}[data-suggestion-id]` }],
    renderHTML: ({ HTMLAttributes }) => [
      tag,
      mergeAttributes(HTMLAttributes, { class: className, title: suggestionTitle(HTMLAttributes) }),
      0,
    ],
  });

export const SuggestionInsert = suggestionMark(SUGGESTION_INSERT, SUGGESTION_DELETE, 'ins', 'warta-suggestion-insert');
export const SuggestionDelete = suggestionMark(SUGGESTION_DELETE, SUGGESTION_INSERT, 'del', 'warta-suggestion-delete');
