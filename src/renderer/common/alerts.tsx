import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface AlertItem {
  id: number;
  message: string;
}

interface AlertsApi {
  /** Shows a failure to the user; contract errors are never swallowed. */
  report: (message: string) => void;
}

const AlertsContext = createContext<AlertsApi>({ report: () => undefined });

export const useAlerts = (): AlertsApi => useContext(AlertsContext);

let nextId = 1;

export function AlertsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AlertItem[]>([]);
  const report = useCallback((message: string) => {
    setItems((current) => {
      // The same failure repeated (a retry loop) shows once.
      if (current.some((item) => item.message === message)) return current;
      return [...current.slice(-4), { id: nextId++, message }];
    });
  }, []);
  const value = useMemo(() => ({ report }), [report]);
  return (
    <AlertsContext.Provider value={value}>
      {children}
      <div className="alerts">
        {items.map((item) => (
          <div key={item.id} className="alert" role="alert">
            <span>{t('app.errorPrefix', { message: item.message })}</span>
            <button
              type="button"
              className="ghost"
              onClick={() => setItems((all) => all.filter((x) => x.id !== item.id))}
            >
              {t('app.dismiss')}
            </button>
          </div>
        ))}
      </div>
    </AlertsContext.Provider>
  );
}
