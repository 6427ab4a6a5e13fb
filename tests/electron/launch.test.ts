import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

/**
 * Starts the real Electron app where an Electron binary exists. On machines where it cannot be
 * downloaded, the test is reported as skipped with the reason: never silently passed.
 */
const ROOT = resolve(__dirname, '../..');

function electronBinary(): { path: string } | { reason: string } {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile))
    return {
      reason:
        'the Electron binary is not installed here (node_modules/electron/path.txt is missing; its download needs internet access)',
    };
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(bin)) return { reason: `the Electron binary ${bin} is missing` };
  return { path: bin };
}

describe('the Electron app', () => {
  const found = electronBinary();
  const skipReason = 'reason' in found ? `Skipped: ${found.reason}.` : '';

  it('opens one secure window that shows first-run setup', async (ctx) => {
    if ('reason' in found) {
      console.warn(`[electron launch test] ${skipReason}`);
      ctx.skip(skipReason);
      return;
    }
    expect(existsSync(join(ROOT, 'out/main/index.js')), 'run "npm run build" first').toBe(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'casebook-electron-'));
    const app = await electron.launch({
      executablePath: found.path,
      args: [join(ROOT, 'out/main/index.js'), '--no-sandbox'],
      env: { ...process.env, CASEBOOK_DATA_DIR: dataDir, ELECTRON_DISABLE_SECURITY_WARNINGS: 'true' },
      cwd: dirname(join(ROOT, 'out/main/index.js')),
    });
    try {
      const win = await app.firstWindow();
      await win.getByRole('heading', { name: /Set up Casebook|Konfiguracja/ }).waitFor({ timeout: 30_000 });
      // The page cannot reach Node: only window.casebook.invoke is there.
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => Object.keys(window.casebook))).toEqual(['invoke', 'onCommand']);
      // The application menu, with the Casebook items.
      const menu = await app.evaluate(({ Menu }) =>
        Menu.getApplicationMenu()?.items.map((i) => ({
          label: i.label,
          items: i.submenu?.items.map((s) => s.id).filter(Boolean),
        })),
      );
      expect(menu?.find((m) => m.label === 'File')?.items).toEqual(['backup', 'restore', 'print']);
      expect(menu?.find((m) => m.label === 'Help')?.items).toEqual(
        expect.arrayContaining(['guide', 'dataFolder', 'about']),
      );
      // Help > About from the real menu reaches the page.
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('about')?.click());
      await win.getByRole('dialog', { name: 'About Casebook' }).waitFor();
      expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      expect(await win.evaluate(() => window.open('https://example.org/'))).toBeNull();
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
