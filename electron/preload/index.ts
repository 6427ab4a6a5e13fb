import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { DESKTOP_COMMAND_CHANNEL } from '../../shared/desktop';

/**
 * The whole bridge between the page and the app: one function to call the core (the main process
 * checks the channel, the caller's frame and the input against the contract) and one to hear what
 * the desktop asks (the menu, a double-clicked backup file), and where a file dropped on the window
 * is on disk (the page cannot know; the core reads it from there). Nothing of Electron reaches the page.
 */
contextBridge.exposeInMainWorld('casebook', {
  invoke: (channel: string, input: unknown): Promise<unknown> => {
    if (typeof channel !== 'string') return Promise.reject(new TypeError('channel must be a string'));
    return ipcRenderer.invoke(channel, input);
  },
  pathForFile: (file: unknown): string => {
    if (!(file instanceof File)) throw new TypeError('not a dropped file');
    return webUtils.getPathForFile(file);
  },
  onCommand: (listener: (command: unknown) => void): void => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    ipcRenderer.on(DESKTOP_COMMAND_CHANNEL, (_event, command: unknown) => listener(command));
  },
});
