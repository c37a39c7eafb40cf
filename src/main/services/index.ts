import { METHOD_NAMES, type Handlers, type MethodName } from '../../shared/contract';
import { lockDataDir } from './data-dir-lock';
import { createBackupHandlers } from './restore';
import { openRuntime, type Runtime } from './runtime';
import type { Services, ServicesOptions } from './types';

export type { Services, ServicesOptions } from './types';
export { createFileSecretStore, type SecretStore } from './secrets';
export { defaultDataDir } from './paths';
export { cspForPage, SECURITY_HEADERS } from './security';
export { mimeFor, resolveStatic } from './page';

/**
 * The composition root: one set of services per data dir, shared by both transports
 * (Electron IPC in the desktop shell, HTTP in the web host). Plain Node, no electron.
 * The transports hold these handlers for the app's lifetime; each call goes to the current
 * runtime, which a restore from a backup replaces (calls made meanwhile wait for it).
 */
export async function createServices(opts: ServicesOptions): Promise<Services> {
  const lock = lockDataDir(opts.dataDir, opts.nativeBinding);
  let runtime: Runtime;
  try {
    runtime = openRuntime(opts);
  } catch (error) {
    lock.release();
    throw error;
  }
  let busy: Promise<unknown> = Promise.resolve();
  const backups = createBackupHandlers({
    options: opts,
    current: () => runtime,
    replace: (next) => {
      runtime = next;
    },
    exclusive: (work) => {
      const run = busy.then(work);
      busy = run.catch(() => undefined);
      return run;
    },
  });

  // The current runtime's handlers plus the backup ones; looked up per call, since a restore swaps the runtime.
  const current = (): Handlers => ({ ...runtime.handlers, ...backups });
  const handlers = {} as Record<MethodName, (input: never) => unknown>;
  for (const name of METHOD_NAMES) {
    handlers[name] = async (input: never) => {
      await busy;
      return (current()[name] as (input: never) => unknown)(input);
    };
  }

  let closed = false;
  return {
    handlers: handlers as unknown as Handlers,
    mediaLookup: (sha256) => runtime.mediaLookup(sha256),
    close: async () => {
      if (closed) return;
      closed = true;
      await busy;
      await runtime.close();
      lock.release();
    },
  };
}
