import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState, saveWindowState, WINDOW_DEFAULT } from '../../electron/main/windowState';
import { tempDir } from './helpers';

const LAPTOP = { x: 0, y: 0, width: 1366, height: 728 };
const MONITOR = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('the window’s size and place', () => {
  it('come back as they were, and stay on a screen that is still there', () => {
    const file = join(tempDir('casebook-window-'), 'window.json');
    expect(loadWindowState(file, [LAPTOP])).toEqual({ ...WINDOW_DEFAULT, width: 1280, height: 728, maximized: false });
    saveWindowState(file, { x: 1500, y: 40, width: 1600, height: 900, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 1500,
      y: 40,
      width: 1600,
      height: 900,
      maximized: true,
    });
    expect(loadWindowState(file, [LAPTOP, MONITOR])).toEqual({
      x: 1500,
      y: 40,
      width: 1600,
      height: 900,
      maximized: true,
    });
    // The second monitor is gone: the size fits the laptop and the window is centred, not off-screen.
    expect(loadWindowState(file, [LAPTOP])).toEqual({ width: 1366, height: 728, maximized: true });
    // Too small or damaged: the minimum or the default.
    writeFileSync(file, JSON.stringify({ x: 10, y: 10, width: 200, height: 100 }));
    expect(loadWindowState(file, [MONITOR])).toEqual({ width: 900, height: 600, maximized: false });
    writeFileSync(file, '{not json');
    expect(loadWindowState(file, [MONITOR])).toEqual({ ...WINDOW_DEFAULT, maximized: false });
  });
});
