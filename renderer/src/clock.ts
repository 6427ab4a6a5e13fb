import { localToday, setRulesClock } from '../../shared/clock';

/**
 * The window's side of the one clock (see shared/clock.ts): "today" on every screen and in every
 * form check is the core's today. The core reports its time with the app's status; the window
 * keeps the difference from its own clock, so time still moves on between reports (a form left
 * open over midnight gets the new date) and a window whose clock disagrees with the core's (a
 * test's fixed day) still agrees with the core.
 */
let offsetMs = 0;

/** Takes the core's "now" (from the app's status) as the window's time from here on. */
export function followCoreClock(coreNow: string): void {
  const at = Date.parse(coreNow);
  if (Number.isFinite(at)) offsetMs = at - Date.now();
}

/** The core's "now", as this window best knows it. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Today's date (YYYY-MM-DD) by the core's clock. */
export function today(): string {
  return localToday(now());
}

// Form checks in the window use the same rules as the core, with this clock.
setRulesClock(now);
