import { useEffect, useState } from 'react';
import type { OfficeProfile } from '../../shared/office';
import { api } from '../api';
import { releaseEvents } from '../common/events';

/**
 * The office's settings from HQ as of the last sync (null before the first one), fetched
 * again whenever a sync or another bulk change is announced.
 */
export function useOfficeProfile(): OfficeProfile | null {
  const [profile, setProfile] = useState<OfficeProfile | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      api.getOfficeProfile({}).then(
        (next) => {
          if (live) setProfile(next);
        },
        // Without a profile the app falls back to its defaults; nothing to tell the user.
        () => undefined,
      );
    };
    load();
    const off = releaseEvents.on((release) => {
      if (release === null) load();
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return profile;
}
