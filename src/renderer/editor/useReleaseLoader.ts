import { useEffect, useState } from 'react';
import type { Release } from '../../shared/domain';
import { api, errorMessage } from '../api';
import { flushRelease } from './savers';

/**
 * Loads a release after any save still running for it, so the editor never starts from a
 * version older than what the writer typed. `retry` loads again after a failure.
 */
export function useReleaseLoader(releaseId: string) {
  const [release, setRelease] = useState<Release | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    (async () => {
      await flushRelease(releaseId);
      const loaded = await api.getRelease({ id: releaseId });
      if (live) setRelease(loaded);
    })().catch((error: unknown) => {
      if (live) setLoadError(errorMessage(error));
    });
    return () => {
      live = false;
    };
  }, [releaseId, generation]);

  const retry = () => setGeneration((g) => g + 1);
  return { release, setRelease, loadError, generation, retry };
}
