import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Thread } from '../../shared/contract';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { shortDateTime } from '../format/dates';
import { useLanguage } from '../i18n';

/** Who did what to the release, reloaded whenever the threads change. */
export function AuditTrail({ releaseId, threads }: { releaseId: string; threads: Thread[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);

  useEffect(() => {
    api.listAudit({ releaseId }).then(
      (result) => setAudit(result.items),
      (error: unknown) => {
        setAudit([]);
        report(errorMessage(error));
      },
    );
  }, [releaseId, threads, report]);

  return (
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
  );
}
