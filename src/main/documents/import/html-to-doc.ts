import { getSchema } from '@tiptap/core';
import { DOMParser as PmDOMParser, type Schema } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import type { DocNode } from '../../../shared/domain/doc';
import { editorExtensions } from '../../../shared/editor';

let schema: Schema | null = null;

/**
 * Cleaned HTML → TipTap JSON through the shared schema (ProseMirror's parser over a happy-dom
 * document, what @tiptap/html's server entry does), with scripts, styles and frames off.
 */
export function htmlToDoc(html: string): DocNode {
  schema ??= getSchema(editorExtensions());
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    const dom = new window.DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
    return PmDOMParser.fromSchema(schema)
      .parse(dom.body as unknown as Node)
      .toJSON() as DocNode;
  } finally {
    void window.happyDOM.abort();
    void window.happyDOM.close();
  }
}
