import { parentPort, workerData } from 'node:worker_threads';
import { CasebookError } from '../../../shared/result';
import { Casebook } from '../casebook';
import { shiftedClock } from '../clock';
import type { Drive, Platform, SaveFileRequest } from '../platform';
import type { CoreSettings, FromCore, PlatformMethod, ToCore } from './messages';

/**
 * The core's worker thread: holds the records and answers the window's thread by message (see
 * coreHost.ts). Started by Electron's main process in the app and by the test bridge in tests.
 */
const port = parentPort;
if (!port) throw new Error('coreWorker.ts runs as a worker thread');
const settings = workerData as CoreSettings;
const post = (m: FromCore) => port.postMessage(m);

/** The desktop's dialogs and printing, asked of the window's thread. */
class PlatformByMessage implements Platform {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  answer(m: Extract<ToCore, { t: 'platformResult' }>): void {
    const w = this.waiting.get(m.id);
    if (!w) return;
    this.waiting.delete(m.id);
    if (m.ok) w.resolve(m.value);
    else w.reject(new CasebookError(m.error.code, m.error.message, m.error));
  }

  private ask<T>(method: PlatformMethod, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      post({ t: 'platform', id, method, args });
    });
  }

  chooseSavePath(req: SaveFileRequest) {
    return this.ask<string | null>('chooseSavePath', req);
  }
  chooseFolder(req: { title: string }) {
    return this.ask<string | null>('chooseFolder', req);
  }
  chooseFile(req: { title: string; filters: { name: string; extensions: string[] }[] }) {
    return this.ask<string | null>('chooseFile', req);
  }
  chooseFiles(req: { title: string; filters: { name: string; extensions: string[] }[] }) {
    return this.ask<string[]>('chooseFiles', req);
  }
  listDrives() {
    return this.ask<Drive[]>('listDrives');
  }
  printPage() {
    return this.ask<'printed' | 'cancelled'>('printPage');
  }
  openFolder(path: string) {
    return this.ask<void>('openFolder', path);
  }
  lastSeenGeneration(vaultId: string) {
    return this.ask<number | null>('lastSeenGeneration', vaultId);
  }
  rememberGeneration(vaultId: string, generation: number) {
    return this.ask<void>('rememberGeneration', vaultId, generation);
  }
}

const platform = new PlatformByMessage();
const core = new Casebook({
  dataDir: settings.dataDir,
  resourcesDir: settings.resourcesDir,
  platform,
  kdf: settings.kdf,
  locale: settings.locale,
  version: settings.version,
  runtime: settings.runtime,
  logDir: settings.logDir,
  minFreeBytes: settings.minFreeBytes,
  idleCheckMs: settings.idleCheckMs,
  jobWorker: settings.jobWorker,
  restarted: settings.restarted,
  log: (message) => post({ t: 'log', message }),
  ...(settings.clockShiftMs !== undefined ? { now: shiftedClock(settings.clockShiftMs) } : {}),
});

port.on('message', (m: ToCore) => {
  switch (m.t) {
    case 'call':
      void core.call(m.channel, m.input).then((result) => post({ t: 'result', id: m.id, result }));
      return;
    case 'platformResult':
      platform.answer(m);
      return;
    case 'control':
      if (m.op === 'backUpOnExit')
        void core.backUpOnExit().then(
          (value) => post({ t: 'controlResult', id: m.id, value }),
          () => post({ t: 'controlResult', id: m.id, value: 'failed' }),
        );
      else {
        core.dispose();
        post({ t: 'controlResult', id: m.id, value: true });
      }
      return;
  }
});

post({ t: 'ready' });
