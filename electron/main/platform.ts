import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { CasebookError } from '../../shared/result';
import { listSystemDrives } from '../core/backup/drives';
import type { Drive, Platform, SaveFileRequest } from '../core/platform';

export class ElectronPlatform implements Platform {
  constructor(private readonly window: () => BrowserWindow | null) {}

  async chooseSavePath(req: SaveFileRequest): Promise<string | null> {
    const win = this.window();
    const opts = { title: req.title, defaultPath: req.defaultName, filters: req.filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
    const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    return res.canceled || !res.filePath ? null : res.filePath;
  }

  private async open(opts: OpenDialogOptions): Promise<string | null> {
    const win = this.window();
    const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return res.canceled || !res.filePaths[0] ? null : res.filePaths[0];
  }

  chooseFolder(req: { title: string }): Promise<string | null> {
    return this.open({ title: req.title, properties: ['openDirectory', 'createDirectory'] });
  }

  chooseFile(req: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null> {
    return this.open({ title: req.title, filters: req.filters, properties: ['openFile'] });
  }

  listDrives(): Promise<Drive[]> {
    return listSystemDrives();
  }

  printPage(): Promise<'printed' | 'cancelled'> {
    const win = this.window();
    if (!win) return Promise.resolve('cancelled');
    return new Promise((resolve, reject) => {
      win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        if (success) resolve('printed');
        else if (/cancel/i.test(failureReason)) resolve('cancelled');
        else reject(new CasebookError('PRINT_FAILED', `Printing failed: ${failureReason}`));
      });
    });
  }

  async openFolder(path: string): Promise<void> {
    // shell.openPath answers with an error message, or an empty string when it worked.
    const problem = await shell.openPath(path);
    if (problem) throw new CasebookError('NOT_FOUND', `The folder could not be opened: ${problem}`);
  }
}
