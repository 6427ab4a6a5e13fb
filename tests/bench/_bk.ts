import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unlockWithPassword } from '../../electron/core/vault/vault';
import { KDF_DEFAULT } from '../../electron/core/vault/kdf';
import { backupInWorkers } from './backup';
(async () => {
  const dir = '/tmp/large';
  const u = await unlockWithPassword(join(dir, 'keyslots.json'), 'Bench Admin', 'large database 2026', KDF_DEFAULT);
  const target = '/tmp/prof/usb';
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target);
  const b = await backupInWorkers({ dbPath: join(dir, 'casebook.db'), dbKey: u.dbKey, slotsPath: join(dir, 'keyslots.json'), targetDir: target, copyDir: dir, resourcesDir: resolve(__dirname, '../../resources') });
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const { made, stages } = await b.make();
    console.log(Math.round(performance.now() - t0), made.bytes, JSON.stringify(stages));
  }
  await b.stop();
})();
