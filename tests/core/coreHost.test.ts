import { describe, expect, it, vi } from 'vitest';
import { CasebookError } from '../../shared/result';
import { CoreHost } from '../../electron/core/host/coreHost';
import { KDF_MINIMUM } from '../../electron/core/vault/kdfParams';
import { FolderPlatform } from '../bridge/folderPlatform';
import { tempDir } from './folders';
import { SOURCE_WORKERS } from './workers';

// This file is the thread that owns the window: it must never load the database or Argon2. Either
// import would fail here (they are loaded, for real, inside the core's worker).
vi.mock('better-sqlite3', () => {
  throw new Error('better-sqlite3 was loaded on the window’s thread');
});
vi.mock('@node-rs/argon2', () => {
  throw new Error('Argon2 was loaded on the window’s thread');
});

const ADMIN = { name: 'Anna Kowalska', password: 'correct horse battery' };

class TestPlatform extends FolderPlatform {
  drivesFail = false;
  override async listDrives() {
    if (this.drivesFail) throw new CasebookError('NOT_WRITABLE', 'The drive list could not be read');
    return super.listDrives();
  }
}

function startHost() {
  const platform = new TestPlatform(tempDir('casebook-saved-'));
  const logged: string[] = [];
  const host = new CoreHost({
    entry: SOURCE_WORKERS.core,
    settings: {
      dataDir: tempDir('casebook-host-'),
      resourcesDir: `${__dirname}/../../resources`,
      kdf: KDF_MINIMUM,
      idleCheckMs: 0,
      jobWorker: SOURCE_WORKERS.job,
      clockShiftMs: Date.parse('2026-11-23T10:00:00Z') - Date.now(),
    },
    platform,
    log: (m) => logged.push(m),
  });
  const ok = async (channel: string, input: unknown) => {
    const r = await host.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as never;
  };
  return { host, platform, logged, ok };
}

async function setUp(ok: (channel: string, input: unknown) => Promise<never>) {
  const shown: { groups: string[]; confirmGroup: number } = await ok('setup.prepare', {
    charity: { name: 'Przystań Community Aid' },
    admin: ADMIN,
  });
  await ok('setup.saveRecoverySheet', {});
  await ok('setup.finish', { confirmation: shown.groups[shown.confirmGroup - 1] });
}

describe('the core in its own thread', () => {
  it('keeps the database and Argon2 out of the thread that owns the window', async () => {
    await expect(import('better-sqlite3')).rejects.toThrow();
    await expect(import('@node-rs/argon2')).rejects.toThrow();
  });

  it('answers every call of the contract by message, and asks this thread for dialogs', async () => {
    const { host, platform, ok } = startHost();
    try {
      // The core's clock is the test's day, as the bridge sets it.
      expect(await ok('app.status', {})).toMatchObject({
        state: 'needsSetup',
        now: expect.stringMatching(/^2026-11-23T10:0/),
      });
      await setUp(ok);
      // The recovery sheet was saved through this thread's "dialog".
      expect(platform.saved).toHaveLength(1);
      const client: { id: number } = await ok('clients.intake', {
        details: { firstName: 'Zofia', lastName: 'Wiśniewska' },
        duplicatesSeen: [],
      });
      const note: { id: number; body: string } = await ok('notes.save', {
        clientId: client.id,
        note: { date: '2026-11-23', time: '09:30', kind: 'phone', body: 'Rang about the rent.' },
      });
      expect(note.body).toBe('Rang about the rent.');
      // Errors cross as data, both the core's own and the desktop's.
      expect(
        await host.call('notes.save', {
          clientId: client.id,
          note: { date: '2026-11-24', time: '09:30', kind: 'phone', body: 'x' },
        }),
      ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', fields: { 'note.date': 'dateInFuture' } } });
      platform.drivesFail = true;
      expect(await host.call('backup.drives', {})).toMatchObject({ ok: false, error: { code: 'NOT_WRITABLE' } });
      await ok('app.openFolder', { folder: 'data' });
      expect(platform.opened).toHaveLength(1);
      expect(await host.call('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    } finally {
      await host.close();
    }
  });

  it('is started again, locked, when it stops in the middle of writing notes, and every acknowledged note is there', async () => {
    const { host, logged, ok } = startHost();
    try {
      await setUp(ok);
      const client: { id: number } = await ok('clients.intake', {
        details: { firstName: 'Jan', lastName: 'Nowak' },
        duplicatesSeen: [],
      });
      const first = host.threadId;
      const acknowledged: number[] = [];
      let restartedAnswers = 0;
      let n = 0;
      // Four writers at once, as several screens might; the core is stopped once 40 notes are in.
      const writer = async () => {
        for (;;) {
          const r = await host.call('notes.save', {
            clientId: client.id,
            note: { date: '2026-11-23', time: '10:00', kind: 'phone', body: `Note ${n++}` },
          });
          if (r.ok) acknowledged.push((r.value as { id: number }).id);
          else {
            expect(r.error.code).toBe('CORE_RESTARTED');
            restartedAnswers++;
            return;
          }
          if (acknowledged.length === 40) void host.kill();
        }
      };
      await Promise.all([writer(), writer(), writer(), writer()]);
      expect(restartedAnswers).toBeGreaterThan(0);

      await host.whenReady();
      expect(host.threadId).not.toBe(first);
      expect(host.restarts).toBe(1);
      expect(logged.some((l) => l.includes('the core stopped unexpectedly'))).toBe(true);
      // Locked (the key never left the worker that stopped), and the unlock screen says why.
      expect(await ok('app.status', {})).toMatchObject({ state: 'locked', lockReason: 'restarted' });
      expect(await host.call('clients.get', { id: client.id })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      await ok('signIn.unlock', ADMIN);
      expect(await ok('app.status', {})).toMatchObject({ state: 'unlocked', lockReason: null });
      for (const id of acknowledged) expect((await host.call('notes.get', { id })).ok, `note ${id}`).toBe(true);
    } finally {
      await host.close();
    }
  });
});
