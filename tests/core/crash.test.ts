import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/core/db/database';
import { tempDir } from './helpers';
import { testChild } from './workers';

const WRITER = testChild('crashWriter');
const KILLS = 50;

/** Starts the writer, lets it commit for a random while, kills it with SIGKILL; returns what it acknowledged. */
function runAndKill(path: string, key: Buffer): Promise<number[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [WRITER], {
      env: { ...process.env, CRASH_DB: path, CRASH_KEY: key.toString('hex') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Once it is writing, kill it at a random moment within the next 150 ms.
      timer ??= setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 150));
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer stopped by itself (${code}): ${err}`));
      // Only whole lines are acknowledgements; a half-written last line was not acknowledged.
      const lines = out.split('\n');
      lines.pop();
      resolvePromise(lines.map(Number));
    });
  });
}

describe('crash safety', () => {
  it(`every acknowledged write survives ${KILLS} kills with SIGKILL, and the database stays whole`, async () => {
    const path = join(tempDir('casebook-crash-'), 'casebook.db');
    const key = randomBytes(32);
    const setup = openDatabase(path, key, { create: true });
    setup.$client.exec(
      `INSERT INTO users (id, name, login, role, created_at) VALUES (1, 'Writer', 'writer', 'admin', 'x')`,
    );
    closeDatabase(setup);

    const acknowledged: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      acknowledged.push(...(await runAndKill(path, key)));
      const db = openDatabase(path, key);
      try {
        expect(db.$client.pragma('integrity_check', { simple: true }), `after kill ${i + 1}`).toBe('ok');
        const present = new Set(db.$client.prepare('SELECT id FROM clients').pluck().all() as number[]);
        const lost = acknowledged.filter((id) => !present.has(id));
        expect(lost, `after kill ${i + 1}`).toEqual([]);
        // Each client was one transaction with its search tokens: never one without the other.
        const orphans = db.$client
          .prepare(
            'SELECT count(*) FROM clients c WHERE NOT EXISTS (SELECT 1 FROM client_search_tokens t WHERE t.client_id = c.id)',
          )
          .pluck()
          .get();
        expect(orphans).toBe(0);
      } finally {
        closeDatabase(db);
      }
    }
    expect(acknowledged.length).toBeGreaterThan(KILLS);
  }, 180_000);
});
