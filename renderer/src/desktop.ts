import { useEffect } from 'react';
import { isDesktopCommand, type DesktopCommand } from '../../shared/desktop';

/**
 * What the desktop asks of the page (a menu choice, a double-clicked backup file). Listening starts
 * when this module loads, before React draws anything, so a command sent as the window opens waits
 * here until the app's handler is ready.
 */
type Handler = (command: DesktopCommand) => void;
let handler: Handler | null = null;
const waiting: DesktopCommand[] = [];

window.casebook.onCommand?.((command) => {
  if (!isDesktopCommand(command)) return;
  if (handler) handler(command);
  else waiting.push(command);
});

export function useDesktopCommands(fn: Handler): void {
  useEffect(() => {
    handler = fn;
    for (const command of waiting.splice(0)) fn(command);
    return () => {
      if (handler === fn) handler = null;
    };
  }, [fn]);
}

/** What File > Print prints: set by the screen showing something printable (a letter), else nothing. */
let printAction: (() => void) | null = null;

export function usePrintAction(action: (() => void) | null): void {
  useEffect(() => {
    printAction = action;
    return () => {
      if (printAction === action) printAction = null;
    };
  }, [action]);
}

export function currentPrintAction(): (() => void) | null {
  return printAction;
}
