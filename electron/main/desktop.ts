import { existsSync, statSync } from 'node:fs';
import { BACKUP_EXTENSION } from '../../shared/domain/backup';
import { DESKTOP_COMMAND_CHANNEL, type DesktopCommand } from '../../shared/desktop';

/** The backup file Casebook was asked to open (double-clicked, or "Open with"), from its command line. */
export function backupFileIn(argv: readonly string[]): string | null {
  // The first arguments are Electron and, when not packaged, the app; flags start with a dash.
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith(`.${BACKUP_EXTENSION}`)) continue;
    try {
      if (existsSync(arg) && statSync(arg).isFile()) return arg;
    } catch {
      // Not readable: ignore it as if it were not given.
    }
  }
  return null;
}

interface Target {
  isDestroyed(): boolean;
  isLoading(): boolean;
  send(channel: string, command: DesktopCommand): void;
  once(event: 'did-finish-load', listener: () => void): unknown;
}

/**
 * Commands for the page, held until it has loaded (a backup double-clicked before Casebook was
 * running arrives before there is a page to show it).
 */
export class DesktopCommands {
  private target: Target | null = null;
  private readonly waiting: DesktopCommand[] = [];

  attach(target: Target): void {
    this.target = target;
    target.once('did-finish-load', () => this.flush());
    if (!target.isLoading()) this.flush();
  }

  send(command: DesktopCommand): void {
    this.waiting.push(command);
    if (this.target && !this.target.isDestroyed() && !this.target.isLoading()) this.flush();
  }

  private flush(): void {
    const target = this.target;
    if (!target || target.isDestroyed()) return;
    for (const command of this.waiting.splice(0)) target.send(DESKTOP_COMMAND_CHANNEL, command);
  }
}
