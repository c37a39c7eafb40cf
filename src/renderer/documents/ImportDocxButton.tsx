import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { releaseEvents } from '../common/events';
import { todayIso } from '../format/dates';
import { ProgressDialog, useProgress } from './progress';
import { DOCX_MIME } from './download';
import { importWordFile, type ImportedRelease } from './word';

/** "Impor .docx": one or several Word documents, each a new release; the last one opens. */
export function ImportDocxButton({ onImported }: { onImported: (id: string) => void }) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const input = useRef<HTMLInputElement>(null);
  const { progress, run, cancel } = useProgress();
  const [status, setStatus] = useState('');

  const importFiles = async (files: File[]) => {
    setStatus('');
    const info = await api.getAppInfo({}).catch(() => null);
    const fields: { date: string; byline?: string; office?: string } = { date: todayIso() };
    if (info?.identity) {
      fields.byline = info.identity.name;
      fields.office = info.identity.office;
    }
    const imported: ImportedRelease[] = [];
    const result = await run('documents.importing', files, async (file, _i, isCancelled) => {
      try {
        const one = await importWordFile(file, fields, isCancelled);
        if (one) imported.push(one);
      } catch (error) {
        report(errorMessage(error));
      }
    });
    for (const one of imported)
      if (one.skippedImages > 0) report(t('documents.skippedImages', { count: one.skippedImages, name: one.name }));
    if (imported.length) {
      releaseEvents.emitChanged();
      onImported(imported[imported.length - 1]!.id);
    }
    setStatus(
      result.cancelled
        ? t('documents.cancelled', { done: imported.length, total: files.length })
        : imported.length
          ? t('documents.imported', { count: imported.length, title: imported[0]!.title })
          : '',
    );
  };

  return (
    <>
      <button type="button" className="ghost" onClick={() => input.current?.click()}>
        {t('documents.import')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept={`.docx,${DOCX_MIME}`}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) void importFiles(files);
        }}
      />
      <span role="status" className="import-status">
        {status}
      </span>
      {progress && <ProgressDialog progress={progress} onCancel={cancel} />}
    </>
  );
}
