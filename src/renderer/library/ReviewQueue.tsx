import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../shared/contract';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { releaseEvents } from '../common/events';
import { shortDateTime } from '../format/dates';
import { useLanguage } from '../i18n';

/** "Menunggu tinjauan": what reviewers should read next, oldest submission first. */
export function ReviewQueue({ onSelect }: { onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const [items, setItems] = useState<QueueItem[] | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.reviewQueue({})).items);
    } catch (error) {
      report(errorMessage(error));
    }
  }, [report]);

  useEffect(() => {
    void load();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = releaseEvents.on((stored) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(), stored ? 1500 : 0);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [load]);

  if (items === null) return null;
  return (
    <details className="review-queue" open={items.length > 0}>
      <summary>
        {t('review.queue')} ({items.length})
      </summary>
      {items.length === 0 ? (
        <p className="hint">{t('review.queueEmpty')}</p>
      ) : (
        <ul aria-label={t('review.queue')}>
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="queue-item" onClick={() => onSelect(item.id)}>
                <span className="release-item-title">{item.title.trim() || t('library.untitled')}</span>
                <span className="release-item-time">
                  {[
                    item.office,
                    item.changedBy && item.changedAt
                      ? `${item.changedBy}, ${shortDateTime(item.changedAt, language)}`
                      : '',
                    item.openThreads > 0 ? t('review.openThreads', { count: item.openThreads }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
