import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { Thread } from '../../shared/contract';
import { DialogHead } from '../common/Modal';
import { AuditTrail } from './AuditTrail';
import { CommentComposer, type CommentDraft } from './CommentComposer';
import { SuggestionList } from './SuggestionList';
import { ThreadList } from './ThreadList';

interface Props {
  releaseId: string;
  editor: Editor | null;
  threads: Thread[];
  draft: CommentDraft | null;
  activeThread: string | null;
  setActiveThread: (id: string | null) => void;
  onDraftDone: () => void;
  /** Saves what is typed first: comments anchor to the stored text. */
  flush: () => Promise<boolean>;
  refresh: () => Promise<void>;
  onClose: () => void;
}

/** "Tinjauan": comment threads in document order, suggested edits, and the audit trail. */
export function ReviewPanel({
  releaseId,
  editor,
  threads,
  draft,
  activeThread,
  setActiveThread,
  onDraftDone,
  flush,
  refresh,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const onComposerDone = async (threadId: string | null) => {
    onDraftDone();
    if (threadId === null) return;
    setActiveThread(threadId);
    await refresh();
  };

  return (
    <aside className="side-panel review-panel" aria-labelledby="review-heading">
      <DialogHead className="side-panel-head" id="review-heading" title={t('review.panelHeading')} onClose={onClose} />
      {draft && <CommentComposer releaseId={releaseId} draft={draft} flush={flush} onDone={onComposerDone} />}
      <ThreadList
        editor={editor}
        threads={threads}
        drafting={draft !== null}
        activeThread={activeThread}
        setActiveThread={setActiveThread}
        refresh={refresh}
      />
      <SuggestionList editor={editor} />
      <AuditTrail releaseId={releaseId} threads={threads} />
    </aside>
  );
}
