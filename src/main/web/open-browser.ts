import { spawn } from 'node:child_process';
import type { Logger } from '../../node/log/logger';

/** The platform's "open this URL with the default browser" command. */
function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/** Best effort, only when asked (--open): a machine without a desktop still has the printed line. */
export function openInBrowser(url: string, log: Logger): void {
  const [cmd, args] = opener(url);
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', (error) => log.warn({ err: error, cmd }, 'could not open the browser; open the printed link'));
    child.unref();
  } catch (error) {
    log.warn({ err: error, cmd }, 'could not open the browser; open the printed link');
  }
}
