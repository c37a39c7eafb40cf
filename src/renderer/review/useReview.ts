import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Thread, WorkflowView } from '../../shared/contract';
import type { CommentRange } from '../../shared/editor';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { releaseEvents } from '../common/events';

export interface ReviewState {
  workflow: WorkflowView | null;
  threads: Thread[];
  refresh: () => Promise<void>;
}

/** Where a text block with this id starts (the position before it), or null. */
export function blockStart(editor: Editor, blockId: string): number | null {
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.isTextblock && node.attrs['id'] === blockId) {
      found = pos;
      return false;
    }
    return true;
  });
  return found;
}

/** Open, attached threads as editor ranges (offsets are block text offsets: pos = start + 1 + k). */
function threadRanges(editor: Editor, threads: readonly Thread[], activeId: string | null): CommentRange[] {
  const out: CommentRange[] = [];
  for (const thread of threads) {
    if (thread.orphaned || thread.status !== 'open') continue;
    const start = blockStart(editor, thread.anchor.blockId);
    if (start === null) continue;
    out.push({
      threadId: thread.id,
      from: start + 1 + thread.anchor.from,
      to: start + 1 + thread.anchor.to,
      active: thread.id === activeId,
    });
  }
  return out;
}

/** Workflow view and comment threads of one release, refreshed after saves and syncs. */
export function useReview(releaseId: string, editor: Editor | null, activeThread: string | null): ReviewState {
  const { report } = useAlerts();
  const [workflow, setWorkflow] = useState<WorkflowView | null>(null);
  const [threads, setThreads] = useState<Thread[]>([]);
  const live = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const [view, list] = await Promise.all([api.getWorkflow({ releaseId }), api.listThreads({ releaseId })]);
      if (!live.current) return;
      setWorkflow(view);
      setThreads(list.items);
    } catch (error) {
      if (live.current) report(errorMessage(error));
    }
  }, [releaseId, report]);

  useEffect(() => {
    live.current = true;
    void refresh();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = releaseEvents.on((stored) => {
      if (stored && stored.id !== releaseId) return;
      // An edit may withdraw an approval or move anchors; a sync may bring comments.
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void refresh(), stored ? 700 : 0);
    });
    return () => {
      live.current = false;
      off();
      if (timer) clearTimeout(timer);
    };
  }, [refresh, releaseId]);

  // Commented passages are highlighted in the editor (decorations, never part of the text).
  // Only when they changed: every dispatch re-syncs the DOM selection, which could undo a
  // caret move the browser made a moment earlier.
  const lastRanges = useRef<string>('');
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const ranges = threadRanges(editor, threads, activeThread);
    const key = JSON.stringify(ranges);
    if (key === lastRanges.current) return;
    lastRanges.current = key;
    editor.commands.setCommentHighlights(ranges);
  }, [editor, threads, activeThread]);

  return { workflow, threads, refresh };
}
