import { ExportMenu } from '../documents/ExportMenu';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { TRASH_DAYS, type Identity } from '../../shared/contract';
import type { DocNode, Release } from '../../shared/domain';
import { isDeleteLocked } from '../../shared/workflow';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { releaseEvents } from '../common/events';
import { ChecklistPanel } from '../checklist/ChecklistPanel';
import { failingCounts, useChecklist } from '../checklist/useChecklist';
import { HistoryPanel } from '../history/HistoryPanel';
import { SyncBadge } from '../library/Library';
import type { CommentDraft } from '../review/CommentComposer';
import { ReviewPanel } from '../review/ReviewPanel';
import { useReview } from '../review/useReview';
import { useWorkflowTransition } from '../review/useWorkflowTransition';
import { WorkflowBar } from '../review/WorkflowBar';
import { StyleHints } from '../style-hints/StyleHints';
import { useOfficeProfile } from '../office/useOfficeProfile';
import { ConflictDialog } from '../sync/ConflictDialog';
import { SaveTemplateButton } from '../templates/SaveTemplateButton';
import { BodyEditor } from './BodyEditor';
import { PanelToggle } from './PanelToggle';
import { SyncBanners } from './SyncBanners';
import { NumberContactFields } from './NumberContactFields';
import { ReleaseMetaForm, type MetaFields } from './ReleaseMetaForm';
import { SaveStatus } from './SaveStatus';
import { forgetSaver, sessionFor } from './savers';
import { isCommentable } from './ReviewTools';
import { useMergeOnSave } from './useMergeOnSave';
import { useReleaseLoader } from './useReleaseLoader';

interface Props {
  releaseId: string;
  identity: Identity | null;
  autoFocusTitle: boolean;
  onDeleted: () => void;
}

/** Loads a release (after any save still running for it) and shows its editor. */
export function EditorPage({ releaseId, identity, autoFocusTitle, onDeleted }: Props) {
  const { t } = useTranslation();
  const { release, setRelease, loadError, generation, retry } = useReleaseLoader(releaseId);
  // Kept here so a side panel stays open when the editor restarts from a restored revision.
  const [panel, setPanel] = useState<SidePanel>(null);

  if (loadError) {
    return (
      <div className="empty-state" role="alert">
        <p>{t('app.loadFailed', { message: loadError })}</p>
        <button type="button" onClick={retry}>
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

type SidePanel = 'history' | 'review' | 'checklist' | null;

function ReleaseEditor({ release, identity, autoFocusTitle, onDeleted, onReplaced, panel, setPanel }: EditorProps) {
  const { t } = useTranslation();
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
  const review = useReview(release.id, editor, activeThread);
  const { transitioning, transition } = useWorkflowTransition(release.id, saver, review.refresh);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const editorRef = useRef<Editor | null>(null);
  editorRef.current = editor;
  const { status, syncInfo } = useMergeOnSave(release, session, editorRef, setFields);
  const rootRef = useRef<HTMLDivElement>(null);
  const office = useOfficeProfile();
  const findings = useChecklist(
    fields,
    release.body,
    editor,
    review.threads.filter((th) => th.status === 'open').length,
    office?.checklist,
  );
  const missing = failingCounts(findings);
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

  // Stable, so the memoised form and fields below render only when their own values change.
  const update = useCallback(
    <K extends keyof MetaFields>(key: K, value: MetaFields[K]) => {
      setFields((current) => ({ ...current, [key]: value }));
      saver.change({ fields: { [key]: value } as Partial<MetaFields>, body: null });
    },
    [saver],
  );
  const onContact = useCallback((contact: MetaFields['contact']) => update('contact', contact), [update]);

  const onBodyChange = useCallback((readBody: () => DocNode) => saver.change({ fields: {}, body: readBody }), [saver]);
  const flush = useCallback(() => void saver.flush(), [saver]);
  const flushNow = useCallback(() => saver.flush(), [saver]);

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
    () => ({
      onComment: startComment,
      onThreadClick: (threadId: string) => {
        setActiveThread(threadId);
        setPanel('review');
      },
      author: identity?.name ?? t('review.roles.peninjau'),
    }),
    [startComment, identity, t, setPanel],
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

  // Public or scheduled: only a withdrawal takes it down (the same rule HQ applies).
  const deleteLocked = isDeleteLocked({
    status: review.workflow?.status ?? status,
    publishAt: review.workflow?.publishAt ?? null,
  });

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
          <PanelToggle name="checklist" label={t('checklist.heading')} open={panel} setOpen={setPanel} />
          {missing.blocking > 0 && (
            <span className="badge checklist-badge">{t('checklist.badge', { count: missing.blocking })}</span>
          )}
          <PanelToggle name="review" label={t('review.panel')} open={panel} setOpen={setPanel} />
          <ExportMenu ids={() => [release.id]} beforeExport={flushNow} />
          <SaveTemplateButton
            read={() => ({ fields, body: (editor?.getJSON() as DocNode | undefined) ?? release.body })}
          />
          <PanelToggle name="history" label={t('history.open')} open={panel} setOpen={setPanel} />
          <button
            type="button"
            className="ghost danger-text"
            disabled={deleteLocked}
            aria-describedby={deleteLocked ? 'delete-locked-note' : undefined}
            title={deleteLocked ? t('editor.deleteLocked') : undefined}
            onClick={() => setConfirmDelete(true)}
          >
            {t('editor.deleteRelease')}
          </button>
          {deleteLocked && (
            <span id="delete-locked-note" className="visually-hidden">
              {t('editor.deleteLocked')}
            </span>
          )}
        </div>

        {review.workflow && (
          <WorkflowBar view={review.workflow} busy={transitioning} onTransition={(to, at) => void transition(to, at)} />
        )}
        <SyncBanners syncInfo={syncInfo} onOpenConflict={() => setConflictOpen(true)} />

        <ReleaseMetaForm fields={fields} update={update} titleRef={titleRef} />

        <BodyEditor
          initial={release.body}
          onChange={onBodyChange}
          onBlur={flush}
          onEditor={setEditor}
          review={toolbarReview}
        />
        <NumberContactFields
          releaseId={release.id}
          number={release.number}
          numbered={Boolean(office?.numberPattern)}
          contact={fields.contact}
          onContact={onContact}
        />
        <StyleHints editor={editor} releaseId={release.id} />
      </div>

      {panel === 'checklist' && <ChecklistPanel findings={findings} onClose={() => setPanel(null)} />}
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
          message={t('editor.deleteConfirm', { title: fields.title || t('library.untitled'), days: TRASH_DAYS })}
          confirmLabel={t('editor.delete')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </div>
  );
}
