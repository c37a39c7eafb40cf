import { Extension } from '@tiptap/core';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { commentHighlightsKey, commentHighlightsPlugin, type CommentRange } from './comment-highlights';
import { decideSuggestions } from './decide-suggestions';
import { suggestModeKey, suggestModePlugin, type SuggestModeOptions } from './suggest-mode-plugin';
import { SuggestionDelete, SuggestionInsert } from './suggestion-marks';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    review: {
      /** Turns suggest mode on (as `author`) or off. */
      setSuggestMode: (enabled: boolean, author?: string) => ReturnType;
      acceptSuggestion: (id: string) => ReturnType;
      rejectSuggestion: (id: string) => ReturnType;
      acceptAllSuggestions: () => ReturnType;
      rejectAllSuggestions: () => ReturnType;
      setCommentHighlights: (ranges: CommentRange[]) => ReturnType;
    };
  }
}

const ReviewTools = Extension.create<SuggestModeOptions>({
  name: 'review',
  addOptions: () => ({}),
  addProseMirrorPlugins() {
    return [suggestModePlugin(this.options), commentHighlightsPlugin()];
  },
  addCommands() {
    const decide =
      (ids: string[] | null, accept: boolean) =>
      ({ state, dispatch }: { state: EditorState; dispatch?: ((tr: Transaction) => void) | undefined }) => {
        const tr = decideSuggestions(state, ids, accept);
        if (!tr) return false;
        dispatch?.(tr);
        return true;
      };
    return {
      setSuggestMode:
        (enabled, author = '') =>
        ({ tr, dispatch }) => {
          dispatch?.(tr.setMeta(suggestModeKey, { enabled, author }));
          return true;
        },
      acceptSuggestion: (id) => decide([id], true),
      rejectSuggestion: (id) => decide([id], false),
      acceptAllSuggestions: () => decide(null, true),
      rejectAllSuggestions: () => decide(null, false),
      setCommentHighlights:
        (ranges) =>
        ({ tr, dispatch }) => {
          dispatch?.(tr.setMeta(commentHighlightsKey, ranges));
          return true;
        },
    };
  },
});

/** What `editorExtensions` adds for review: the two marks and the review tools. */
export const reviewExtensions = () => [SuggestionInsert, SuggestionDelete, ReviewTools];
