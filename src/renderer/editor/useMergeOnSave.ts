import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocNode, Release } from '../../shared/domain';
import { REVIEW_INTERNAL } from '../../shared/editor';
import { jsonEqual, mergeDocs } from '../../shared/sync/merge';
import { api } from '../api';
import { useAlerts } from '../common/alerts';
import { releaseEvents } from '../common/events';
import type { MetaFields } from './ReleaseMetaForm';
import { releaseFields } from '../../shared/domain';
import type { Adopt, ReleaseSession } from './savers';

/**
 * Keeps the open editor in step with the stored release. A change stored under it (a sync)
 * is merged into what is on screen: fields the writer has not touched since take the stored
 * value; the body is merged block by block. Status and sync state come back with every save.
 */
type SyncInfo = Pick<Release, 'syncState' | 'syncError'>;

/** The sync state of `stored`, keeping the current object when nothing changed (no render). */
const sameSync =
  (stored: SyncInfo) =>
  (current: SyncInfo): SyncInfo =>
    current.syncState === stored.syncState && current.syncError === stored.syncError
      ? current
      : { syncState: stored.syncState, syncError: stored.syncError };

export function useMergeOnSave(
  release: Release,
  session: ReleaseSession,
  editorRef: RefObject<Editor | null>,
  setFields: Dispatch<SetStateAction<MetaFields>>,
) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const saver = session.saver;
  const [status, setStatus] = useState(release.status);
  const [syncInfo, setSyncInfo] = useState<SyncInfo>({ syncState: release.syncState, syncError: release.syncError });

  const adopt = useCallback<Adopt>(
    (stored, sent, conflicts) => {
      setStatus(stored.status);
      setSyncInfo(sameSync(stored));
      setFields((prev) => {
        const next: Record<string, unknown> = { ...prev };
        for (const key of Object.keys(prev) as (keyof MetaFields)[]) {
          if (jsonEqual(prev[key], sent[key])) next[key] = stored[key];
        }
        return next as MetaFields;
      });
      const live = editorRef.current;
      if (live && !live.isDestroyed) {
        const current = live.getJSON() as DocNode;
        const merged = mergeDocs(sent.body, current, stored.body).doc;
        if (!jsonEqual(merged, current)) {
          const { from, to } = live.state.selection;
          live
            .chain()
            // Not the writer's own edit: not undoable, and never turned into a suggestion.
            .command(({ tr }) => {
              tr.setMeta('addToHistory', false).setMeta(REVIEW_INTERNAL, true);
              return true;
            })
            .setContent(merged, { emitUpdate: false })
            .run();
          const size = live.state.doc.content.size;
          live.commands.setTextSelection({ from: Math.min(from, size), to: Math.min(to, size) });
        }
      }
      if (conflicts > 0) report(t('editor.mergedWithConflicts', { count: conflicts }));
    },
    [report, t, editorRef, setFields],
  );

  useEffect(() => {
    session.adopt = adopt;
    return () => {
      if (session.adopt === adopt) session.adopt = null;
    };
  }, [session, adopt]);

  // After a sync (a bulk change) the stored release may have moved on — pulled or merged from
  // HQ: if nothing typed is pending, show it.
  useEffect(
    () =>
      releaseEvents.on((stored) => {
        if (stored === null) {
          // With edits pending, the next save merges; otherwise take the stored version now.
          if (saver.hasUnsaved) return;
          api.getRelease({ id: release.id }).then(
            (fresh) => {
              setStatus(fresh.status);
              setSyncInfo(sameSync(fresh));
              if (fresh.localRev === session.knownRev || saver.hasUnsaved) return;
              const base = session.base;
              session.base = releaseFields(fresh);
              session.knownRev = fresh.localRev;
              adopt(fresh, base, 0);
            },
            () => undefined, // deleted by the sync, or the host is away: the library shows it
          );
          return;
        }
        if (stored.id !== release.id) return;
        setStatus(stored.status);
        setSyncInfo(sameSync(stored));
      }),
    [release.id, saver, session, adopt],
  );

  return { status, syncInfo };
}
