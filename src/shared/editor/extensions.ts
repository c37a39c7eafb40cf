import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import UniqueID from '@tiptap/extension-unique-id';
import { Figure } from './figure';
import { reviewExtensions } from './review';

/** Node types that carry a stable `id`: comments anchor to them and sync merges by them. */
const BLOCK_TYPES = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'horizontalRule',
  'table',
  'figure',
  'codeBlock',
] as const;

/** Link targets a release may carry. Anything else (javascript:, data:, …) is refused. */
export const isAllowedLink = (href: string): boolean => /^(https?:\/\/|mailto:)/i.test(href.trim());

export interface EditorSchemaOptions {
  mediaUrl?: (attachment: string) => string;
  /** HQ renders without generating ids; the editor generates them. */
  generateIds?: boolean;
}

/**
 * The one editor schema: the renderer edits with it, HQ validates and renders with it.
 * Change it here only; stored TipTap JSON is the source of truth.
 */
export function editorExtensions(options: EditorSchemaOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => isAllowedLink(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Figure.configure(options.mediaUrl ? { mediaUrl: options.mediaUrl } : {}),
    UniqueID.configure({
      types: [...BLOCK_TYPES],
      attributeName: 'id',
      ...(options.generateIds === false ? { generateID: () => null } : {}),
    }),
    ...reviewExtensions(),
  ];
}
