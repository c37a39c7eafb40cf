import { useTranslation } from 'react-i18next';
import type { Release } from '../../shared/domain';

/** What sync says about the open release: a conflict to resolve, or HQ's refusal with its reason. */
export function SyncBanners({
  syncInfo,
  onOpenConflict,
}: {
  syncInfo: Pick<Release, 'syncState' | 'syncError'>;
  onOpenConflict: () => void;
}) {
  const { t } = useTranslation();
  if (syncInfo.syncState === 'konflik')
    return (
      <div className="conflict-banner">
        <p>{t('conflict.banner')}</p>
        <button type="button" onClick={onOpenConflict}>
          {t('conflict.open')}
        </button>
      </div>
    );
  if (syncInfo.syncState === 'ditolak' && syncInfo.syncError)
    return (
      <div className="conflict-banner" role="note">
        <p>{t('syncState.rejectedReason', { reason: syncInfo.syncError })}</p>
      </div>
    );
  return null;
}
