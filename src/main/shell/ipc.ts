import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, type Envelope } from '../../shared/contract';
import { dispatch } from '../../shared/contract/dispatch';
import type { Logger } from '../../node/log/logger';
import type { Services } from '../services';
import { isAppUrl } from './origin';
import { printPageToPdf } from './print';

/**
 * One `ipcMain.handle('warta:<method>')` per contract method. Each call must come from the
 * top frame of our own page; its input is validated by `dispatch` against the contract.
 */
export function registerIpc(services: Services, log: Logger, devOrigin: string | null): () => void {
  const fromOurPage = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url, devOrigin);
  };
  for (const name of METHOD_NAMES) {
    ipcMain.handle(`warta:${name}`, async (event, input: unknown): Promise<Envelope> => {
      if (!fromOurPage(event)) {
        log.warn({ method: name, sender: event.senderFrame?.url ?? null }, 'refused IPC from a foreign frame');
        return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the Warta page' } };
      }
      // printPdf needs the calling window, which only the shell has; validated like any call.
      const handlers =
        name === 'printPdf'
          ? {
              ...services.handlers,
              printPdf: ({ fileName }: { fileName: string }) => printPageToPdf(event.sender, fileName),
            }
          : services.handlers;
      return dispatch(handlers, name, input, (method, error) => log.error({ err: error, method }, 'handler failed'));
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(`warta:${name}`);
  };
}
