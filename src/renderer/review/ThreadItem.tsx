import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Thread } from '../../shared/contract';
import { shortDateTime } from '../format/dates';

interface Props {
  thread: Thread;
  active: boolean;
  language: 'id' | 'en';
  onFocus: () => void;
  onReply: (body: string) => Promise<void>;
  onResolve: () => Promise<void>;
  onReopen: () => Promise<void>;
}
/** One comment thread: the quoted passage, its messages, and reply / resolve / reopen. */
export function ThreadItem({ thread, active, language, onFocus, onReply, onResolve, onReopen }: Props) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) item.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <li
      ref={item}
      className={`thread${active ? ' is-active' : ''}${thread.status === 'resolved' ? ' is-resolved' : ''}${thread.orphaned ? ' is-orphaned' : ''}`}
    >
      <button type="button" className="thread-quote" onClick={onFocus}>
        “{thread.orphaned ? thread.quote : thread.anchor.quote}”
      </button>
      {thread.orphaned && <p className="hint orphan-note">{t('review.orphaned')}</p>}
      <ol className="thread-messages">
        {thread.messages.map((message) => (
          <li key={message.id}>
            <div className="message-meta">
              <strong>{message.author}</strong> · {shortDateTime(message.createdAt, language)}
              {!message.hqTime && <span className="badge sync-belum_terkirim">{t('review.notSynced')}</span>}
            </div>
            <p className="message-body">{message.body}</p>
          </li>
        ))}
      </ol>
      {thread.status === 'resolved' ? (
        <div className="revision-actions">
          <span className="hint">{t('review.resolved', { who: thread.resolvedBy ?? '' })}</span>
          <button type="button" className="small" onClick={() => void onReopen()}>
            {t('review.reopenThread')}
          </button>
        </div>
      ) : (
        <>
          <label className="field">
            <span className="visually-hidden">{t('review.reply')}</span>
            <textarea
              rows={1}
              placeholder={t('review.reply')}
              value={reply}
              onChange={(e) => setReply(e.target.value)}
            />
          </label>
          <div className="revision-actions">
            <button
              type="button"
              className="small"
              disabled={!reply.trim()}
              onClick={() => {
                const body = reply.trim();
                setReply('');
                void onReply(body);
              }}
            >
              {t('review.sendReply')}
            </button>
            <button type="button" className="small" onClick={() => void onResolve()}>
              {t('review.resolve')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
