import { dialog, type BrowserWindow } from 'electron';
import type { Platform, SaveFileRequest } from '../core/platform';

export class ElectronPlatform implements Platform {
  constructor(private readonly window: () => BrowserWindow | null) {}

  async chooseSavePath(req: SaveFileRequest): Promise<string | null> {
    const win = this.window();
    const opts = { title: req.title, defaultPath: req.defaultName, filters: req.filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
    const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    return res.canceled || !res.filePath ? null : res.filePath;
  }
}
