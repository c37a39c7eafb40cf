import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../common/Modal';

export interface Progress {
  /** i18n key of the running line, e.g. `documents.exporting`. */
  label: string;
  done: number;
  total: number;
}

export interface TaskResult {
  done: number;
  cancelled: boolean;
}

/**
 * A long import or export, one item at a time, with a count the dialog shows and a "Batal"
 * that stops before the next item (an item under way finishes, or is thrown away by its step).
 */
export function useProgress() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const cancelled = useRef(false);

  const run = useCallback(
    async <T,>(
      label: string,
      items: T[],
      step: (item: T, index: number, isCancelled: () => boolean) => Promise<void>,
    ) => {
      cancelled.current = false;
      const isCancelled = () => cancelled.current;
      let done = 0;
      setProgress({ label, done, total: items.length });
      try {
        for (const [i, item] of items.entries()) {
          if (cancelled.current) break;
          await step(item, i, isCancelled);
          if (cancelled.current) break;
          done += 1;
          setProgress({ label, done, total: items.length });
        }
      } finally {
        setProgress(null);
      }
      return { done, cancelled: cancelled.current } satisfies TaskResult;
    },
    [],
  );
  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);
  return { progress, run, cancel };
}

/** The progress of a running task: a progressbar with the count, and "Batal". */
export function ProgressDialog({ progress, onCancel }: { progress: Progress; onCancel: () => void }) {
  const { t } = useTranslation();
  const line = t(progress.label, { done: Math.min(progress.done + 1, progress.total), total: progress.total });
  return (
    <Modal className="progress-dialog" label={t('documents.progress')} onClose={onCancel}>
      <p aria-live="polite">{line}</p>
      <div
        role="progressbar"
        aria-label={t('documents.progress')}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={line}
        className="progress"
      >
        <div className="progress-fill" style={{ width: `${(100 * progress.done) / Math.max(1, progress.total)}%` }} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('documents.cancel')}
        </button>
      </div>
    </Modal>
  );
}
