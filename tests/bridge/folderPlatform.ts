import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spaceOf } from '../../electron/core/backup/drives';
import type { Drive, Platform, SaveFileRequest } from '../../electron/core/platform';
import { CasebookError } from '../../shared/result';

/**
 * Stands in for Electron's dialogs: saved files go into one folder; the folder or file a person
 * would pick is set beforehand (`nextFolder`, `nextFile`); "drives" are folders given at start.
 * Any of them can be made to "cancel".
 */
export class FolderPlatform implements Platform {
  cancelNext = false;
  /** The file name the "person" types in the next save dialog (else the one suggested). */
  nextSaveName: string | null = null;
  nextFolder: string | null = null;
  nextFile: string | null = null;
  /** The files the "person" picks in the next open dialog that takes several. */
  nextFiles: string[] = [];
  readonly saved: string[] = [];
  /** Folders the app asked the file manager to show. */
  readonly opened: string[] = [];

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
    const path = join(this.folder, this.nextSaveName ?? req.defaultName);
    this.nextSaveName = null;
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

  async chooseFiles(): Promise<string[]> {
    if (this.cancelled()) return [];
    const files = this.nextFiles;
    this.nextFiles = [];
    return files;
  }

  /** How many times the print dialog was opened, and what the "person" does in the next one. */
  printed = 0;
  printDialogs = 0;
  nextPrint: 'printed' | 'cancelled' | 'fails' = 'printed';
  /** While set, the print dialog stays open until it settles: a test looks at what would be printed. */
  holdPrint: Promise<void> | null = null;

  async printPage(): Promise<'printed' | 'cancelled'> {
    this.printDialogs++;
    if (this.holdPrint) await this.holdPrint;
    const outcome = this.nextPrint;
    this.nextPrint = 'printed';
    if (outcome === 'fails') throw new CasebookError('PRINT_FAILED', 'Printing failed: Print job failed');
    if (outcome === 'printed') this.printed++;
    return outcome;
  }

  async openFolder(path: string): Promise<void> {
    this.opened.push(path);
  }

  /** What the app keeps sealed with the system's keychain: here a file beside the platform's folder. */
  private get seenFile(): string {
    return `${this.folder}.last-seen.json`;
  }

  async lastSeenGeneration(vaultId: string): Promise<number | null> {
    if (!existsSync(this.seenFile)) return null;
    return (JSON.parse(readFileSync(this.seenFile, 'utf8')) as Record<string, number>)[vaultId] ?? null;
  }

  async rememberGeneration(vaultId: string, generation: number): Promise<void> {
    const seen = existsSync(this.seenFile)
      ? (JSON.parse(readFileSync(this.seenFile, 'utf8')) as Record<string, number>)
      : {};
    writeFileSync(this.seenFile, JSON.stringify({ ...seen, [vaultId]: generation }));
  }

  async listDrives(): Promise<Drive[]> {
    return this.drives.map((d) => ({ ...d, ...(spaceOf(d.path) ?? { freeBytes: 0, totalBytes: 0 }) }));
  }
}
