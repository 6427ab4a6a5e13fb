import { app, BrowserWindow, ipcMain, Menu, screen, session } from 'electron';
import { join } from 'node:path';
import type { UiLanguage } from '../../shared/domain/languages';
import { appStateSchema } from '../../shared/contract';
import { CoreHost } from '../core/host/coreHost';
import { fileLog } from '../core/log/log';
import { languageFromLocale, PREFERENCES_FILE, readPreferences } from '../core/preferences/preferences';
import { backupFileIn, DesktopCommands } from './desktop';
import { registerChannels } from './ipc';
import { menuTemplate } from './menu';
import { ElectronPlatform } from './platform';
import { appUrlCheck, hardenContents, hardenSession } from './security';
import { loadWindowState, saveWindowState, WINDOW_MIN } from './windowState';
import { workerEntries } from './workers';

/**
 * The Electron side of Casebook: lifecycle, the one window, security settings and IPC registration.
 * All logic lives in electron/core, which runs in a worker thread (see core/host/coreHost.ts): this
 * thread owns the window and never opens the records, so the window answers whatever the core does.
 */
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererFile = join(__dirname, '../renderer/index.html');
const isAppUrl = appUrlCheck(rendererFile, devServerUrl);
/** The fonts (for PDFs) and icons: beside the app when packaged (see build.extraResources in package.json). */
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');

let mainWindow: BrowserWindow | null = null;
/** Menu choices and double-clicked backup files, on their way to the page. */
const commands = new DesktopCommands();

function createWindow(log: (message: string) => void): BrowserWindow {
  // The window opens where it was last closed, if that place is still on a screen.
  const stateFile = join(app.getPath('userData'), 'window.json');
  const place = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
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
  commands.attach(win.webContents);
  // For support (and the packaged-build smoke test): did the page load, and did it ever stop?
  win.webContents.on('did-finish-load', () => log('[casebook] page loaded'));
  win.webContents.on('preload-error', (_event, _path, error) =>
    log(`[casebook] preload failed: ${error.name}: ${error.message}`),
  );
  win.webContents.on('render-process-gone', (_event, details) =>
    log(`[casebook] page stopped: ${details.reason} (${details.exitCode})`),
  );
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
  app.on('second-instance', (_event, argv) => {
    // A second start (the icon clicked again, or a backup file double-clicked) comes to this window.
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const file = backupFileIn(argv);
    if (file) commands.send({ kind: 'openBackup', path: file });
  });
  // macOS hands over double-clicked files as an event, which may come before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    commands.send({ kind: 'openBackup', path });
  });
  const startedWith = backupFileIn(process.argv);
  if (startedWith) commands.send({ kind: 'openBackup', path: startedWith });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAppUrl));

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    const dataDir = process.env['CASEBOOK_DATA_DIR'] || join(app.getPath('userData'), 'data');
    const log = fileLog(app.getPath('logs'));
    log(`[casebook] started ${app.getVersion()} on ${process.platform} ${process.arch}`);
    const workers = workerEntries();
    const core = new CoreHost({
      entry: workers.core,
      settings: {
        dataDir,
        resourcesDir,
        locale: app.getLocale(),
        logDir: log.dir,
        version: app.getVersion(),
        runtime: `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, ${process.platform} ${process.arch}`,
        jobWorker: workers.job,
      },
      platform: new ElectronPlatform(() => mainWindow, join(app.getPath('userData'), 'records-seen.bin')),
      log,
      // The page shows the unlock screen, saying Casebook restarted and nothing saved was lost.
      onRestart: () => commands.send({ kind: 'coreRestarted' }),
    });

    // The menu speaks the language the page is shown in, and is rebuilt when that changes.
    let menuLanguage: UiLanguage | null = null;
    const refreshMenu = (language: UiLanguage) => {
      if (language === menuLanguage) return;
      menuLanguage = language;
      const template = menuTemplate({
        language,
        isMac: process.platform === 'darwin',
        packaged: app.isPackaged,
        act: (action) => commands.send({ kind: 'menu', action }),
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    };
    /** Every answer that carries the app's state (status, sign-in, language) may change the menu's language. */
    const follow = (result: Awaited<ReturnType<CoreHost['call']>>) => {
      const state = result.ok ? appStateSchema.safeParse(result.value) : null;
      if (state?.success) refreshMenu(state.data.language);
      return result;
    };
    // At once from this computer's preferences (plain JSON beside the records), then as the core says.
    refreshMenu(
      readPreferences(join(dataDir, PREFERENCES_FILE), { language: languageFromLocale(app.getLocale()) }).language,
    );
    void core.call('app.status', {}).then(follow);
    registerChannels(ipcMain, { call: async (channel, input) => follow(await core.call(channel, input)) }, isAppUrl);
    mainWindow = createWindow(log);

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(log);
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
        .finally(() => void core.close().finally(() => app.quit()));
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
