import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStage } from '../../shared/domain/jobs';
import { BACKUP_STAGES } from '../../electron/core/backup/backup';
import { ADMIN, addNewPerson, setUp, startCore, tempDir, type TestCore } from './helpers';

/**
 * Long jobs run beside the screens, in a worker of their own: the core keeps answering while one
 * runs, and each can be stopped safely. A test stops a job at a chosen stage with `holdNextAt`
 * (its worker waits there), so every stage is tried, not only the ones a timer happens to catch.
 */
let ids = 0;
const jobId = () => `test-job-${++ids}-${Math.random().toString(36).slice(2, 10)}`;

async function withRecords(n = 6): Promise<{ t: TestCore; clients: { id: number }[] }> {
  const t = startCore();
  await setUp(t);
  const clients: { id: number }[] = [];
  for (let i = 0; i < n; i++)
    clients.push(
      await addNewPerson(t, {
        firstName: `Zofia${i}`,
        lastName: 'Wiśniewska-Łęcka',
        phone: `07700 9001${String(i).padStart(2, '0')}`,
      }),
    );
  await t.ok('notes.save', {
    clientId: clients[0]!.id,
    note: { date: '2026-11-20', time: '10:00', kind: 'phone', body: 'Rang about the eviction notice.' },
  });
  return { t, clients };
}

/** Starts a job, waits until it has reached `stage` (held there), and returns its result promise. */
async function heldAt<T>(
  t: TestCore,
  stage: JobStage,
  start: (jobId: string) => Promise<T>,
): Promise<{ id: string; result: Promise<T> }> {
  const reached = t.cb.jobs.holdNextAt(stage);
  const id = jobId();
  const result = start(id);
  await reached;
  return { id, result };
}

/** What must be the same after a stopped job: the records, as the screens see them, and the trail. */
async function snapshot(t: TestCore) {
  return {
    clients: (await t.ok('clients.search', {})).total,
    backup: (await t.ok('backup.status', {})).last,
    trail: (await t.ok('audit.list', {})).items.filter((e) => !e.action.endsWith('viewed')).map((e) => e.action),
  };
}

describe('long jobs beside the screens', () => {
  it('while a backup is being made, searching, opening a client and saving a note all answer, and the backup still verifies', async () => {
    const { t, clients } = await withRecords();
    const usb = tempDir('casebook-usb-');
    // Held while the manifest is read from the records' snapshot, with the copy taken beside it.
    const { id, result } = await heldAt(t, 'reading', (jobId) => t.call('backup.create', { targetDir: usb, jobId }));
    const progress = await t.ok('jobs.progress', { jobId: id });
    expect(progress).toMatchObject({ cancellable: true });
    expect(['copying', 'reading']).toContain(progress!.stage);
    expect((await t.ok('clients.search', { query: 'wisniewska' })).total).toBe(6);
    expect((await t.ok('clients.get', { id: clients[1]!.id })).client.firstName).toBe('Zofia1');
    await t.ok('notes.save', {
      clientId: clients[1]!.id,
      note: { date: '2026-11-23', time: '09:00', kind: 'phone', body: 'Saved while the backup ran.' },
    });
    t.cb.jobs.releaseAll();
    const made = await result;
    expect(made.ok).toBe(true);
    // Someone saved (and opened a record) while the backup read the records: it still verified.
    const check = await t.ok('backup.inspect', {
      path: (made as { ok: true; value: { path: string } }).value.path,
      credentials: null,
    });
    expect(check.counts.clients).toBe(6);
    expect(await t.ok('jobs.progress', { jobId: id })).toBeNull();
  });

  it('a backup stopped at any stage leaves nothing on the drive, and the records as they were', async () => {
    const { t } = await withRecords();
    const before = await snapshot(t);
    for (const stage of ['reading', 'copying', 'checkingCopy', 'writing', 'verifying'] as const) {
      const usb = tempDir('casebook-usb-');
      const { id, result } = await heldAt(t, stage, (jobId) => t.call('backup.create', { targetDir: usb, jobId }));
      expect(await t.ok('jobs.cancel', { jobId: id })).toEqual({ cancelling: true });
      expect(await result, stage).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expect(readdirSync(usb), stage).toEqual([]);
      // The copy is made in the data folder when it has room: nothing is left there either.
      expect(
        readdirSync(t.dataDir).filter((f) => f.includes('.tmp')),
        stage,
      ).toEqual([]);
      expect(await snapshot(t), stage).toEqual(before);
    }
    // And a backup after all that works.
    expect((await t.ok('backup.create', { targetDir: tempDir('casebook-usb-') })).counts.clients).toBe(6);
  });

  it('a stick pulled while the backup is written: a clear error, and no copy left in the data folder', async () => {
    const { t } = await withRecords();
    const before = await snapshot(t);
    for (const stage of ['writing', 'verifying'] as const) {
      const stick = join(tempDir('casebook-usb-'), 'KINGSTON');
      mkdirSync(stick);
      const { result } = await heldAt(t, stage, (jobId) => t.call('backup.create', { targetDir: stick, jobId }));
      rmSync(stick, { recursive: true, force: true });
      t.cb.jobs.releaseAll();
      expect(await result, stage).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/NOT_WRITABLE|BACKUP_DAMAGED/) },
      });
      expect(
        readdirSync(t.dataDir).filter((f) => f.includes('.tmp')),
        stage,
      ).toEqual([]);
      expect(await snapshot(t), stage).toEqual(before);
    }
  });

  it('the import check stopped part way imports nothing and keeps nothing', async () => {
    const { t } = await withRecords();
    const before = await snapshot(t);
    const rows = [
      'First name,Last name,Date of birth',
      ...Array.from({ length: 1000 }, (_, i) => `Adam${i},Nowak${i},01/02/1980`),
    ];
    const path = join(tempDir('casebook-import-'), 'clients.csv');
    writeFileSync(path, rows.join('\n'));
    t.platform.nextFile = path;
    for (const stage of ['readingFile', 'checkingRows'] as const) {
      t.platform.nextFile = path;
      const { id, result } = await heldAt(t, stage, (jobId) => t.call('imports.choose', { jobId }));
      expect((await t.ok('jobs.progress', { jobId: id }))?.stage).toBe(stage);
      await t.ok('jobs.cancel', { jobId: id });
      expect(await result, stage).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    }
    expect(await snapshot(t)).toEqual(before);
    expect(await t.ok('imports.list', {})).toEqual([]);
    // Checked to the end, it is the same check as ever.
    t.platform.nextFile = path;
    const checked = (await t.ok('imports.choose', {})).preview;
    expect(checked).toMatchObject({ rows: 1000, problemRows: 0 });
    expect(checked.ready + checked.duplicateRows).toBe(1000);
  });

  it('a subject access pack stopped while it is made leaves no file and records nothing', async () => {
    const { t, clients } = await withRecords();
    const [request] = await t.ok('subjectAccess.record', { clientId: clients[0]!.id, receivedOn: '2026-11-20' });
    const before = await snapshot(t);
    const saved = () => readdirSync(t.platform.folder).sort();
    const savedBefore = saved();
    for (const stage of ['gathering', 'drawing', 'saving'] as const) {
      const { id, result } = await heldAt(t, stage, (jobId) =>
        t.call('subjectAccess.savePack', { id: request!.id, jobId }),
      );
      await t.ok('jobs.cancel', { jobId: id });
      expect(await result, stage).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expect(saved(), stage).toEqual(savedBefore);
      expect((await t.ok('subjectAccess.forClient', { clientId: clients[0]!.id }))[0]!.packSavedOn, stage).toBeNull();
    }
    expect(await snapshot(t)).toEqual(before);
    const made = await t.ok('subjectAccess.savePack', { id: request!.id });
    expect(existsSync(made.pdfPath) && existsSync(made.jsonPath)).toBe(true);
  });

  it('while a backup is restored changes are refused in words, reading goes on, and a restore stopped before the switch changes nothing', async () => {
    const { t, clients } = await withRecords();
    const { path } = await t.ok('backup.create', { targetDir: tempDir('casebook-usb-') });
    await addNewPerson(t, { firstName: 'Jan', lastName: 'Później' });
    const before = await snapshot(t);
    const { id, result } = await heldAt(t, 'checkingBackup', (jobId) =>
      t.call('backup.restore', { path, credentials: null, jobId }),
    );
    expect(
      (
        await t.fail('notes.save', {
          clientId: clients[0]!.id,
          note: { date: '2026-11-23', time: '11:00', kind: 'phone', body: 'Lost in a restore?' },
        })
      ).code,
    ).toBe('RESTORE_RUNNING');
    expect((await t.ok('clients.search', {})).total).toBe(7);
    await t.ok('jobs.cancel', { jobId: id });
    expect(await result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(readdirSync(t.dataDir).filter((f) => f.includes('restoring') || f.includes('check'))).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
    // Changes are taken again.
    await t.ok('notes.save', {
      clientId: clients[0]!.id,
      note: { date: '2026-11-23', time: '11:00', kind: 'phone', body: 'After the stopped restore.' },
    });
  });

  it('a job still running when Casebook locks stops with it, and leaves nothing behind', async () => {
    const { t } = await withRecords();
    const usb = tempDir('casebook-usb-');
    const { result } = await heldAt(t, 'writing', (jobId) => t.call('backup.create', { targetDir: usb, jobId }));
    await t.ok('signIn.lock', {});
    expect(await result).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(readdirSync(usb)).toEqual([]);
    await t.ok('signIn.unlock', ADMIN);
    expect((await t.ok('backup.create', { targetDir: usb })).counts.clients).toBe(6);
  });

  it('keeps a worker warm for the next job, and stops it once it has waited a while with none (its memory goes back)', async () => {
    const { t } = await withRecords();
    t.cb.jobs.idleStopMs = 200;
    const period = { from: '2026-01-01', to: '2026-11-23' };
    const first = await t.ok('reports.funder', period);
    expect(t.cb.jobs.workers).toBe(1);
    // The next job straight after takes the warm worker; none is started beside it.
    await t.ok('reports.funder', period);
    expect(t.cb.jobs.workers).toBe(1);
    for (let waited = 0; t.cb.jobs.workers > 0 && waited < 10_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    expect(t.cb.jobs.workers).toBe(0);
    // A job after that starts a worker again, with the same answer.
    expect(await t.ok('reports.funder', period)).toEqual(first);
  });

  it('reports its stage and how far it has got, and is only known by its id', async () => {
    const { t } = await withRecords();
    const usb = tempDir('casebook-usb-');
    const { id, result } = await heldAt(t, 'writing', (jobId) => t.call('backup.create', { targetDir: usb, jobId }));
    const p = await t.ok('jobs.progress', { jobId: id });
    expect(p).toMatchObject({ stage: 'writing', cancellable: true });
    const [from, to] = BACKUP_STAGES.writing;
    expect(p!.fraction).toBeGreaterThanOrEqual(from);
    expect(p!.fraction).toBeLessThan(to);
    expect(await t.ok('jobs.progress', { jobId: jobId() })).toBeNull();
    expect(await t.ok('jobs.cancel', { jobId: jobId() })).toEqual({ cancelling: false });
    // A second backup while one runs is refused.
    expect((await t.fail('backup.create', { targetDir: usb })).code).toBe('CONFLICT');
    t.cb.jobs.releaseAll();
    expect((await result).ok).toBe(true);
  });
});
