import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../shared/contract';
import type { Status } from '../../shared/domain';
import { CATEGORIES, type Category, type DocNode, type Release, type ReleaseFields } from '../../shared/domain';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { releaseEvents } from '../common/events';
import { dateline } from '../../shared/text/dateline';
import { longDate } from '../format/dates';
import { HistoryPanel } from '../history/HistoryPanel';
import { useLanguage } from '../i18n';
import { SyncBadge } from '../library/Library';
import { ReviewPanel, type CommentDraft } from '../review/ReviewPanel';
import { useReview } from '../review/useReview';
import { WorkflowBar } from '../review/WorkflowBar';
import { ConflictDialog } from '../sync/ConflictDialog';
import { BodyEditor } from './BodyEditor';
import { LeadImageField } from './LeadImageField';
import { SaveStatus } from './SaveStatus';
import { REVIEW_INTERNAL } from '../../shared/editor';
import { mergeDocs, jsonEqual } from '../../shared/sync/merge';
import { fieldsOf, flushRelease, forgetSaver, sessionFor, type Adopt } from './savers';
import { TagsInput } from './TagsInput';
import { isCommentable } from './Toolbar';

interface Props {
  releaseId: string;
  identity: Identity | null;
  autoFocusTitle: boolean;
  onDeleted: () => void;
}

/** Loads a release (after any save still running for it) and shows its editor. */
export function EditorPage({ releaseId, identity, autoFocusTitle, onDeleted }: Props) {
  const { t } = useTranslation();
  const [release, setRelease] = useState<Release | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // Kept here so a side panel stays open when the editor restarts from a restored revision.
  const [panel, setPanel] = useState<SidePanel>(null);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    (async () => {
      await flushRelease(releaseId);
      const loaded = await api.getRelease({ id: releaseId });
      if (live) setRelease(loaded);
    })().catch((error: unknown) => {
      if (live) setLoadError(errorMessage(error));
    });
    return () => {
      live = false;
    };
  }, [releaseId, generation]);

  if (loadError) {
    return (
      <div className="empty-state" role="alert">
        <p>{t('app.loadFailed', { message: loadError })}</p>
        <button type="button" onClick={() => setGeneration((g) => g + 1)}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (!release) return <p className="loading">{t('app.loading')}</p>;
  return (
    <ReleaseEditor
      key={`${release.id}:${generation}:${release.localRev}`}
      release={release}
      identity={identity}
      autoFocusTitle={autoFocusTitle}
      onDeleted={onDeleted}
      onReplaced={setRelease}
      panel={panel}
      setPanel={setPanel}
    />
  );
}

interface EditorProps {
  release: Release;
  identity: Identity | null;
  autoFocusTitle: boolean;
  onDeleted: () => void;
  /** The stored release changed under the editor (a restore): start over from it. */
  onReplaced: (release: Release) => void;
  panel: SidePanel;
  setPanel: Dispatch<SetStateAction<SidePanel>>;
}

type SidePanel = 'history' | 'review' | null;

type MetaFields = Omit<ReleaseFields, 'body'>;

function ReleaseEditor({ release, identity, autoFocusTitle, onDeleted, onReplaced, panel, setPanel }: EditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const session = useMemo(() => sessionFor(release), [release]);
  const saver = session.saver;
  const [fields, setFields] = useState<MetaFields>(() => {
    const { body: _body, ...rest } = release;
    return rest;
  });
  const [editor, setEditor] = useState<Editor | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [transitioning, setTransitioning] = useState(false);
  const review = useReview(release.id, editor, activeThread);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [status, setStatus] = useState(release.status);
  const [syncInfo, setSyncInfo] = useState({ syncState: release.syncState, syncError: release.syncError });
  const [conflictOpen, setConflictOpen] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const editorRef = useRef<Editor | null>(null);
  editorRef.current = editor;
  const rootRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);

  // The formatting toolbar sticks just below the release bar, whose height changes when it
  // wraps (a long save error, a side panel open): keep a CSS variable in step (CSSOM, CSP-safe).
  useEffect(() => {
    const bar = barRef.current;
    const root = rootRef.current;
    if (!bar || !root) return;
    const observer = new ResizeObserver(() => root.style.setProperty('--release-bar-height', `${bar.offsetHeight}px`));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  // A change stored under the editor (a sync) is merged into what is on screen: fields the
  // writer has not touched since take the stored value; the body is merged block by block.
  const adopt = useCallback<Adopt>(
    (stored, sent, conflicts) => {
      setStatus(stored.status);
      setSyncInfo({ syncState: stored.syncState, syncError: stored.syncError });
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
    [report, t],
  );

  useEffect(() => {
    session.adopt = adopt;
    return () => {
      if (session.adopt === adopt) session.adopt = null;
    };
  }, [session, adopt]);

  useEffect(() => {
    if (autoFocusTitle && release.title === '') titleRef.current?.focus();
  }, [autoFocusTitle, release.title]);

  // The window title names the release being edited (taskbar, window switcher).
  useEffect(() => {
    document.title = `${fields.title.trim() || t('library.untitled')} — Warta`;
    return () => {
      document.title = 'Warta';
    };
  }, [fields.title, t]);

  // Status and sync state come back with every save. After a sync (a bulk change) the stored
  // release may have moved on — pulled or merged from HQ: if nothing typed is pending, show it.
  useEffect(
    () =>
      releaseEvents.on((stored) => {
        if (stored === null) {
          // With edits pending, the next save merges; otherwise take the stored version now.
          if (saver.hasUnsaved) return;
          api.getRelease({ id: release.id }).then(
            (fresh) => {
              setStatus(fresh.status);
              setSyncInfo({ syncState: fresh.syncState, syncError: fresh.syncError });
              if (fresh.localRev === session.knownRev || saver.hasUnsaved) return;
              const base = session.base;
              session.base = fieldsOf(fresh);
              session.knownRev = fresh.localRev;
              adopt(fresh, base, 0);
            },
            () => undefined, // deleted by the sync, or the host is away: the library shows it
          );
          return;
        }
        if (stored.id !== release.id) return;
        setStatus(stored.status);
        setSyncInfo({ syncState: stored.syncState, syncError: stored.syncError });
      }),
    [release.id, saver, session, adopt],
  );

  const update = <K extends keyof MetaFields>(key: K, value: MetaFields[K]) => {
    setFields((current) => ({ ...current, [key]: value }));
    saver.change({ fields: { [key]: value } as Partial<MetaFields>, body: null });
  };

  const onBodyChange = useCallback((readBody: () => DocNode) => saver.change({ fields: {}, body: readBody }), [saver]);
  const flush = useCallback(() => void saver.flush(), [saver]);
  const flushNow = useCallback(() => saver.flush(), [saver]);

  const transition = async (to: Status, at?: string | null) => {
    setTransitioning(true);
    try {
      if (!(await saver.flush())) throw new Error(t('save.unsaved'));
      // The fingerprint of exactly what was saved: HQ refuses a move made on another text.
      const current = await api.getWorkflow({ releaseId: release.id });
      const input: { releaseId: string; to: Status; baseHash: string; at?: string | null } = {
        releaseId: release.id,
        to,
        baseHash: current.contentHash,
      };
      if (at) input.at = at;
      await api.transition(input);
      releaseEvents.emitSaved(await api.getRelease({ id: release.id }));
      await review.refresh();
    } catch (error) {
      report(errorMessage(error));
      await review.refresh();
    } finally {
      setTransitioning(false);
    }
  };

  const startComment = useCallback(() => {
    if (!editor || !isCommentable(editor)) return;
    const { from, to, $from } = editor.state.selection;
    const blockId: unknown = $from.parent.attrs['id'];
    if (typeof blockId !== 'string' || from === to) return;
    const start = $from.start();
    setDraft({
      blockId,
      from: from - start,
      to: to - start,
      quote: editor.state.doc.textBetween(from, to, ' ', '\uFFFC'),
    });
    setPanel('review');
  }, [editor]);

  const toolbarReview = useMemo(
    () =>
      review.available
        ? {
            onComment: startComment,
            onThreadClick: (threadId: string) => {
              setActiveThread(threadId);
              setPanel('review');
            },
            author: identity?.name ?? t('review.roles.peninjau'),
          }
        : null,
    [review.available, startComment, identity, t, setPanel],
  );

  const restore = async (rev: number) => {
    try {
      const ok = await saver.flush();
      if (!ok) {
        report(t('save.failed', { message: '' }));
        return;
      }
      const restored = await api.restoreRevision({ releaseId: release.id, rev });
      forgetSaver(release.id);
      releaseEvents.emitSaved(restored);
      onReplaced(restored);
    } catch (error) {
      report(errorMessage(error));
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    try {
      await saver.flush();
      await api.deleteRelease({ id: release.id });
      forgetSaver(release.id);
      releaseEvents.emitChanged();
      onDeleted();
    } catch (error) {
      report(errorMessage(error));
    }
  };

  return (
    <div ref={rootRef} className={`release-editor${panel ? ' with-panel' : ''}`}>
      <div className="release-main" onBlur={flush}>
        <div ref={barRef} className="release-bar">
          <span className={`badge status-${review.workflow?.status ?? status}`}>
            {t('editor.statusLabel', { status: t(`status.${review.workflow?.status ?? status}`) })}
          </span>
          <SyncBadge release={syncInfo} />
          <SaveStatus saver={saver} />
          <span className="spacer" />
          {review.available && (
            <button
              type="button"
              className="ghost"
              aria-expanded={panel === 'review'}
              onClick={() => setPanel((p) => (p === 'review' ? null : 'review'))}
            >
              {t('review.panel')}
            </button>
          )}
          <button
            type="button"
            className="ghost"
            aria-expanded={panel === 'history'}
            onClick={() => setPanel((p) => (p === 'history' ? null : 'history'))}
          >
            {t('history.open')}
          </button>
          <button type="button" className="ghost danger-text" onClick={() => setConfirmDelete(true)}>
            {t('editor.deleteRelease')}
          </button>
        </div>

        {review.available && review.workflow && (
          <WorkflowBar view={review.workflow} busy={transitioning} onTransition={(to, at) => void transition(to, at)} />
        )}
        {syncInfo.syncState === 'konflik' && (
          <div className="conflict-banner">
            <p>{t('conflict.banner')}</p>
            <button type="button" onClick={() => setConflictOpen(true)}>
              {t('conflict.open')}
            </button>
          </div>
        )}
        {syncInfo.syncState === 'ditolak' && syncInfo.syncError && (
          <div className="conflict-banner" role="note">
            <p>{t('syncState.rejectedReason', { reason: syncInfo.syncError })}</p>
          </div>
        )}

        <section className="meta" aria-label={t('editor.metadata')}>
          <label className="field field-title">
            <span>{t('editor.title')}</span>
            <input
              ref={titleRef}
              type="text"
              value={fields.title}
              maxLength={300}
              placeholder={t('editor.titlePlaceholder')}
              onChange={(e) => update('title', e.target.value)}
            />
          </label>
          <div className="meta-row">
            <label className="field">
              <span>{t('editor.dateline')}</span>
              <input
                type="text"
                value={fields.dateline}
                maxLength={100}
                placeholder={t('editor.datelinePlaceholder')}
                onChange={(e) => update('dateline', e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('editor.date')}</span>
              <input
                type="date"
                value={fields.date}
                required
                onChange={(e) => e.target.value && update('date', e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('editor.category')}</span>
              <select value={fields.category} onChange={(e) => update('category', e.target.value as Category)}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="dateline-preview" aria-label={t('editor.datelinePreview')}>
            <strong>{dateline(fields.dateline, fields.date)}</strong>
            <span className="hint"> · {longDate(fields.date, language)}</span>
          </p>
          <div className="meta-row">
            <label className="field">
              <span>{t('editor.byline')}</span>
              <input
                type="text"
                value={fields.byline}
                maxLength={200}
                placeholder={t('editor.bylinePlaceholder')}
                onChange={(e) => update('byline', e.target.value)}
              />
            </label>
            <TagsInput tags={fields.tags} onChange={(tags) => update('tags', tags)} />
          </div>
          <label className="field">
            <span>{t('editor.summary')}</span>
            <textarea
              value={fields.summary}
              rows={2}
              maxLength={2000}
              onChange={(e) => update('summary', e.target.value)}
            />
          </label>
          <LeadImageField value={fields.leadImage} onChange={(leadImage) => update('leadImage', leadImage)} />
        </section>

        <BodyEditor
          initial={release.body}
          onChange={onBodyChange}
          onBlur={flush}
          onEditor={setEditor}
          review={toolbarReview}
        />
      </div>

      {panel === 'history' && (
        <HistoryPanel releaseId={release.id} saver={saver} onRestore={restore} onClose={() => setPanel(null)} />
      )}
      {panel === 'review' && (
        <ReviewPanel
          releaseId={release.id}
          editor={editor}
          threads={review.threads}
          draft={draft}
          activeThread={activeThread}
          setActiveThread={setActiveThread}
          onDraftDone={() => setDraft(null)}
          flush={flushNow}
          refresh={review.refresh}
          onClose={() => setPanel(null)}
        />
      )}
      {conflictOpen && (
        <ConflictDialog
          releaseId={release.id}
          beforeLoad={flushNow}
          onClose={() => setConflictOpen(false)}
          onResolved={(resolved) => {
            setConflictOpen(false);
            forgetSaver(release.id);
            releaseEvents.emitSaved(resolved);
            onReplaced(resolved);
          }}
        />
      )}
      {confirmDelete && (
        <ConfirmDialog
          message={t('editor.deleteConfirm', { title: fields.title || t('library.untitled') })}
          confirmLabel={t('editor.delete')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </div>
  );
}
