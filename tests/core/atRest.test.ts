import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addNewPerson, setUp, startCore } from './helpers';

const SECRET_NAMES = ['Wiśniewska-Łęcka', 'Quintessa', 'Przystań'];

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesIn(p) : [p];
  });
}

function assertNothingReadable(dir: string): string[] {
  const files = filesIn(dir);
  for (const file of files) {
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 15).toString('latin1'), file).not.toBe('SQLite format 3');
    for (const name of SECRET_NAMES) {
      for (const enc of ['utf8', 'utf16le'] as const)
        expect(bytes.includes(Buffer.from(name, enc)), `${name} in ${file}`).toBe(false);
      expect(bytes.includes(Buffer.from(name.normalize('NFD'), 'utf8')), `${name} (NFD) in ${file}`).toBe(false);
    }
    expect(bytes.includes(Buffer.from('quintessa')), `folded name in ${file}`).toBe(false);
  }
  return files;
}

describe('nothing readable on disk', () => {
  it('while unlocked with writes in the WAL, and after locking', async () => {
    const t = startCore();
    await setUp(t);
    for (let i = 0; i < 50; i++)
      await addNewPerson(t, { firstName: 'Quintessa', lastName: `Wiśniewska-Łęcka`, address: `${i} Przystań Road` });
    await t.ok('clients.search', { query: 'quint' });
    const whileOpen = assertNothingReadable(t.dataDir);
    expect(whileOpen.some((f) => f.endsWith('-wal'))).toBe(true); // the WAL was really looked at
    await t.ok('signIn.lock', {});
    assertNothingReadable(t.dataDir);
  });
});
