import { dialog, safeStorage, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/storage/files';
import { CasebookError } from '../../shared/result';
import { listSystemDrives } from '../core/backup/drives';
import type { Drive, Platform, SaveFileRequest } from '../core/platform';

export class ElectronPlatform implements Platform {
  /**
   * @param seenFile where the last generation of each install's records is kept, outside the data
   *   folder and sealed with the system's keychain (Electron's safeStorage) where there is one.
   */
  constructor(
    private readonly window: () => BrowserWindow | null,
    private readonly seenFile: string,
  ) {}

  private readSeen(): Record<string, number> {
    try {
      if (!existsSync(this.seenFile)) return {};
      const raw = readFileSync(this.seenFile);
      const text = safeStorage.isEncryptionAvailable() ? safeStorage.decryptString(raw) : raw.toString('utf8');
      return JSON.parse(text) as Record<string, number>;
    } catch {
      // Unreadable (another user's keychain, a damaged file): as if nothing was kept.
      return {};
    }
  }

  async lastSeenGeneration(vaultId: string): Promise<number | null> {
    return this.readSeen()[vaultId] ?? null;
  }

  async rememberGeneration(vaultId: string, generation: number): Promise<void> {
    const text = JSON.stringify({ ...this.readSeen(), [vaultId]: generation });
    writeFileAtomic(this.seenFile, safeStorage.isEncryptionAvailable() ? safeStorage.encryptString(text) : text);
  }

  async chooseSavePath(req: SaveFileRequest): Promise<string | null> {
    const win = this.window();
    const opts = {
      title: req.title,
      defaultPath: req.defaultName,
      filters: req.filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'] as (
        'createDirectory' | 'showOverwriteConfirmation'
      )[],
    };
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

  async chooseFiles(req: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string[]> {
    const win = this.window();
    const opts: OpenDialogOptions = {
      title: req.title,
      filters: req.filters,
      properties: ['openFile', 'multiSelections'],
    };
    const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return res.canceled ? [] : res.filePaths;
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
