import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../App';

/** Things main wants the writer to know at start (e.g. the database was recovered). */
export function NoticeBanner({ notices }: { notices: AppInfo['notices'] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const visible = notices.filter((n) => !dismissed.has(`${n.code}@${n.at}`));
  if (visible.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notice.heading')}>
      {visible.map((notice) => (
        <div key={`${notice.code}@${notice.at}`} className={`notice notice-${notice.code}`} role="alert">
          <p>{notice.message}</p>
          <button type="button" className="ghost" onClick={() => setDismissed((s) => new Set(s).add(`${notice.code}@${notice.at}`))}>
            {t('app.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
