/**
 * What the core needs from the desktop that only Electron can do. `electron/main` implements it with
 * real dialogs; the test bridge fakes it with a folder.
 */
export interface SaveFileRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

/** A drive a backup can go to. */
export interface Drive {
  path: string;
  /** What the person sees in their file manager, e.g. "KINGSTON (E:)". */
  label: string;
  freeBytes: number;
  totalBytes: number;
  removable: boolean;
}

export interface Platform {
  /** Asks where to save a file; null when the person cancels. */
  chooseSavePath(req: SaveFileRequest): Promise<string | null>;
  /** Asks for a folder (e.g. on a USB stick); null when the person cancels. */
  chooseFolder(req: { title: string }): Promise<string | null>;
  /** Asks for a file to open (e.g. a backup); null when the person cancels. */
  chooseFile(req: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Asks for one or more files to open (documents to add); empty when the person cancels. */
  chooseFiles(req: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string[]>;
  /** Drives a backup could go to, removable ones first. */
  listDrives(): Promise<Drive[]>;
  /**
   * Opens the system's print dialog for what the window shows (its print styles show only the
   * document). 'cancelled' when the person closes the dialog; PRINT_FAILED when the printer refuses.
   */
  printPage(): Promise<'printed' | 'cancelled'>;
  /** Shows a folder in the system's file manager (Explorer, Finder, Files). */
  openFolder(path: string): Promise<void>;
  /**
   * The last generation of these records (by their vault id) seen on this computer, kept outside
   * the data folder (in the app, sealed with the system's keychain): null when none was kept.
   */
  lastSeenGeneration(vaultId: string): Promise<number | null>;
  rememberGeneration(vaultId: string, generation: number): Promise<void>;
}
