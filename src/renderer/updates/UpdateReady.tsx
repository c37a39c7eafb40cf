import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { RestartToUpdate } from './RestartToUpdate';

/** In the top bar, once HQ's update is downloaded and verified: "Mulai ulang untuk memperbarui". */
export function UpdateReady() {
  const { t } = useTranslation();
  const [version, setVersion] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const read = () =>
      api.getUpdateStatus({}).then(
        (s) => alive && setVersion(s.state === 'ready' ? s.version : null),
        () => undefined,
      );
    void read();
    // Updates are looked for after a sync (every few minutes at most): a slow look is enough.
    const timer = window.setInterval(() => void read(), 30_000);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, []);

  if (!version) return null;
  return <RestartToUpdate className="primary update-ready" title={t('settings.updateReady', { version })} />;
}
