import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
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
}
