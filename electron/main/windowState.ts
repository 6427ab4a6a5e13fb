import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../core/storage/files';

/** Where and how big the window was when Casebook last closed. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WINDOW_DEFAULT = { width: 1280, height: 820 };
export const WINDOW_MIN = { width: 900, height: 600 };
/** How much of the window's title bar must be on a screen for the saved position to be used. */
const VISIBLE = 120;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The saved window, made safe for the screens there are now: a size within the largest screen and
 * at least the minimum, and a position only if enough of the window would be on one of them (a
 * laptop taken away from its second monitor must not open Casebook off-screen). Anything unreadable
 * gives the default size, centred.
 */
export function loadWindowState(file: string, screens: Area[]): WindowState {
  let saved: Partial<Record<keyof WindowState, unknown>> = {};
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as typeof saved;
  } catch {
    // First start, or a damaged file: the default.
  }
  const maxWidth = Math.max(WINDOW_MIN.width, ...screens.map((s) => s.width));
  const maxHeight = Math.max(WINDOW_MIN.height, ...screens.map((s) => s.height));
  const width = Math.round(
    Math.min(maxWidth, Math.max(WINDOW_MIN.width, isNumber(saved.width) ? saved.width : WINDOW_DEFAULT.width)),
  );
  const height = Math.round(
    Math.min(maxHeight, Math.max(WINDOW_MIN.height, isNumber(saved.height) ? saved.height : WINDOW_DEFAULT.height)),
  );
  const state: WindowState = { width, height, maximized: saved.maximized === true };
  if (isNumber(saved.x) && isNumber(saved.y)) {
    const x = Math.round(saved.x);
    const y = Math.round(saved.y);
    const onScreen = screens.some(
      (s) => x + width - VISIBLE >= s.x && x + VISIBLE <= s.x + s.width && y >= s.y && y + 40 <= s.y + s.height,
    );
    if (onScreen) Object.assign(state, { x, y });
  }
  return state;
}

/** Keeps the window's place for next time; a failure to write it is not worth bothering anyone with. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeFileAtomic(file, JSON.stringify(state));
  } catch {
    // The next start uses the default size.
  }
}
