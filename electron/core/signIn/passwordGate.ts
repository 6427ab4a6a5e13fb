import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { loginKey } from '../../../shared/domain/user';
import { CasebookError } from '../../../shared/result';
import { writeFileAtomic } from '../storage/files';
import { delayAfter } from './throttle';

/** What is being checked: a user's password (by the name typed) or the recovery key. */
export type Secret = { kind: 'password'; name: string } | { kind: 'recovery' };

/** Failures across all names within this window count towards the limit for everyone. */
const GLOBAL_WINDOW_MS = 15 * 60_000;
/** So many failures across all names in the window are let through before everyone waits too. */
const GLOBAL_FREE = 5;

const stateSchema = z.object({
  salt: z.string(),
  /** Per name (salted hash of the folded name, so the file does not list who was tried) and the recovery key. */
  entries: z.record(z.string(), z.object({ failures: z.number().int(), nextAllowedAt: z.number() })),
  /** When recent failures happened, for the limit across all names. */
  recent: z.array(z.number()),
});
type State = z.infer<typeof stateSchema>;

/**
 * Every check of a password or of the recovery key goes through here: signing in, changing one's
 * password, and opening a backup or restoring one (with the current records' password or the
 * backup's own). One check runs at a time (checks made together wait their turn, so each sees the
 * failures before it); a name that failed waits longer after each failure (1 s, 2, 4… 30 s); and
 * failures across all names count too, so trying ten names gives no more guesses than one. The
 * counts are kept in the data folder (`throttle.json`), so restarting Casebook does not reset them;
 * names are kept only as salted hashes. The caller records each failure in the audit trail.
 */
export class PasswordGate {
  private turn: Promise<unknown> = Promise.resolve();
  private state: State | null = null;

  constructor(
    private readonly file: string,
    private readonly now: () => number,
  ) {}

  /**
   * Runs `check` in its turn, unless this secret (or everyone) must still wait: TOO_MANY_ATTEMPTS.
   * A check that throws WRONG_PASSWORD or WRONG_RECOVERY_KEY is a failure: `onFailure` records it,
   * and the error is given `retryAfterMs`. Anything else it throws passes through untouched.
   */
  check<T>(secret: Secret, onFailure: () => void, check: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const key = this.keyOf(secret);
      const wait = this.waitFor(key);
      if (wait > 0) throw new CasebookError('TOO_MANY_ATTEMPTS', 'Wait before trying again', { retryAfterMs: wait });
      try {
        const value = await check();
        this.succeed(key);
        return value;
      } catch (err) {
        if (err instanceof CasebookError && (err.code === 'WRONG_PASSWORD' || err.code === 'WRONG_RECOVERY_KEY')) {
          onFailure();
          throw new CasebookError(err.code, err.message, { ...err.toAppError(), retryAfterMs: this.fail(key) });
        }
        throw err;
      }
    };
    const result = this.turn.then(run, run);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private load(): State {
    if (this.state) return this.state;
    try {
      if (existsSync(this.file)) this.state = stateSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A damaged file is started again; it holds only counts.
    }
    this.state ??= { salt: randomBytes(16).toString('hex'), entries: {}, recent: [] };
    return this.state;
  }

  private save(): void {
    try {
      writeFileAtomic(this.file, JSON.stringify(this.state));
    } catch {
      // A full disk must not stop anyone signing in; the counts still hold in memory.
    }
  }

  private keyOf(secret: Secret): string {
    if (secret.kind === 'recovery') return 'recovery';
    return createHash('sha256')
      .update(`${this.load().salt}:${loginKey(secret.name)}`)
      .digest('hex')
      .slice(0, 32);
  }

  private recent(now: number): number[] {
    return this.load().recent.filter((t) => now - t < GLOBAL_WINDOW_MS && t <= now);
  }

  private waitFor(key: string): number {
    const now = this.now();
    const own = Math.max(0, (this.load().entries[key]?.nextAllowedAt ?? 0) - now);
    const recent = this.recent(now);
    const everyone =
      recent.length > GLOBAL_FREE
        ? Math.max(0, recent[recent.length - 1]! + delayAfter(recent.length - GLOBAL_FREE) - now)
        : 0;
    return Math.max(own, everyone);
  }

  private fail(key: string): number {
    const state = this.load();
    const now = this.now();
    const failures = (state.entries[key]?.failures ?? 0) + 1;
    state.entries[key] = { failures, nextAllowedAt: now + delayAfter(failures) };
    state.recent = [...this.recent(now), now];
    this.save();
    return this.waitFor(key);
  }

  private succeed(key: string): void {
    const state = this.load();
    if (!state.entries[key]) return;
    delete state.entries[key];
    this.save();
  }
}
