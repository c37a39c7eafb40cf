import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { savedTime } from '../format/dates';
import { useLanguage } from '../i18n';
import type { Autosaver, SaveState } from './autosave';

/**
 * The one status line tests and screen readers rely on: "Tersimpan HH.MM" only once the
 * current content is stored; otherwise "Menyimpan…", "Belum disimpan" or the failure.
 */
export function SaveStatus<P>({ saver }: { saver: Autosaver<P> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [state, setState] = useState<SaveState>(saver.state);
  useEffect(() => {
    setState(saver.state);
    return saver.listen(setState);
  }, [saver]);
  const text =
    state.kind === 'saved'
      ? t('save.saved', { time: savedTime(state.at, language) })
      : state.kind === 'saving'
        ? t('save.saving')
        : state.kind === 'dirty'
          ? t('save.unsaved')
          : t('save.failed', { message: state.message });
  return (
    <p role="status" className={`save-status save-${state.kind}`}>
      {text}
    </p>
  );
}
