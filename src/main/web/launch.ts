import { rmSync } from 'node:fs';
import { writeFileAtomicSync } from '../../node/fs/atomic-write';
import { PRIVATE_FILE_MODE } from '../../node/fs/private-dir';
import { newSecret, secretMatches } from './guard';

/**
 * The one-time link that lets a browser in (as Jupyter's token does): printed on start,
 * exchanged once for the session cookies, then replaced by a fresh one. The current link is
 * also kept in an owner-only file (`urlFile`) for a desktop launcher; it is removed on close.
 */
export interface LaunchLinks {
  /** The link that works now, e.g. http://127.0.0.1:4780/?token=… */
  current(): string;
  /** True exactly once per link: the token is spent and a new link made at once. */
  redeem(given: string | undefined): boolean;
  /** Removes the link file (clean shutdown). */
  close(): void;
}

export function createLaunchLinks(origin: string, urlFile: string | undefined): LaunchLinks {
  let token = newSecret();
  const current = (): string => `${origin}/?token=${token}`;
  const publish = (): void => {
    if (urlFile) writeFileAtomicSync(urlFile, `${current()}\n`, { mode: PRIVATE_FILE_MODE });
  };
  publish();
  return {
    current,
    redeem(given) {
      if (!secretMatches(given, token)) return false;
      token = newSecret();
      publish();
      return true;
    },
    close() {
      if (urlFile) rmSync(urlFile, { force: true });
    },
  };
}
