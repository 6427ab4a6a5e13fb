import { makeBackup, type BackupMade } from '../../electron/core/backup/backup';
import { partsInWorkers } from '../../electron/core/backup/inWorkers';
import { JobRunner } from '../../electron/core/jobs/runner';
import setupWorkers from '../core/buildWorkers';
import { SOURCE_WORKERS } from '../core/workers';

/**
 * A backup made as the app makes it: its parts in job workers, two side by side (the workers are
 * bundled from the sources first, as the core tests do). Each stage's time is kept, to say where
 * the time goes.
 */
export async function backupInWorkers(o: {
  dbPath: string;
  dbKey: Buffer;
  slotsPath: string;
  targetDir: string;
  copyDir: string;
  resourcesDir: string;
}) {
  await setupWorkers();
  const runner = new JobRunner(
    SOURCE_WORKERS.job,
    o.resourcesDir,
    () => new Date(),
    () => {},
  );
  return {
    async make(): Promise<{ made: BackupMade; stages: Record<string, number> }> {
      const stages: Record<string, number> = {};
      const made = await runner.task(undefined, { cancellable: true }, async (task) => {
        let current = '';
        let since = performance.now();
        const watch = setInterval(() => {
          const { stage } = task.progress();
          if (stage === current) return;
          const now = performance.now();
          if (current) stages[current] = (stages[current] ?? 0) + now - since;
          current = stage;
          since = now;
        }, 20);
        try {
          return await makeBackup(
            {
              dbKey: o.dbKey,
              slotsPath: o.slotsPath,
              targetDir: o.targetDir,
              copyDir: o.copyDir,
              charityName: 'Bench',
              createdBy: 'Bench',
              now: new Date(),
              keep: 1,
            },
            partsInWorkers(task, { path: o.dbPath, key: o.dbKey }, o.dbKey),
          );
        } finally {
          clearInterval(watch);
          if (current) stages[current] = (stages[current] ?? 0) + performance.now() - since;
        }
      });
      return { made, stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)])) };
    },
    stop: () => runner.stopAll(),
  };
}
