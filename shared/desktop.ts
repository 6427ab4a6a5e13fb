/**
 * What the desktop (the application menu, a double-clicked backup file) asks of the page. Sent by
 * the main process on one channel; the page decides what it means in the state it is in.
 */
export const DESKTOP_COMMAND_CHANNEL = 'casebook:command';

export const MENU_ACTIONS = ['backup', 'restore', 'print', 'guide', 'dataFolder', 'about'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export type DesktopCommand =
  | { kind: 'menu'; action: MenuAction }
  | { kind: 'openBackup'; path: string }
  /** The core stopped unexpectedly and was started again, locked: the page shows the unlock screen, saying so. */
  | { kind: 'coreRestarted' };

export function isDesktopCommand(value: unknown): value is DesktopCommand {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  if (v['kind'] === 'menu')
    return typeof v['action'] === 'string' && (MENU_ACTIONS as readonly string[]).includes(v['action']);
  if (v['kind'] === 'openBackup')
    return typeof v['path'] === 'string' && v['path'].length > 0 && v['path'].length <= 4096;
  if (v['kind'] === 'coreRestarted') return true;
  return false;
}
