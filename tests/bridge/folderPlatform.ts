import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform, SaveFileRequest } from '../../electron/core/platform';

/** Stands in for Electron's dialogs: every saved file goes into one folder, or the person "cancels". */
export class FolderPlatform implements Platform {
  cancelNext = false;
  readonly saved: string[] = [];
  constructor(readonly folder: string) {}

  async chooseSavePath(req: SaveFileRequest): Promise<string | null> {
    if (this.cancelNext) {
      this.cancelNext = false;
      return null;
    }
    mkdirSync(this.folder, { recursive: true });
    const path = join(this.folder, req.defaultName);
    this.saved.push(path);
    return path;
  }
}
