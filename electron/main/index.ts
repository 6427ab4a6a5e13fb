import { app, BrowserWindow, ipcMain, screen, session } from 'electron';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Casebook } from '../core/casebook';
import { registerChannels } from './ipc';
import { ElectronPlatform } from './platform';
import { appUrlCheck, hardenContents, hardenSession } from './security';
import { loadWindowState, saveWindowState, WINDOW_MIN } from './windowState';

/**
 * The Electron side of Casebook: lifecycle, the one window, security settings and IPC registration.
 * All logic lives in electron/core; this file only connects it to Electron.
 */
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererFile = join(__dirname, '../renderer/index.html');
const isAppUrl = appUrlCheck(rendererFile, devServerUrl);
/** Fonts, icons and the letter templates' assets: beside the app when packaged (see build.extraResources). */
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');

let mainWindow: BrowserWindow | null = null;

function logFile(): string {
  const dir = app.getPath('logs');
  mkdirSync(dir, { recursive: true });
  return join(dir, 'casebook.log');
}

/** Logs carry channel names and error types only, never client details. */
function log(message: string): void {
  try {
    appendFileSync(logFile(), `${new Date().toISOString()} ${message}\n`);
  } catch {
    console.error(message);
  }
}

function createWindow(): BrowserWindow {
  // The window opens where it was last closed, if that place is still on a screen.
  const stateFile = join(app.getPath('userData'), 'window.json');
  const place = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  // The settings are written out here, at the one place a window is made, so a security scanner
  // reading this file sees them (tests/core/hardening.test.ts checks what Electron is really given).
  const win = new BrowserWindow({
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height,
    minWidth: WINDOW_MIN.width,
    minHeight: WINDOW_MIN.height,
    show: false,
    title: 'Casebook',
    icon: join(resourcesDir, 'icons', '512x512.png'),
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: undefined,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: !app.isPackaged,
    },
  });
  if (place.maximized) win.maximize();
  hardenContents(win.webContents, isAppUrl);
  win.on('close', () => saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererFile);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAppUrl));

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    const dataDir = process.env['CASEBOOK_DATA_DIR'] || join(app.getPath('userData'), 'data');
    const core = new Casebook({
      dataDir,
      resourcesDir,
      platform: new ElectronPlatform(() => mainWindow),
      locale: app.getLocale(),
      log,
    });
    registerChannels(ipcMain, core, isAppUrl);
    mainWindow = createWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
    let closing = false;
    app.on('before-quit', (event) => {
      if (closing) return;
      // Back up to the known USB stick first if the charity asked for it; then close the records.
      event.preventDefault();
      closing = true;
      void core
        .backUpOnExit()
        .then((result) => log(`[casebook] backup on exit: ${result}`))
        .finally(() => {
          core.dispose();
          app.quit();
        });
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
