/** What the preload (or, in tests, the bridge) puts on the page. */
interface Window {
  casebook: {
    invoke(channel: string, input: unknown): Promise<unknown>;
    /** Where a file dropped on the window is on disk ('' when it is not a file on disk). */
    pathForFile?(file: File): string;
    /** Commands from the desktop: the application menu, a double-clicked backup file. */
    onCommand?(listener: (command: unknown) => void): void;
  };
}
