import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../shared/domain';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { releaseEvents } from '../common/events';
import type { Autosaver } from '../editor/autosave';

/**
 * Moves a release through the workflow from the editor: what is typed is stored first, and the
 * move names the fingerprint of exactly that text, so HQ refuses a move made on another text.
 */
export function useWorkflowTransition(
  releaseId: string,
  saver: Pick<Autosaver<unknown>, 'flush'>,
  refresh: () => Promise<void>,
) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const [transitioning, setTransitioning] = useState(false);

  const transition = async (to: Status, at?: string | null) => {
    setTransitioning(true);
    try {
      if (!(await saver.flush())) throw new Error(t('save.unsaved'));
      const current = await api.getWorkflow({ releaseId });
      const input: { releaseId: string; to: Status; baseHash: string; at?: string | null } = {
        releaseId,
        to,
        baseHash: current.contentHash,
      };
      if (at) input.at = at;
      await api.transition(input);
      releaseEvents.emitSaved(await api.getRelease({ id: releaseId }));
      await refresh();
    } catch (error) {
      report(errorMessage(error));
      await refresh();
    } finally {
      setTransitioning(false);
    }
  };

  return { transitioning, transition };
}
