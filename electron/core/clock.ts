import { AsyncLocalStorage } from 'node:async_hooks';
import { setRulesClock, type Clock } from '../../shared/clock';

/**
 * The core's side of the one clock (see shared/clock.ts). Each call into the core runs with the
 * clock of the Casebook it was made to, so the contract's date rules ("not in the future") follow
 * that clock, even across the call's awaits, and two cores in one process (as in tests) never
 * read each other's time. A rule that runs outside a call has no clock and fails loudly.
 */
const callClock = new AsyncLocalStorage<Clock>();

setRulesClock(() => {
  const now = callClock.getStore();
  if (!now) throw new Error('A date rule ran outside a call to the core (use withClock)');
  return now();
});

/** Runs `fn` (and everything it awaits) with `now` as the clock for date rules. */
export function withClock<T>(now: Clock, fn: () => T): T {
  return callClock.run(now, fn);
}

/**
 * The computer's clock moved by `shiftMs`: a core in a worker thread that must agree with a test's
 * fixed day (the test bridge), while time still passes. Reads the computer's time on purpose.
 */
export function shiftedClock(shiftMs: number): Clock {
  return () => new Date(Date.now() + shiftMs);
}
