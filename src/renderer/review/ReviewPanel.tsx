import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Thread } from '../../shared/contract';
import { listSuggestions } from '../../shared/editor';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { DialogHead } from '../common/Modal';
import { shortDateTime } from '../format/dates';
import { useLanguage } from '../i18n';
import { blockStart } from './useReview';

/** A passage picked with "Komentar", waiting for its first message. */
export interface CommentDraft {
  blockId: string;
  from: number;
  to: number;
  quote: string;
}

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
  const language = useLanguage();
  const { report } = useAlerts();
  const [commentText, setCommentText] = useState('');
  const [sending, setSending] = useState(false);
  const [showResolved, setShowResolved] = useState(false);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const composer = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (draft) composer.current?.focus();
  }, [draft]);

  useEffect(() => {
    api.listAudit({ releaseId }).then(
      (result) => setAudit(result.items),
      (error: unknown) => {
        setAudit([]);
        report(errorMessage(error));
      },
    );
  }, [releaseId, threads, report]);

  const suggestions =
    useEditorState({
      editor,
      selector: ({ editor: e }) => (e ? listSuggestions(e.state.doc) : []),
      equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    }) ?? [];

  const send = async () => {
    if (!draft || !commentText.trim()) return;
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
      onDraftDone();
      setActiveThread(thread.id);
      await refresh();
    } catch (error) {
      report(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

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
    <aside className="side-panel review-panel" aria-labelledby="review-heading">
      <DialogHead className="side-panel-head" id="review-heading" title={t('review.panelHeading')} onClose={onClose} />

      {draft && (
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
                onDraftDone();
              }}
            >
              {t('app.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={sending || !commentText.trim()}
              onClick={() => void send()}
            >
              {t('review.sendComment')}
            </button>
          </div>
        </section>
      )}

      <section aria-labelledby="threads-heading">
        <h3 id="threads-heading">{t('review.threads')}</h3>
        {!draft && <p className="hint">{t('review.commentHint')}</p>}
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

      <section aria-labelledby="suggestions-heading">
        <h3 id="suggestions-heading">{t('review.suggestions')}</h3>
        {suggestions.length === 0 ? (
          <p className="hint">{t('review.noSuggestions')}</p>
        ) : (
          <>
            <ol className="suggestion-list">
              {suggestions.map((s) => (
                <li key={`${s.id}:${s.kind}:${s.from}`} className={`suggestion suggestion-${s.kind}`}>
                  <div className="suggestion-meta">
                    {s.kind === 'insert'
                      ? t('review.suggestionInsert', { author: s.author })
                      : t('review.suggestionDelete', { author: s.author })}
                    {s.at && <span> · {shortDateTime(s.at, language)}</span>}
                  </div>
                  <div className="suggestion-text">
                    {s.kind === 'insert' ? <ins>{s.text}</ins> : <del>{s.text}</del>}
                  </div>
                  <div className="revision-actions">
                    <button
                      type="button"
                      className="small"
                      onClick={() => editor?.chain().focus().acceptSuggestion(s.id).run()}
                    >
                      {t('review.accept')}
                    </button>
                    <button
                      type="button"
                      className="small"
                      onClick={() => editor?.chain().focus().rejectSuggestion(s.id).run()}
                    >
                      {t('review.reject')}
                    </button>
                  </div>
                </li>
              ))}
            </ol>
            <div className="revision-actions">
              <button
                type="button"
                className="small"
                onClick={() => editor?.chain().focus().acceptAllSuggestions().run()}
              >
                {t('review.acceptAll')}
              </button>
              <button
                type="button"
                className="small"
                onClick={() => editor?.chain().focus().rejectAllSuggestions().run()}
              >
                {t('review.rejectAll')}
              </button>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="audit-heading">
        <h3 id="audit-heading">{t('review.audit')}</h3>
        {audit === null ? (
          <p className="hint">{t('app.loading')}</p>
        ) : audit.length === 0 ? (
          <p className="hint">{t('review.noAudit')}</p>
        ) : (
          <ol className="audit-list">
            {audit.map((entry, index) => (
              <li key={`${entry.at}:${index}`}>
                <time dateTime={entry.at}>{shortDateTime(entry.hqTime ?? entry.at, language)}</time>{' '}
                <strong>{entry.actor}</strong> ({t(`review.roles.${entry.role}`, { defaultValue: entry.role })}){' '}
                {t(`review.actions.${entry.action}`)}
                {entry.fromStatus && entry.toStatus && (
                  <span>
                    : {t(`status.${entry.fromStatus}`)} → {t(`status.${entry.toStatus}`)}
                  </span>
                )}
                {entry.detail && <span className="hint"> — {entry.detail}</span>}
                {!entry.hqTime && <span className="badge sync-belum_terkirim">{t('review.notSynced')}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}

interface ThreadProps {
  thread: Thread;
  active: boolean;
  language: 'id' | 'en';
  onFocus: () => void;
  onReply: (body: string) => Promise<void>;
  onResolve: () => Promise<void>;
  onReopen: () => Promise<void>;
}

function ThreadItem({ thread, active, language, onFocus, onReply, onResolve, onReopen }: ThreadProps) {
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
