import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startBridge } from './server';

/**
 * `npm run serve:test`: the app's UI and core on http://127.0.0.1, for end-to-end tests and for a
 * person to try in a browser. Data folder from CASEBOOK_DATA_DIR, port from CASEBOOK_PORT (4390).
 */
const dataDir = resolve(process.env['CASEBOOK_DATA_DIR'] || '.casebook-dev/data');
const port = Number(process.env['CASEBOOK_PORT'] || 4390);
mkdirSync(dataDir, { recursive: true });

// A person trying the app here lives on today's date, as in the app; tests pass a fixed one.
startBridge({ dataDir, port, saveDir: process.env['CASEBOOK_SAVE_DIR'], now: () => new Date() }).then(
  (bridge) => {
    console.log(`Casebook test bridge: ${bridge.url}`);
    console.log(`Data folder: ${dataDir}`);
    console.log(`Saved files go to: ${bridge.platform.folder}`);
    const stop = () => void bridge.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
