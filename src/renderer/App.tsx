import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../shared/contract';
import type { ReleaseFields } from '../shared/domain';
import type { Template } from '../shared/templates';
import { api, errorMessage } from './api';
import { AlertsProvider, useAlerts } from './common/alerts';
import { releaseEvents } from './common/events';
import { NoticeBanner } from './common/NoticeBanner';
import { EditorPage } from './editor/EditorPage';
import { flushAll, hasUnsavedEdits, onBackgroundSaveFailure } from './editor/savers';
import { Library } from './library/Library';
import { SettingsDialog } from './settings/SettingsDialog';
import { SyncBar } from './sync/SyncBar';
import { UpdateReady } from './updates/UpdateReady';
import { todayIso } from './format/dates';
import { setDisplayZone } from './format/zone';
import { useOfficeProfile } from './office/useOfficeProfile';
import { templateFields } from './templates/apply';

export type AppInfo = MethodOutput<'getAppInfo'>;

interface Props {
  initialInfo: AppInfo | null;
  startupError: string | null;
}

export function App({ initialInfo, startupError }: Props) {
  return (
    <AlertsProvider>
      <Workstation initialInfo={initialInfo} startupError={startupError} />
    </AlertsProvider>
  );
}

function Workstation({ initialInfo, startupError }: Props) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const [info, setInfo] = useState<AppInfo | null>(initialInfo);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [focusTitle, setFocusTitle] = useState(false);
  const office = useOfficeProfile();
  // Before children render: every time below is shown in the office's zone.
  setDisplayZone(office?.timeZone ?? 'WIB');

  useEffect(() => {
    if (startupError) report(startupError);
  }, [startupError, report]);

  useEffect(
    () =>
      onBackgroundSaveFailure((title, message) =>
        report(t('save.backgroundFailed', { title: title || t('library.untitled'), message })),
      ),
    [report, t],
  );

  const refreshInfo = useCallback(async () => {
    try {
      setInfo(await api.getAppInfo({}));
    } catch (error) {
      report(errorMessage(error));
    }
  }, [report]);

  // Never lose a word: save on page hide and hold the page while edits are unsaved.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushAll();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedEdits()) return;
      void flushAll();
      // In a browser this asks "leave the page?"; in Electron it would silently refuse to
      // close the window (no dialog there), so on the desktop we only flush.
      if (!window.warta) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const createRelease = useCallback(
    async (template?: Template) => {
      try {
        const fields: Partial<ReleaseFields> = { ...(template ? templateFields(template) : {}), date: todayIso() };
        if (info?.identity) {
          fields.byline = info.identity.name;
          fields.office = info.identity.office;
        }
        const release = await api.createRelease({ fields });
        // The list shows it at once (a template's text needs no first save that would announce it).
        releaseEvents.emitSaved(release);
        setFocusTitle(true);
        setSelectedId(release.id);
      } catch (error) {
        report(errorMessage(error));
      }
    },
    [info, report],
  );

  return (
    <div className="shell">
      <button
        type="button"
        className="skip-link"
        onClick={() => document.querySelector<HTMLElement>('.release-main .title-input, .library .search')?.focus()}
      >
        {t('app.skipToEditor')}
      </button>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{info?.identity ? info.identity.office : t('app.tagline')}</span>
          {office && (
            <span className="brand-zone" title={t('writing.officeZone', { zone: office.timeZone })}>
              {office.timeZone}
            </span>
          )}
        </div>
        <SyncBar connected={Boolean(info?.hqUrl)} />
        <UpdateReady />
        <button type="button" className="ghost settings-button" onClick={() => setSettingsOpen(true)}>
          {t('settings.open')}
        </button>
      </header>
      {info && info.notices.length > 0 && <NoticeBanner notices={info.notices} />}
      <div className="workspace">
        <Library
          selectedId={selectedId}
          onSelect={(id) => {
            setFocusTitle(false);
            setSelectedId(id);
          }}
          onCreate={() => void createRelease()}
          onCreateFrom={(template) => void createRelease(template)}
          showQueue={info?.identity?.role === 'peninjau' || info?.identity?.role === 'admin'}
          ownOffice={info?.identity?.office ?? null}
        />
        <main className="editor-area">
          {selectedId ? (
            <EditorPage
              key={selectedId}
              releaseId={selectedId}
              identity={info?.identity ?? null}
              autoFocusTitle={focusTitle}
              onDeleted={() => setSelectedId(null)}
            />
          ) : (
            <div className="empty-state">
              <p>{t('app.noRelease')}</p>
            </div>
          )}
        </main>
      </div>
      {settingsOpen && (
        <SettingsDialog
          info={info}
          onClose={() => {
            setSettingsOpen(false);
            void refreshInfo();
          }}
          onInfoChanged={refreshInfo}
        />
      )}
    </div>
  );
}
