import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';

/**
 * The README's glossary is how a newcomer finds their way: a charity's word, the folder of
 * `electron/core/` that holds it, the prefix of its channels. These tests hold the table to the code,
 * so that a renamed folder, a new domain or a channel filed under another domain's prefix shows here.
 */
const ROOT = resolve(__dirname, '../..');
const CORE = join(ROOT, 'electron/core');

interface Row {
  word: string;
  folders: string[];
  prefixes: string[];
}

function glossary(): Row[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf("| charity's word | `electron/core/` | channels | screen |");
  expect(start, 'the README has its glossary table').toBeGreaterThan(0);
  const lines = readme.slice(start).split('\n').slice(2);
  const rows: Row[] = [];
  for (const line of lines) {
    if (!line.startsWith('|')) break;
    const [word, folders, prefixes] = line
      .split('|')
      .slice(1, 4)
      .map((c) => c.trim());
    const ticked = (cell: string | undefined) => [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    rows.push({
      word: word!,
      folders: ticked(folders).map((f) => f.replace(/\/$/, '')),
      prefixes: ticked(prefixes).map((p) => p.replace(/\.\*$/, '')),
    });
  }
  return rows;
}

/** Each folder with handlers, and the channels it answers: the keys of its handlers.ts that are channels. */
function channelsByFolder(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const folder of readdirSync(CORE)) {
    const file = join(CORE, folder, 'handlers.ts');
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    found.set(
      folder,
      [...source.matchAll(/^\s+'([a-zA-Z]+\.[a-zA-Z]+)'\s*:/gm)].map((m) => m[1]!).filter((c) => c in contract),
    );
  }
  return found;
}

const prefixOf = (channel: string) => channel.slice(0, channel.indexOf('.'));

describe('the glossary in the README', () => {
  it('every channel of the contract is answered in exactly one handlers.ts (so the reading below is complete)', () => {
    const answered = [...channelsByFolder().values()].flat();
    expect([...answered].sort()).toEqual(Object.keys(contract).sort());
  });

  it('each channel prefix belongs to one folder', () => {
    const owners = new Map<string, Set<string>>();
    for (const [folder, channels] of channelsByFolder())
      for (const c of channels) owners.set(prefixOf(c), (owners.get(prefixOf(c)) ?? new Set()).add(folder));
    const shared = [...owners].filter(([, folders]) => folders.size > 1).map(([p, f]) => `${p}: ${[...f].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('names every folder with handlers, with exactly the prefixes its channels use', () => {
    const rows = glossary();
    const byFolder = channelsByFolder();
    const listed = rows.flatMap((r) => r.folders);
    expect([...listed].sort(), 'each folder in one row').toEqual([...new Set(listed)].sort());
    expect(
      [...byFolder.keys()].filter((f) => !listed.includes(f)),
      'folders missing from the glossary',
    ).toEqual([]);
    for (const row of rows) {
      for (const f of row.folders)
        expect(existsSync(join(CORE, f)), `${row.word}: electron/core/${f} exists`).toBe(true);
      const used = new Set(row.folders.flatMap((f) => (byFolder.get(f) ?? []).map(prefixOf)));
      expect([...row.prefixes].sort(), `${row.word}: the prefixes of ${row.folders.join(', ')}`).toEqual(
        [...used].sort(),
      );
    }
  });

  it('one word for one thing: no channel, folder or prefix is about a sign-in "session" or "support" given', () => {
    const names = [...channelsByFolder()].flatMap(([folder, channels]) => [folder, ...channels]);
    expect(names.filter((n) => /^session\b|\.?support(?!Plan)/i.test(n) && !n.startsWith('sessions.'))).toEqual([]);
  });
});
