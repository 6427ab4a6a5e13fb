import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseNoteInputSchema } from '../../shared/domain/caseNote';
import { clientDetailsSchema } from '../../shared/domain/client';
import { fieldIssues } from '../../shared/domain/validation';
import { addNewPerson, onDay, setUp, startCore } from './helpers';

const ROOT = resolve(__dirname, '../..');
const NOTE = { time: '10:00', kind: 'phone' as const, body: 'Rang about the rent.' };

describe('one clock for every rule about today', () => {
  it('a date rule follows the core’s clock, not the machine’s: the same note is refused one day and accepted the next', async () => {
    // A day far from any real one this suite will meet (the process's clock is left as it is).
    const t = startCore({ clock: { now: Date.parse('2091-03-01T10:00:00Z') } });
    await setUp(t);
    const client = await addNewPerson(t, { firstName: 'Jan', lastName: 'Nowak' });
    const note = { clientId: client.id, note: { ...NOTE, date: '2091-03-02' } };

    const refused = await t.fail('notes.save', note);
    expect(refused).toMatchObject({ code: 'BAD_INPUT', fields: { 'note.date': 'dateInFuture' } });

    t.clock.now = Date.parse('2091-03-02T10:00:00Z');
    await t.ok('notes.save', note);
    // The estimated age rule too: a year of birth counted back from the core's year, not the machine's.
    const older = await t.ok('clients.intake', {
      details: { firstName: 'Ewa', lastName: 'Stara', estimatedBirthYear: 1995 },
      duplicatesSeen: [],
    });
    expect(older.estimatedBirthYear).toBe(1995);
    const unborn = await t.fail('clients.intake', {
      details: { firstName: 'Ewa', lastName: 'Nowa', estimatedBirthYear: 2092 },
      duplicatesSeen: [],
    });
    expect(unborn.fields).toEqual({ 'details.estimatedBirthYear': 'ageRange' });
  });

  it('two cores in one process keep their own clocks, even for calls in flight together', async () => {
    const early = startCore({ clock: { now: Date.parse('2030-01-10T10:00:00Z') } });
    const late = startCore({ clock: { now: Date.parse('2030-01-20T10:00:00Z') } });
    await Promise.all([setUp(early), setUp(late)]);
    const [a, b] = await Promise.all([
      addNewPerson(early, { firstName: 'Adam', lastName: 'Wcześniej' }),
      addNewPerson(late, { firstName: 'Adam', lastName: 'Później' }),
    ]);
    const note = (id: number) => ({ clientId: id, note: { ...NOTE, date: '2030-01-15' } });
    const [onEarly, onLate] = await Promise.all([
      early.call('notes.save', note(a.id)),
      late.call('notes.save', note(b.id)),
    ]);
    expect(onEarly.ok ? null : onEarly.error.fields).toEqual({ 'note.date': 'dateInFuture' });
    expect(onLate.ok).toBe(true);
    // Records made without a date take the core's day too.
    expect(a.intakeDate).toBe('2030-01-10');
    expect(b.intakeDate).toBe('2030-01-20');
  });

  it('a form rule checked outside a call uses the day it is given, and without one it refuses to guess', () => {
    const check = (day: string) => onDay(day, () => caseNoteInputSchema.safeParse({ ...NOTE, date: '2040-06-01' }));
    expect(fieldIssues(check('2040-05-31').error!)).toEqual({ date: 'dateInFuture' });
    expect(check('2040-06-01').success).toBe(true);
    // No clock: an error, never the wall clock.
    expect(() => clientDetailsSchema.safeParse({ firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01' })).toThrow(
      /outside a call/,
    );
  });

  it('no code reads the computer’s date except the few places that say why', () => {
    // Elapsed time (performance.now) is allowed anywhere; the date is not. Each file listed here
    // reads the real time on purpose, and says so beside the line.
    const allowed: Record<string, string> = {
      'electron/core/casebook.ts': 'the core’s clock when none is injected (the app)',
      'electron/core/clock.ts': 'a worker’s clock moved to a test’s day (shiftedClock)',
      'electron/core/log/log.ts': 'error log times are real times',
      'electron/core/letters/defaultTemplates.ts': 'when built-in templates were written (migrations 5 and 30)',
      'electron/core/db/migrations/0006_programmes_and_support.ts': 'when built-in kinds of help were written',
      'renderer/src/clock.ts': 'the window keeps its offset from the core’s clock',
    };
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && /new Date\(\)|Date\.now\(\)/.test(readFileSync(path, 'utf8')))
          found.push(relative(ROOT, path));
      }
    };
    for (const dir of ['shared', 'electron/core', 'renderer/src']) walk(join(ROOT, dir));
    expect(found.sort()).toEqual(Object.keys(allowed).sort());
  });
});
