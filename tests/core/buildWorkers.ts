import { build } from 'esbuild';
import { join, resolve } from 'node:path';

/**
 * Before the core tests: the workers they start (the core's, the long jobs') and the children the
 * crash tests kill are bundled once from the TypeScript sources, as the app's build does, so each
 * start takes a fraction of a second instead of compiling the sources again. Libraries stay outside
 * the bundle (node_modules), as in the app.
 */
const ROOT = resolve(__dirname, '../..');
export const TEST_BUILD = join(ROOT, 'node_modules/.cache/casebook-tests');

export const ENTRIES = {
  coreWorker: 'electron/core/host/coreWorker.ts',
  jobWorker: 'electron/core/jobs/jobWorker.ts',
  crashWriter: 'tests/core/crashWriter.ts',
  restoreKillChild: 'tests/core/restoreKillChild.ts',
} as const;

export default async function setup(): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(ROOT, path)])),
    outdir: TEST_BUILD,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
}
