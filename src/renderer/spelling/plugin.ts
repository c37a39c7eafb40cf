import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { words, type WordSpan } from '../../shared/spelling/tokenize';
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

/** How long an opened editor waits (without being focused) before its first check. */
const UNFOCUSED_START_MS = 3000;

/**
 * The words of a text block, by offset in it. Blocks are immutable and typing replaces only the
 * one it is in, so a long release is split into words once, not again after every pause.
 */
const blockWords = new WeakMap<PmNode, WordSpan[]>();

/** Every word of every text block, with its document positions. */
function documentWords(doc: PmNode): Doubt[] {
  const out: Doubt[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let found = blockWords.get(node);
    if (!found) {
      // One character per inline leaf (line break, image): text offset i is position pos + 1 + i.
      found = words(node.textBetween(0, node.content.size, undefined, '\uFFFC'));
      blockWords.set(node, found);
    }
    for (const w of found) out.push({ word: w.word, from: pos + 1 + w.from, to: pos + 1 + w.to });
    return false;
  });
  return out;
}

/** Whether `set` already underlines exactly the `doubted` words (then nothing is redrawn). */
function sameDoubts(set: DecorationSet | undefined, doubted: Doubt[]): boolean {
  const current = set?.find() ?? [];
  if (current.length !== doubted.length) return false;
  const key = (from: number, to: number, word: unknown) => `${from}:${to}:${String(word)}`;
  const have = new Set(current.map((d) => key(d.from, d.to, (d.spec as { word?: unknown }).word)));
  return doubted.every((w) => have.has(key(w.from, w.to, w.word)));
}

function decorate(doc: PmNode, doubted: Doubt[]): DecorationSet {
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
      // The worker's dictionary load is the heaviest thing a page start could do: it waits
      // until the writer is in the body, or a few seconds for a release only being read.
      let active = false;
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
        const doubted = all.filter((w) => spellClient.known(w.word) === false);
        if (sameDoubts(spellcheckKey.getState(view.state), doubted)) return;
        view.dispatch(view.state.tr.setMeta(spellcheckKey, decorate(doc, doubted)).setMeta('addToHistory', false));
      };
      const schedule = () => {
        if (!active) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void run(), PAUSE_MS);
      };
      const activate = () => {
        if (active || view.isDestroyed) return;
        active = true;
        clearTimeout(startTimer);
        view.dom.removeEventListener('focus', activate);
        void run();
      };
      view.dom.addEventListener('focus', activate);
      const startTimer = setTimeout(activate, UNFOCUSED_START_MS);
      if (view.hasFocus()) activate();
      const offChange = spellClient.onChange(schedule);
      return {
        update(v, previous) {
          if (v.state.doc !== previous.doc) schedule();
        },
        destroy() {
          generation++;
          if (timer) clearTimeout(timer);
          clearTimeout(startTimer);
          view.dom.removeEventListener('focus', activate);
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
