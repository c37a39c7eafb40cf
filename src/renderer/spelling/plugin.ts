import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { words } from '../../shared/spelling/tokenize';
import { spellClient } from './client';

/** A doubted word in the document, and where it is. */
export interface Doubt {
  word: string;
  from: number;
  to: number;
}

export interface SpellcheckOptions {
  /** The writer asked for the word's menu (right click, Shift+F10 or the context-menu key). */
  onMenu: (doubt: Doubt, view: EditorView) => void;
}

const spellcheckKey = new PluginKey<DecorationSet>('spellcheck');

/** How long typing must pause before the document is checked again. */
const PAUSE_MS = 200;

/** Every word of every text block, with its document positions. */
function documentWords(doc: PmNode): Doubt[] {
  const out: Doubt[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // One character per inline leaf (line break, image): text offset i is position pos + 1 + i.
    const text = node.textBetween(0, node.content.size, undefined, '\uFFFC');
    for (const w of words(text)) out.push({ word: w.word, from: pos + 1 + w.from, to: pos + 1 + w.to });
    return false;
  });
  return out;
}

function decorate(doc: PmNode, all: Doubt[]): DecorationSet {
  const doubted = all.filter((w) => spellClient.known(w.word) === false);
  return DecorationSet.create(
    doc,
    doubted.map((w) =>
      Decoration.inline(w.from, w.to, { class: 'misspelled', 'aria-invalid': 'spelling' }, { word: w.word }),
    ),
  );
}

/** The doubted word at a position (the caret, or where the writer right-clicked). */
function doubtAt(state: EditorState, pos: number): Doubt | null {
  const set = spellcheckKey.getState(state);
  const found = set?.find(pos, pos).find((d) => d.from <= pos && pos <= d.to);
  if (!found) return null;
  const spec = found.spec as { word?: unknown };
  return typeof spec.word === 'string' ? { word: spec.word, from: found.from, to: found.to } : null;
}

/**
 * Underlines words the Indonesian dictionary (with the KPU glossary and the office's words)
 * does not know. Decorations only — the document is never changed — so nothing of this is
 * saved, synced or published. Checking runs in a worker after a pause in typing.
 */
function spellcheckPlugin(options: SpellcheckOptions): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: spellcheckKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const next = tr.getMeta(spellcheckKey) as DecorationSet | undefined;
        if (next) return next;
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: {
      decorations: (state) => spellcheckKey.getState(state),
      handleDOMEvents: {
        contextmenu(view, event) {
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          const doubt = at ? doubtAt(view.state, at.pos) : null;
          if (!doubt) return false;
          event.preventDefault();
          options.onMenu(doubt, view);
          return true;
        },
      },
      handleKeyDown(view, event) {
        if (!((event.shiftKey && event.key === 'F10') || event.key === 'ContextMenu')) return false;
        const doubt = doubtAt(view.state, view.state.selection.head);
        if (!doubt) return false;
        event.preventDefault();
        options.onMenu(doubt, view);
        return true;
      },
    },
    view(view) {
      let timer: ReturnType<typeof setTimeout> | null = null;
      let generation = 0;
      const run = async () => {
        const mine = ++generation;
        const doc = view.state.doc;
        const all = documentWords(doc);
        await spellClient.check(all.map((w) => w.word));
        // A newer run (or a torn-down view) supersedes this one.
        if (mine !== generation || view.isDestroyed) return;
        if (view.state.doc !== doc) {
          schedule();
          return;
        }
        view.dispatch(view.state.tr.setMeta(spellcheckKey, decorate(doc, all)).setMeta('addToHistory', false));
      };
      const schedule = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void run(), PAUSE_MS);
      };
      const offChange = spellClient.onChange(schedule);
      void run();
      return {
        update(v, previous) {
          if (v.state.doc !== previous.doc) schedule();
        },
        destroy() {
          generation++;
          if (timer) clearTimeout(timer);
          offChange();
        },
      };
    },
  });
}

export const Spellcheck = Extension.create<SpellcheckOptions>({
  name: 'spellcheck',
  addOptions: () => ({ onMenu: () => undefined }),
  addProseMirrorPlugins() {
    return [spellcheckPlugin(this.options)];
  },
});
