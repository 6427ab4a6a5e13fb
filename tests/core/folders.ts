import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/*
 * Temporary folders for tests, kept apart from helpers.ts so a test of the window's thread can use
 * them without loading the core (and with it the database library).
 */

/** What a test made is removed after it; what a `beforeAll` made ('file') after the whole file. */
export type Lifetime = 'test' | 'file';
export const cleanups: Record<Lifetime, (() => void)[]> = { test: [], file: [] };
const runCleanups = (l: Lifetime) => {
  while (cleanups[l].length) cleanups[l].pop()!();
};
afterEach(() => runCleanups('test'));
afterAll(() => runCleanups('file'));

/** A temporary folder removed afterwards. */
export function tempDir(prefix = 'casebook-test-', lifetime: Lifetime = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups[lifetime].push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
