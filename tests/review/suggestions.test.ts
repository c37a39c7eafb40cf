import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Node as PmNode, Slice } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import {
  commentHighlightsKey,
  commentHighlightsPlugin,
  commentRanges,
  decideSuggestions,
  editorExtensions,
  listSuggestions,
  suggestModeKey,
  suggestModePlugin,
} from '../../src/shared/editor';
import { pendingSuggestions, withoutSuggestions } from '../../src/shared/review';
import type { DocNode } from '../../src/shared/domain/doc';

/** Headless ProseMirror: the real editor schema, the real plugins, no DOM. */
const schema = getSchema(editorExtensions({ generateIds: false }));
const BODY: DocNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Rapat pleno digelar di Blora.' }] },
    { type: 'paragraph', attrs: { id: 'p2' }, content: [{ type: 'text', text: 'Ketua KPU hadir.' }] },
  ],
};

function setup(body: DocNode = BODY) {
  let n = 0;
  let tick = 0;
  let state = EditorState.create({
    doc: PmNode.fromJSON(schema, body),
    // The clock moves on every keystroke, as it does in the browser.
    plugins: [
      suggestModePlugin({
        newId: () => `s${++n}`,
        now: () => new Date(Date.UTC(2026, 10, 30, 5, 0, tick++)).toISOString(),
      }),
      commentHighlightsPlugin(),
    ],
  });
  const apply = (make: (s: EditorState) => import('@tiptap/pm/state').Transaction) => {
    state = state.apply(make(state));
    return state;
  };
  apply((s) => s.tr.setMeta(suggestModeKey, { enabled: true, author: 'Budi' }));
  /** Position of the n-th character of the text `needle` inside the document. */
  const at = (needle: string, offset = 0): number => {
    let found = -1;
    state.doc.descendants((node, pos) => {
      if (found >= 0 || !node.isText) return;
      const i = node.text!.indexOf(needle);
      if (i >= 0) found = pos + i + offset;
    });
    if (found < 0) throw new Error(`no "${needle}"`);
    return found;
  };
  return {
    get state() {
      return state;
    },
    apply,
    at,
  };
}

const text = (s: EditorState) => s.doc.textBetween(0, s.doc.content.size, '\n');

describe('suggest mode', () => {
  it('turns typing into one proposed insertion with author and time, the text staying as it was', () => {
    const ed = setup();
    const pos = ed.at('di Blora');
    ed.apply((s) => s.tr.setSelection(TextSelection.create(s.doc, pos)));
    // typing: one transaction per key, at the cursor
    for (const ch of 'aula ') ed.apply((s) => s.tr.insertText(ch));
    const list = listSuggestions(ed.state.doc);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'insert', text: 'aula ', author: 'Budi', at: '2026-11-30T05:00:00.000Z' });
    expect(text(ed.state)).toContain('digelar aula di Blora');
    // One mark with one time for the whole word: it renders as a single <ins>.
    const p1 = (ed.state.doc.toJSON() as DocNode).content![0]!.content!;
    expect(p1.filter((t) => t.marks?.length).map((t) => t.text)).toEqual(['aula ']);
  });

  it('turns deleting into a proposed deletion: the text stays, struck out, and backspace keeps moving left', () => {
    const ed = setup();
    const end = ed.at('pleno', 5);
    ed.apply((s) => s.tr.setSelection(TextSelection.create(s.doc, end)));
    for (let i = 0; i < 6; i++) ed.apply((s) => s.tr.delete(s.selection.from - 1, s.selection.from));
    expect(text(ed.state)).toBe('Rapat pleno digelar di Blora.\nKetua KPU hadir.');
    const list = listSuggestions(ed.state.doc);
    expect(list).toEqual([expect.objectContaining({ kind: 'delete', text: ' pleno', author: 'Budi' })]);
    expect(ed.state.selection.from).toBe(ed.at(' pleno'));
  });

  it('replacing a selection proposes both the deletion and the insertion', () => {
    const ed = setup();
    const from = ed.at('digelar');
    ed.apply((s) => s.tr.insertText('dilaksanakan', from, from + 'digelar'.length));
    const list = listSuggestions(ed.state.doc);
    expect(list.map((s) => [s.kind, s.text])).toEqual([
      ['delete', 'digelar'],
      ['insert', 'dilaksanakan'],
    ]);
  });

  it('deleting your own proposed insertion really removes it', () => {
    const ed = setup();
    const pos = ed.at('Blora');
    ed.apply((s) => s.tr.insertText('Kabupaten ', pos));
    ed.apply((s) => s.tr.delete(pos, pos + 'Kabupaten '.length));
    expect(listSuggestions(ed.state.doc)).toEqual([]);
    expect(text(ed.state)).toBe('Rapat pleno digelar di Blora.\nKetua KPU hadir.');
  });

  it('a deletion across paragraphs is proposed too: both paragraphs stay, with their ids, struck out', () => {
    const ed = setup();
    const from = ed.at('di Blora');
    const to = ed.at('KPU hadir');
    ed.apply((s) => s.tr.delete(from, to));
    expect(text(ed.state)).toBe('Rapat pleno digelar di Blora.\nKetua KPU hadir.');
    expect((ed.state.doc.toJSON() as DocNode).content!.map((b) => b.attrs?.['id'])).toEqual(['p1', 'p2']);
    expect(listSuggestions(ed.state.doc).map((x) => [x.kind, x.text])).toEqual([
      ['delete', 'di Blora.'],
      ['delete', 'Ketua '],
    ]);
    ed.apply((s) => decideSuggestions(s, null, true)!);
    expect(text(ed.state)).toBe('Rapat pleno digelar \nKPU hadir.');
  });

  it('backspace at the start of a paragraph does not join it to the one above', () => {
    const ed = setup();
    const start = ed.at('Ketua');
    ed.apply((s) => s.tr.setSelection(TextSelection.create(s.doc, start)));
    // what joinBackward does: remove the boundary between the two paragraphs
    ed.apply((s) => s.tr.delete(start - 2, start));
    expect(ed.state.doc.childCount).toBe(2);
    expect(text(ed.state)).toBe('Rapat pleno digelar di Blora.\nKetua KPU hadir.');
  });

  it('pasted paragraphs are proposed insertions', () => {
    const ed = setup();
    const pasted = PmNode.fromJSON(schema, {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Satu.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Dua.' }] },
      ],
    });
    const end = ed.at('hadir.', 6);
    ed.apply((s) => s.tr.replace(end, end, new Slice(pasted.content, 1, 1)));
    expect(
      listSuggestions(ed.state.doc)
        .filter((x) => x.kind === 'insert')
        .map((x) => x.text),
    ).toEqual(['Satu.', 'Dua.']);
    ed.apply((s) => decideSuggestions(s, null, false)!);
    expect(text(ed.state)).not.toMatch(/Satu|Dua/);
  });

  it('does nothing while off: the writer edits normally', () => {
    const ed = setup();
    ed.apply((s) => s.tr.setMeta(suggestModeKey, { enabled: false, author: '' }));
    ed.apply((s) => s.tr.delete(ed.at('pleno '), ed.at('pleno ') + 6));
    expect(text(ed.state)).toBe('Rapat digelar di Blora.\nKetua KPU hadir.');
    expect(listSuggestions(ed.state.doc)).toEqual([]);
  });

  it('accepts or rejects one suggestion, or all of them', () => {
    const make = () => {
      const ed = setup();
      ed.apply((s) => s.tr.insertText('dilaksanakan', ed.at('digelar'), ed.at('digelar') + 7));
      ed.apply((s) => s.tr.insertText('Sekretaris dan ', ed.at('Ketua')));
      return ed;
    };
    const acceptAll = make();
    acceptAll.apply((s) => decideSuggestions(s, null, true)!);
    expect(text(acceptAll.state)).toBe('Rapat pleno dilaksanakan di Blora.\nSekretaris dan Ketua KPU hadir.');
    expect(listSuggestions(acceptAll.state.doc)).toEqual([]);

    const rejectAll = make();
    rejectAll.apply((s) => decideSuggestions(s, null, false)!);
    expect(text(rejectAll.state)).toBe('Rapat pleno digelar di Blora.\nKetua KPU hadir.');

    const one = make();
    const [del, ins, other] = listSuggestions(one.state.doc);
    expect(other!.text).toBe('Sekretaris dan ');
    one.apply((s) => decideSuggestions(s, [del!.id, ins!.id], true)!);
    one.apply((s) => decideSuggestions(s, [other!.id], false)!);
    expect(text(one.state)).toBe('Rapat pleno dilaksanakan di Blora.\nKetua KPU hadir.');
    expect(decideSuggestions(one.state, null, true)).toBeNull();
  });

  it('block ids survive suggesting and deciding (merge and anchors rely on them)', () => {
    const ed = setup();
    ed.apply((s) => s.tr.insertText('X', ed.at('Ketua')));
    ed.apply((s) => decideSuggestions(s, null, true)!);
    const json = ed.state.doc.toJSON() as DocNode;
    expect(json.content!.map((b) => b.attrs?.['id'])).toEqual(['p1', 'p2']);
  });
});

describe('stored bodies with suggestions', () => {
  it('lists pending suggestions and gives the text without them (what publishing uses)', () => {
    const ed = setup();
    ed.apply((s) => s.tr.insertText('dilaksanakan', ed.at('digelar'), ed.at('digelar') + 7));
    const body = ed.state.doc.toJSON() as DocNode;
    expect(pendingSuggestions(body).map((s) => [s.kind, s.text, s.blockId])).toEqual([
      ['delete', 'digelar', 'p1'],
      ['insert', 'dilaksanakan', 'p1'],
    ]);
    const clean = withoutSuggestions(body);
    expect(clean).toEqual(BODY);
    expect(JSON.stringify(clean)).not.toMatch(/suggestion/);
  });
});

describe('comment highlights', () => {
  it('are decorations that follow edits and never enter the document', () => {
    const ed = setup();
    ed.apply((s) => s.tr.setMeta(suggestModeKey, { enabled: false, author: '' }));
    const from = ed.at('Ketua KPU');
    ed.apply((s) => s.tr.setMeta(commentHighlightsKey, [{ threadId: 't1', from, to: from + 9 }]));
    ed.apply((s) => s.tr.insertText('Hari ini ', ed.at('Ketua')));
    const [range] = commentRanges(ed.state);
    expect(ed.state.doc.textBetween(range!.from, range!.to)).toBe('Ketua KPU');
    expect(JSON.stringify(ed.state.doc.toJSON())).not.toMatch(/comment/);
  });
});
