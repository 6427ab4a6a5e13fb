import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { tempDir } from './helpers';

/**
 * The Electron side, loaded for real (electron/main/index.ts) with a stand-in `electron` module that
 * records what it is asked to do: the window's options, the session's handlers, each web page's
 * guards and the IPC channels. No Electron binary is needed, so this runs in every `npm test`.
 */
type Handler = (...args: never[]) => unknown;
const seen = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; webContents: { listeners: Map<string, Handler>; windowOpen: Handler | null }; focus: () => void }[],
  appEvents: new Map<string, Handler>(),
  ipc: new Map<string, Handler>(),
  session: { permission: null as Handler | null, check: null as Handler | null, headers: null as Handler | null },
  ready: null as Promise<void> | null,
}));

vi.mock('electron', () => {
  class WebContents {
    listeners = new Map<string, Handler>();
    windowOpen: Handler | null = null;
    on(event: string, fn: Handler) {
      this.listeners.set(event, fn);
      return this;
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
  const dir = tempDir('casebook-electron-');
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on: (event: string, fn: Handler) => seen.appEvents.set(event, fn),
    whenReady: () => (seen.ready = Promise.resolve()),
    getPath: () => dir,
    getAppPath: () => process.cwd(),
    getLocale: () => 'en-GB',
    quit: () => {},
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
  return { app, BrowserWindow, session, ipcMain, screen, dialog: {}, default: {} };
});

async function loadMain() {
  process.env['CASEBOOK_DATA_DIR'] = tempDir('casebook-data-');
  await import('../../electron/main/index');
  await seen.ready;
  await new Promise((r) => setTimeout(r, 0));
  return seen.windows[0]!;
}

describe('the Electron window and session', () => {
  it('open one sandboxed, isolated window without Node, with a strict CSP, no permissions, no navigation away, no new windows, and IPC only from the app’s own page', async () => {
    const win = await loadMain();
    expect(seen.windows).toHaveLength(1);
    const prefs = win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, navigateOnDragDrop: false, disableBlinkFeatures: 'Auxclick' });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.js$/);

    // Session: every permission refused, every response carries the CSP.
    const answer = vi.fn();
    (seen.session.permission as (...a: unknown[]) => void)({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect((seen.session.check as () => boolean)()).toBe(false);
    const headers = vi.fn();
    (seen.session.headers as (...a: unknown[]) => void)({ responseHeaders: { 'X-Other': ['1'] } }, headers);
    expect(headers).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
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
    const status = seen.ipc.get('app.status') as (...a: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>;
    const foreign = await status({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const child = await status({ senderFrame: { url: 'https://evil.example/', parent: {} } }, {});
    expect(child).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const none = await status({ senderFrame: null }, {});
    expect(none).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // A second launch focuses the first window instead of opening another.
    (seen.appEvents.get('second-instance') as () => void)();
    expect((win as unknown as { focused: number }).focused).toBe(1);
    expect(seen.windows).toHaveLength(1);
  });
});
