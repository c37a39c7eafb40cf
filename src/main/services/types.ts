import type { Logger } from '../../node/log/logger';
import type { Handlers } from '../../shared/contract';
import type { UpdateInstaller } from '../updates';
import type { SecretStore } from './secrets';

/** An attachment on disk, as served at `/media/<sha256>` by either transport. */
interface MediaFile {
  path: string;
  mime: string;
  bytes: number;
}

export interface ServicesOptions {
  /** All local data (SQLite file, attachments, backups) lives under this dir. */
  dataDir: string;
  log: Logger;
  secrets: SecretStore;
  /**
   * Path to a better-sqlite3 native addon built for the running runtime. The desktop
   * passes an Electron-ABI build here; Node (web host, tests) uses the default.
   */
  nativeBinding?: string;
  /** App version shown in getAppInfo: Electron's app version, or package.json's for the web host. */
  version: string;
  /** Installs a downloaded update (the desktop shell, with electron-updater); none: no updates. */
  updateInstaller?: UpdateInstaller;
}

/** What a transport needs: the contract handlers, media lookup, and a way to shut down. */
export interface Services {
  handlers: Handlers;
  mediaLookup(sha256: string): MediaFile | null;
  close(): Promise<void>;
}
