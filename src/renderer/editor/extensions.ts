import type { AnyExtension } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { Figure, editorExtensions } from '../../shared/editor';
import { CleanPaste } from '../documents/paste';
import { FigureView } from './FigureView';
import { mediaUrl } from './media';

/**
 * The shared schema, with the figure drawn by a React node view so caption, credit and
 * alt text are edited in place. Same node name and attributes: the stored JSON is unchanged.
 */
export function rendererExtensions(reportPasteError?: (message: string) => void): AnyExtension[] {
  const EditableFigure = Figure.extend({
    addNodeView() {
      return ReactNodeViewRenderer(FigureView);
    },
  });
  return [
    ...editorExtensions({ mediaUrl }).map((extension) => (extension.name === 'figure' ? EditableFigure : extension)),
    CleanPaste.configure({ report: reportPasteError ?? (() => undefined) }),
  ];
}
