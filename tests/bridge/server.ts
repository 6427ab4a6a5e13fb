import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CoreHost } from '../../electron/core/host/coreHost';
import type { WorkerEntry } from '../../electron/core/host/messages';
import { fileLog } from '../../electron/core/log/log';
import type { DesktopCommand } from '../../shared/desktop';
import type { KdfParams } from '../../electron/core/vault/kdf';
import { FolderPlatform } from './folderPlatform';

/**
 * The loopback test bridge: serves the production renderer bundle and the same core over HTTP on
 * 127.0.0.1, so the real UI can be driven in Chromium where no Electron binary exists. The core
 * runs as in the app: the built worker (out/main/coreWorker.js) started by the same CoreHost that
 * Electron's main process uses, so every call takes the real message path, and this process (like
 * main) never opens the records. The shipped renderer has no HTTP code: this server adds one small
 * script that defines window.casebook.invoke, exactly as the preload does in the app.
 */
export interface BridgeOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  rendererDir?: string;
  saveDir?: string;
  kdf?: KdfParams;
  locale?: string;
  /**
   * The core's clock. Every end-to-end file passes its own (`clockFrom('2026-11-23T10:00')`), so
   * it passes on any real date; `openPage` sets the page's clock from the same source.
   */
  now: () => Date;
  /** Folders that stand for drives (e.g. a USB stick) in the backup screen. */
  drives?: { path: string; label: string; removable: boolean }[];
  /** Keep the error log in this folder, as the app does (otherwise it goes to the console). */
  logDir?: string;
  /** Free space below which the data folder counts as full. */
  minFreeBytes?: number;
}

export interface Bridge {
  url: string;
  core: CoreHost;
  /** The core's clock (the page's clock is set from it). */
  now: () => Date;
  platform: FolderPlatform;
  /** Where a file dropped on the page is on disk: a test puts files here before it drops them. */
  droppedDir: string;
  /** What the application menu or a double-clicked backup file would send the page. */
  command(command: DesktopCommand): void;
  close(): Promise<void>;
}

const ROOT = resolve(__dirname, '../..');
const BRIDGE_SCRIPT = '/__casebook_bridge.js';
const RPC_PATH = '/__casebook_rpc';
const EVENTS_PATH = '/__casebook_events';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const MAX_BODY = 5 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The bridge's part of the page; a dropped file is taken to be in `droppedDir`, as the desktop would know. */
const bridgeScript = (droppedDir: string) => `
window.casebook = Object.freeze({
  pathForFile: (file) => ${JSON.stringify(droppedDir + sep)} + file.name,
  invoke: async (channel, input) => {
    const res = await fetch(${JSON.stringify(RPC_PATH)}, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, input }),
    });
    return res.json();
  },
  onCommand: (listener) => {
    const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
    events.onmessage = (e) => listener(JSON.parse(e.data));
  },
});
`;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The core's and the long jobs' worker scripts as `npm run build` makes them for the app. */
function builtWorkers(): { core: WorkerEntry; job: WorkerEntry } {
  const dir = join(ROOT, 'out/main');
  const core = join(dir, 'coreWorker.js');
  if (!existsSync(core)) throw new Error(`No core worker build in ${dir}: run "npm run build" first`);
  return { core: { file: core }, job: { file: join(dir, 'jobWorker.js') } };
}

/**
 * The core as Electron's main process starts it: the built workers (out/main) under the same
 * CoreHost, its clock agreeing with the test's (the computer's clock moved to the test's day).
 */
export async function startCoreHost(
  opts: BridgeOptions,
  platform: FolderPlatform,
  onRestart?: () => void,
): Promise<CoreHost> {
  const workers = builtWorkers();
  const clockShiftMs = opts.now().getTime() - Date.now();
  const core = new CoreHost({
    entry: workers.core,
    settings: {
      dataDir: opts.dataDir,
      resourcesDir: join(ROOT, 'resources'),
      kdf: opts.kdf,
      locale: opts.locale ?? 'en-GB',
      clockShiftMs,
      version: VERSION,
      logDir: opts.logDir,
      minFreeBytes: opts.minFreeBytes,
      jobWorker: workers.job,
    },
    platform,
    log: opts.logDir ? fileLog(opts.logDir) : (m: string) => console.error(m),
    onRestart,
  });
  await core.whenReady();
  return core;
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const rendererDir = resolve(opts.rendererDir ?? join(ROOT, 'out/renderer'));
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error(`No renderer build in ${rendererDir}: run "npm run build" first`);
  const platform = new FolderPlatform(opts.saveDir ?? `${opts.dataDir}-saved`, opts.drives ?? []);
  const droppedDir = `${opts.dataDir}-dropped`;
  try {
    mkdirSync(droppedDir, { recursive: true });
  } catch {
    // A data folder that cannot be made (a test of exactly that) has no drop folder either.
  }
  // Commands for the page go out as server-sent events; sent before the page listens, they wait.
  const listeners = new Set<ServerResponse>();
  const waiting: DesktopCommand[] = [];
  const deliver = () => {
    if (listeners.size === 0) return;
    for (const command of waiting.splice(0))
      for (const res of listeners) res.write(`data: ${JSON.stringify(command)}\n\n`);
  };

  const core = await startCoreHost(opts, platform, () => {
    waiting.push({ kind: 'coreRestarted' });
    deliver();
  });

  let origin = '';
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(body);
  };

  const server: Server = createServer((req, res) => void answer(req, res));
  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', origin);
      if (req.method === 'POST' && url.pathname === RPC_PATH) {
        // Only the bridge's own page may call it (no other local web page).
        if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'text/plain', 'forbidden');
        let channel: unknown;
        let input: unknown;
        try {
          ({ channel, input } = JSON.parse(await readBody(req)) as { channel: unknown; input: unknown });
        } catch {
          return send(
            res,
            400,
            'application/json',
            JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'Body is not JSON' } }),
          );
        }
        const result = await core.call(typeof channel === 'string' ? channel : '', input);
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
      if (url.pathname === BRIDGE_SCRIPT) return send(res, 200, TYPES['.js']!, bridgeScript(droppedDir));
      if (url.pathname === EVENTS_PATH) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write(': listening\n\n');
        listeners.add(res);
        res.on('close', () => listeners.delete(res));
        deliver();
        return;
      }
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = normalize(join(rendererDir, rel));
      if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile())
        return send(res, 404, 'text/plain', 'not found');
      let body: string | Buffer = readFileSync(file);
      if (rel === 'index.html')
        body = body.toString('utf8').replace('<head>', `<head>\n    <script src="${BRIDGE_SCRIPT}"></script>`);
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch (err) {
      console.error(err);
      if (!res.headersSent) send(res, 500, 'text/plain', 'error');
    }
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    core,
    now: opts.now,
    platform,
    droppedDir,
    command: (command) => {
      waiting.push(command);
      deliver();
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => void core.close().then(() => resolveClose()));
      }),
  };
}
