/**
 * Growing delays after failed sign-ins, per user name: 1 s after the first failure, then 2, 4, 8, 16,
 * and at most 30 s. A success clears it. Kept in memory: restarting the app costs more than waiting.
 */
export const MAX_DELAY_MS = 30_000;

export function delayAfter(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - 1));
}

export class LoginThrottle {
  private readonly entries = new Map<string, { failures: number; nextAllowedAt: number }>();

  constructor(private readonly now: () => number) {}

  /** Milliseconds until `key` may try again (0 = now). */
  waitFor(key: string): number {
    const e = this.entries.get(key);
    return e ? Math.max(0, e.nextAllowedAt - this.now()) : 0;
  }

  /** Records a failure and returns how long the next try must wait. */
  fail(key: string): number {
    const failures = (this.entries.get(key)?.failures ?? 0) + 1;
    const delay = delayAfter(failures);
    this.entries.set(key, { failures, nextAllowedAt: this.now() + delay });
    return delay;
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }
}
