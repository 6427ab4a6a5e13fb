import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { DESKTOP_COMMAND_CHANNEL } from '../../shared/desktop';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { tempDir } from './folders';

/**
 * The Electron side, loaded for real (electron/main/index.ts) with a stand-in `electron` module that
 * records what it is asked to do: the window's options, the session's handlers, each web page's
 * guards and the IPC channels. No Electron binary is needed, so this runs in every `npm test`.
 */
type Handler = (...args: never[]) => unknown;
const seen = vi.hoisted(() => ({
  windows: [] as {
    options: Record<string, unknown>;
    webContents: {
      listeners: Map<string, Handler>;
      windowOpen: Handler | null;
      sent: [string, unknown][];
      loaded: boolean;
    };
    focus: () => void;
  }[],
  menu: null as { label?: string; submenu?: { id?: string; label?: string; click?: () => void }[] }[] | null,
  appEvents: new Map<string, Handler>(),
  ipc: new Map<string, Handler>(),
  session: { permission: null as Handler | null, check: null as Handler | null, headers: null as Handler | null },
  ready: null as Promise<void> | null,
  quit: null as (() => void) | null,
}));

// The window's thread must never open the records: loading the database library or Argon2 here
// fails the test. The core runs (from its TypeScript sources) in its worker thread, as in the app.
vi.mock('better-sqlite3', () => {
  throw new Error('better-sqlite3 was loaded on the window’s thread');
});
vi.mock('@node-rs/argon2', () => {
  throw new Error('Argon2 was loaded on the window’s thread');
});
vi.mock('../../electron/main/workers', async () => {
  const { SOURCE_WORKERS } = await import('./workers');
  return { workerEntries: () => SOURCE_WORKERS };
});

vi.mock('electron', () => {
  class WebContents {
    listeners = new Map<string, Handler>();
    windowOpen: Handler | null = null;
    sent: [string, unknown][] = [];
    loaded = false;
    on(event: string, fn: Handler) {
      // Several listeners of one event are called in turn, as Electron does.
      const before = this.listeners.get(event);
      this.listeners.set(event, (before ? (...a: never[]) => (before(...a), fn(...a)) : fn) as Handler);
      return this;
    }
    once(event: string, fn: Handler) {
      return this.on(event, fn);
    }
    isLoading() {
      return !this.loaded;
    }
    isDestroyed() {
      return false;
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler(fn: Handler) {
      this.windowOpen = fn;
    }
  }
  class BrowserWindow {
    static getAllWindows = () => seen.windows;
    webContents = new WebContents();
    focused = 0;
    constructor(public options: Record<string, unknown>) {
      seen.windows.push(this as never);
    }
    once() {}
    on() {}
    async loadFile() {}
    async loadURL() {}
    isMinimized() {
      return false;
    }
    maximize() {}
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 10, width: 1280, height: 820 };
    }
    restore() {}
    focus() {
      this.focused++;
    }
  }
  const dir = tempDir('casebook-electron-', 'file');
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on: (event: string, fn: Handler) => seen.appEvents.set(event, fn),
    whenReady: () => (seen.ready = Promise.resolve()),
    getPath: () => dir,
    getAppPath: () => process.cwd(),
    getLocale: () => 'en-GB',
    getVersion: () => '9.9.9',
    quit: () => seen.quit?.(),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: Handler) => (seen.session.permission = fn),
      setPermissionCheckHandler: (fn: Handler) => (seen.session.check = fn),
      webRequest: { onHeadersReceived: (fn: Handler) => (seen.session.headers = fn) },
    },
  };
  const ipcMain = { handle: (channel: string, fn: Handler) => seen.ipc.set(channel, fn) };
  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] };
  const Menu = {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: typeof seen.menu) => (seen.menu = menu),
  };
  const safeStorage = {
    isEncryptionAvailable: () => false,
    encryptString: (s: string) => Buffer.from(s),
    decryptString: (b: Buffer) => b.toString(),
  };
  return { app, BrowserWindow, session, ipcMain, screen, Menu, dialog: {}, shell: {}, safeStorage, default: {} };
});

let dataDir: string | undefined;
async function loadMain() {
  // One data folder for the whole file: the main module is loaded once and keeps it.
  dataDir ??= tempDir('casebook-data-', 'file');
  process.env['CASEBOOK_DATA_DIR'] = dataDir;
  await import('../../electron/main/index');
  await seen.ready;
  await new Promise((r) => setTimeout(r, 0));
  return seen.windows[0]!;
}

// Closing Casebook closes the records and stops the core's worker.
afterAll(async () => {
  const quit = new Promise<void>((resolveQuit) => (seen.quit = resolveQuit));
  (seen.appEvents.get('before-quit') as ((e: { preventDefault(): void }) => void) | undefined)?.({
    preventDefault: () => {},
  });
  await quit;
});

describe('the Electron window and session', () => {
  it('open one sandboxed, isolated window without Node, with a strict CSP, no permissions, no navigation away, no new windows, and IPC only from the app’s own page', async () => {
    const win = await loadMain();
    expect(seen.windows).toHaveLength(1);
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.js$/);

    // Session: every permission refused, every response carries the CSP.
    const answer = vi.fn();
    (seen.session.permission as (...a: unknown[]) => void)({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect((seen.session.check as () => boolean)()).toBe(false);
    const headers = vi.fn();
    (seen.session.headers as (...a: unknown[]) => void)({ responseHeaders: { 'X-Other': ['1'] } }, headers);
    expect(headers).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);

    // The page: navigation away refused, the app's own page allowed; window.open denied; no webviews.
    const page = win.webContents;
    const appPage = pathToFileURL(resolve(process.cwd(), 'electron/renderer/index.html')).href;
    for (const [event, url, blocked] of [
      ['will-navigate', 'https://evil.example/', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-redirect', 'https://evil.example/', true],
      ['will-navigate', appPage, false],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      (page.listeners.get(event) as (...a: unknown[]) => void)(e, url);
      expect(e.preventDefault.mock.calls.length > 0, `${event} ${url}`).toBe(blocked);
    }
    expect((page.windowOpen as () => unknown)()).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    (page.listeners.get('will-attach-webview') as (...a: unknown[]) => void)(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    // Pages created later (any web contents) get the same guards.
    expect(seen.appEvents.has('web-contents-created')).toBe(true);

    // IPC: every channel of the contract is registered; a call from a foreign or a child frame is refused.
    expect([...seen.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
    const status = seen.ipc.get('app.status') as (
      ...a: unknown[]
    ) => Promise<{ ok: boolean; error?: { code: string } }>;
    const foreign = await status({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const child = await status({ senderFrame: { url: 'https://evil.example/', parent: {} } }, {});
    expect(child).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const none = await status({ senderFrame: null }, {});
    expect(none).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // A second launch focuses the first window instead of opening another; a backup file it was
    // given (double-clicked while Casebook was open) goes to the page once it has loaded.
    const backup = join(tempDir('casebook-usb-'), 'Casebook 2026-11-23 1000.casebook-backup');
    writeFileSync(backup, 'backup');
    (seen.appEvents.get('second-instance') as (...a: unknown[]) => void)({}, [
      'casebook.exe',
      '--flag',
      'C:\\missing.casebook-backup',
      backup,
    ]);
    expect((win as unknown as { focused: number }).focused).toBe(1);
    expect(seen.windows).toHaveLength(1);
    expect(page.sent).toEqual([]);
    page.loaded = true;
    (page.listeners.get('did-finish-load') as () => void)();
    expect(page.sent).toEqual([[DESKTOP_COMMAND_CHANNEL, { kind: 'openBackup', path: backup }]]);
    // macOS hands files over as an event.
    const opened = { preventDefault: vi.fn() };
    (seen.appEvents.get('open-file') as (...a: unknown[]) => void)(opened, backup);
    expect(opened.preventDefault).toHaveBeenCalled();
    expect(page.sent.at(-1)).toEqual([DESKTOP_COMMAND_CHANNEL, { kind: 'openBackup', path: backup }]);
  });

  it('has an application menu: File (back up, restore, print), Help (guide, where my data is, about), in the page’s language', async () => {
    const win = await loadMain();
    const menu = seen.menu!;
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const ids = (label: string) =>
      menu
        .find((m) => m.label === label)!
        .submenu!.filter((i) => i.id)
        .map((i) => i.id);
    expect(ids('File')).toEqual(['backup', 'restore', 'print']);
    expect(ids('Help')).toEqual(['guide', 'dataFolder', 'about']);
    // A menu choice goes to the page as a command.
    menu.find((m) => m.label === 'Help')!.submenu!.find((i) => i.id === 'about')!.click!();
    expect(win.webContents.sent.at(-1)).toEqual([DESKTOP_COMMAND_CHANNEL, { kind: 'menu', action: 'about' }]);
    // Switching the page to Polish rebuilds the menu in Polish.
    const setLanguage = seen.ipc.get('app.setLanguage') as (...a: unknown[]) => Promise<unknown>;
    const appUrl = pathToFileURL(resolve(process.cwd(), 'electron/renderer/index.html')).href;
    expect(await setLanguage({ senderFrame: { url: appUrl, parent: null } }, { language: 'pl' })).toMatchObject({
      ok: true,
    });
    expect(seen.menu!.map((m) => m.label)).toEqual(['Plik', 'Edycja', 'Widok', 'Pomoc']);
    expect(seen.menu!.find((m) => m.label === 'Plik')!.submenu!.map((i) => i.label)).toContain(
      'Przywróć z kopii zapasowej…',
    );
  });
});
