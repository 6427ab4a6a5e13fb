/**
 * What the core needs from the desktop that only Electron can do. `electron/main` implements it with
 * real dialogs; the test bridge fakes it with a folder.
 */
export interface SaveFileRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

export interface Platform {
  /** Asks where to save a file; null when the person cancels. */
  chooseSavePath(req: SaveFileRequest): Promise<string | null>;
}
