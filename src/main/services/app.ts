import { LanguageSchema, type Handlers, type Identity, type Language } from '../../shared/contract';

type Notice = Awaited<ReturnType<Handlers['getAppInfo']>>['notices'][number];

/** Key/value settings kept in the local store. */
interface SettingsAccess {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface AppDeps {
  version: string;
  dataDir: string;
  settings: SettingsAccess;
  /** Things the user should know since start, e.g. a damaged database kept aside. */
  notices(): Notice[];
  dismissNotice(id: number): void;
  /** Who this workstation is enrolled as, once connected to HQ. */
  identity(): Identity | null | Promise<Identity | null>;
  hqUrl(): string | null | Promise<string | null>;
}

const LANGUAGE_KEY = 'language';

/** The app area of the contract: version, data dir, language (Indonesian by default). */
export function createAppHandlers(deps: AppDeps): Pick<Handlers, 'getAppInfo' | 'setLanguage' | 'dismissNotice'> {
  const language = (): Language => {
    const parsed = LanguageSchema.safeParse(deps.settings.get(LANGUAGE_KEY));
    return parsed.success ? parsed.data : 'id';
  };
  return {
    getAppInfo: async () => ({
      version: deps.version,
      dataDir: deps.dataDir,
      language: language(),
      identity: await deps.identity(),
      hqUrl: await deps.hqUrl(),
      notices: deps.notices(),
    }),
    setLanguage: ({ language: next }) => {
      deps.settings.set(LANGUAGE_KEY, next);
      return { language: next };
    },
    dismissNotice: ({ id }) => {
      deps.dismissNotice(id);
      return {};
    },
  };
}
