import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatReason } from '../../shared/errors/format';
import { api, errorMessage } from '../api';
import { useLanguage } from '../i18n';
import type { AppInfo } from '../App';

/** Things main wants the writer to know at start (e.g. the database was recovered). */
export function NoticeBanner({ notices }: { notices: AppInfo['notices'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [dismissed, setDismissed] = useState<Set<number>>(new Set());
  const visible = notices.filter((n) => !dismissed.has(n.id));
  if (visible.length === 0) return null;
  const dismiss = (id: number) => {
    setDismissed((s) => new Set(s).add(id));
    // Stored so the notice does not come back at the next start; if that fails it simply
    // shows again then, which is harmless, so the writer is not interrupted now.
    api.dismissNotice({ id }).catch((error: unknown) => console.warn('dismissNotice failed:', errorMessage(error)));
  };
  return (
    <section className="notices" aria-label={t('notice.heading')}>
      {visible.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.code}`} role="alert">
          <p>{notice.reason ? formatReason(language, notice.reason, notice.params) : notice.message}</p>
          <button type="button" className="ghost" onClick={() => dismiss(notice.id)}>
            {t('app.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
