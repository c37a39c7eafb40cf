import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, type MethodName } from '../shared/contract';

/**
 * Exposes the contract as `window.warta`: exactly one function per method, each sending
 * its input on its own channel. Nothing else crosses: no ipcRenderer, no generic invoke,
 * so a compromised page can only make the calls the contract allows — and main still
 * validates every input and checks the sender.
 */
const bridge: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {};
for (const name of METHOD_NAMES) {
  const channel = `warta:${name}`;
  bridge[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('warta', Object.freeze(bridge));
