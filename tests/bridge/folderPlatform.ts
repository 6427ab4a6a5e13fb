import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spaceOf } from '../../electron/core/backup/drives';
import type { Drive, Platform, SaveFileRequest } from '../../electron/core/platform';

/**
 * Stands in for Electron's dialogs: saved files go into one folder; the folder or file a person
 * would pick is set beforehand (`nextFolder`, `nextFile`); "drives" are folders given at start.
 * Any of them can be made to "cancel".
 */
export class FolderPlatform implements Platform {
  cancelNext = false;
  nextFolder: string | null = null;
  nextFile: string | null = null;
  readonly saved: string[] = [];

  constructor(
    readonly folder: string,
    readonly drives: { path: string; label: string; removable: boolean }[] = [],
  ) {}

  private cancelled(): boolean {
    const c = this.cancelNext;
    this.cancelNext = false;
    return c;
  }

  async chooseSavePath(req: SaveFileRequest): Promise<string | null> {
    if (this.cancelled()) return null;
    mkdirSync(this.folder, { recursive: true });
    const path = join(this.folder, req.defaultName);
    this.saved.push(path);
    return path;
  }

  async chooseFolder(): Promise<string | null> {
    if (this.cancelled()) return null;
    return this.nextFolder ?? this.folder;
  }

  async chooseFile(): Promise<string | null> {
    if (this.cancelled()) return null;
    return this.nextFile;
  }

  async listDrives(): Promise<Drive[]> {
    return this.drives.map((d) => ({ ...d, ...(spaceOf(d.path) ?? { freeBytes: 0, totalBytes: 0 }) }));
  }
}
