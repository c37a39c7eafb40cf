import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';

/** A passage picked with "Komentar", waiting for its first message. */
export interface CommentDraft {
  blockId: string;
  from: number;
  to: number;
  quote: string;
}

interface Props {
  releaseId: string;
  draft: CommentDraft;
  /** Saves what is typed first: comments anchor to the stored text. */
  flush: () => Promise<boolean>;
  /** The draft is over: sent (with the new thread's id) or cancelled. */
  onDone: (threadId: string | null) => Promise<void> | void;
}

/** The first message of a new thread on the picked passage; Ctrl+Enter sends. */
export function CommentComposer({ releaseId, draft, flush, onDone }: Props) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const [commentText, setCommentText] = useState('');
  const [sending, setSending] = useState(false);
  const composer = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    composer.current?.focus();
  }, [draft]);

  const send = async () => {
    if (!commentText.trim()) return;
    setSending(true);
    try {
      await flush();
      const thread = await api.addComment({
        releaseId,
        blockId: draft.blockId,
        from: draft.from,
        to: draft.to,
        body: commentText.trim(),
      });
      setCommentText('');
      await onDone(thread.id);
    } catch (error) {
      report(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="comment-composer" aria-label={t('review.comment')}>
      <p className="quote">{t('review.quoteLabel', { quote: draft.quote })}</p>
      <label className="field">
        <span>{t('review.writeComment')}</span>
        <textarea
          ref={composer}
          rows={3}
          value={commentText}
          onChange={(e) => setCommentText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
          }}
        />
      </label>
      <div className="dialog-actions">
        <button
          type="button"
          onClick={() => {
            setCommentText('');
            void onDone(null);
          }}
        >
          {t('app.cancel')}
        </button>
        <button type="button" className="primary" disabled={sending || !commentText.trim()} onClick={() => void send()}>
          {t('review.sendComment')}
        </button>
      </div>
    </section>
  );
}
