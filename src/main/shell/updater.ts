import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../../node/log/logger';
import { serveLocalFeed, type UpdateInstaller } from '../updates';

/**
 * Installs an update the services downloaded and verified, with electron-updater doing what
 * it does per platform (NSIS per user, AppImage swap, .deb, Squirrel.Mac from the zip). It is
 * pointed at the verified folder served on 127.0.0.1, so it never talks to HQ itself and
 * checks the installer's sha512 against the feed once more before running it.
 */
export function createElectronUpdateInstaller(
  log: Logger,
  // Loaded only when installing: electron-updater picks its platform updater when first touched.
  load: () => AppUpdater = () =>
    (createRequire(import.meta.url)('electron-updater') as { autoUpdater: AppUpdater }).autoUpdater,
): UpdateInstaller {
  return {
    async install(update) {
      const autoUpdater = load();
      const feed = await serveLocalFeed(update.dir, randomBytes(16).toString('hex'));
      try {
        autoUpdater.autoDownload = false;
        autoUpdater.autoInstallOnAppQuit = false;
        autoUpdater.allowDowngrade = false;
        autoUpdater.setFeedURL({ provider: 'generic', url: feed.url, channel: 'latest' });
        const found = await autoUpdater.checkForUpdates();
        if (!found?.isUpdateAvailable || found.updateInfo.version !== update.version)
          throw new Error(`the verified update ${update.version} was not accepted by the installer`);
        await autoUpdater.downloadUpdate();
        log.info({ version: update.version }, 'installing the update and restarting');
        autoUpdater.quitAndInstall(true, true);
      } finally {
        feed.close();
      }
    },
  };
}
