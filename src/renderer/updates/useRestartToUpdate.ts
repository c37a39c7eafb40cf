import { useState } from 'react';
import { api, errorCode, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { flushAll, hasUnsavedEdits } from '../editor/savers';

/**
 * "Mulai ulang untuk memperbarui": stores what is typed first, then asks main to install.
 * With changes HQ does not have yet (or text that could not be stored) main answers
 * `needs_confirmation`; `question` then holds the worded question for a ConfirmDialog.
 */
export function useRestartToUpdate() {
  const { report } = useAlerts();
  const [question, setQuestion] = useState<string | null>(null);

  const restart = async (confirmed: boolean) => {
    setQuestion(null);
    try {
      await flushAll();
      await api.restartToUpdate({ confirmed, unsaved: hasUnsavedEdits() });
    } catch (error) {
      if (!confirmed && errorCode(error) === 'needs_confirmation') setQuestion(errorMessage(error));
      else report(errorMessage(error));
    }
  };

  return { restart, question, dismiss: () => setQuestion(null) };
}
