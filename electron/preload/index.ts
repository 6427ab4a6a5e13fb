import { contextBridge, ipcRenderer } from 'electron';

/**
 * The whole bridge between the page and the app: one function. The main process checks the channel,
 * the caller's frame and the input against the contract.
 */
contextBridge.exposeInMainWorld('casebook', {
  invoke: (channel: string, input: unknown): Promise<unknown> => {
    if (typeof channel !== 'string') return Promise.reject(new TypeError('channel must be a string'));
    return ipcRenderer.invoke(channel, input);
  },
});
