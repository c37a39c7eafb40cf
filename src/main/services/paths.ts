import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user data dir shared by the desktop app and `npm run web`, so both open the
 * same releases: %APPDATA%\Warta on Windows, ~/Library/Application Support/Warta on
 * macOS, $XDG_DATA_HOME/warta (default ~/.local/share/warta) elsewhere.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.WARTA_DATA_DIR) return env.WARTA_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Warta');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Warta');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'warta');
}
