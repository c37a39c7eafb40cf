import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Thread } from '../../shared/contract';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { useLanguage } from '../i18n';
import { ThreadItem } from './ThreadItem';
import { blockStart } from './useReview';

interface Props {
  editor: Editor | null;
  threads: Thread[];
  /** A comment is being written: the hint on how to start one is not needed. */
  drafting: boolean;
  activeThread: string | null;
  setActiveThread: (id: string | null) => void;
  refresh: () => Promise<void>;
}

/** The comment threads in document order; resolved ones on request. */
export function ThreadList({ editor, threads, drafting, activeThread, setActiveThread, refresh }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const [showResolved, setShowResolved] = useState(false);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await refresh();
    } catch (error) {
      report(errorMessage(error));
    }
  };

  const focusThread = (thread: Thread) => {
    setActiveThread(thread.id);
    if (!editor || thread.orphaned) return;
    const start = blockStart(editor, thread.anchor.blockId);
    if (start === null) return;
    editor
      .chain()
      .setTextSelection({ from: start + 1 + thread.anchor.from, to: start + 1 + thread.anchor.to })
      .scrollIntoView()
      .run();
  };

  const open = threads.filter((th) => th.status === 'open');
  const resolved = threads.filter((th) => th.status === 'resolved');
  const visible = showResolved ? threads : open;

  return (
    <section aria-labelledby="threads-heading">
      <h3 id="threads-heading">{t('review.threads')}</h3>
      {!drafting && <p className="hint">{t('review.commentHint')}</p>}
      {visible.length === 0 ? (
        <p className="hint">{t('review.noThreads')}</p>
      ) : (
        <ol className="thread-list">
          {visible.map((thread) => (
            <ThreadItem
              key={thread.id}
              thread={thread}
              active={thread.id === activeThread}
              language={language}
              onFocus={() => focusThread(thread)}
              onReply={(body) => act(() => api.replyToComment({ threadId: thread.id, body }))}
              onResolve={() => act(() => api.resolveThread({ threadId: thread.id }))}
              onReopen={() => act(() => api.reopenThread({ threadId: thread.id }))}
            />
          ))}
        </ol>
      )}
      {resolved.length > 0 && (
        <button type="button" className="ghost small" onClick={() => setShowResolved((v) => !v)}>
          {showResolved ? t('review.hideResolved') : t('review.showResolved', { count: resolved.length })}
        </button>
      )}
    </section>
  );
}
