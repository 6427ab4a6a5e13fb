import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { isTrustedSender } from './security';

interface Core {
  call(channel: string, input: unknown): Promise<Result<unknown>>;
}

/** Registers every channel of the contract. A call from any frame but the app's own page is refused. */
export function registerChannels(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: Core,
  isAppUrl: (url: string) => boolean,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, isAppUrl)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Call from an unknown frame' },
        } satisfies Result<never>;
      }
      return core.call(channel, input);
    });
  }
}
