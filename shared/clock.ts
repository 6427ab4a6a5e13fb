/**
 * The one clock for rules about "today".
 *
 * A rule in `shared/` (a zod refinement such as "a contact cannot be in the future") runs in two
 * places: in the core, when a call is checked against the contract, and in the renderer, when a
 * form is checked before it is sent. Both must agree with the core's clock, which tests fix, so
 * no rule here ever reads the machine's clock itself. Whoever runs the rules says where "now"
 * comes from:
 * - the core, for each call, from its injected clock (`electron/core/clock.ts`);
 * - the renderer, once, from the core's own time as the app's status reports it.
 * A rule that runs before anyone has said fails loudly instead of silently using the wall clock.
 */
export type Clock = () => Date;

let source: Clock | null = null;

/** Says where rules in `shared/` read "now" from (replacing any earlier source). */
export function setRulesClock(clock: Clock): void {
  source = clock;
}

/** "Now" for a rule about dates. */
export function rulesNow(): Date {
  if (!source) throw new Error('A date rule ran before its clock was set (setRulesClock)');
  return source();
}

/** Today's date for a rule about dates, as YYYY-MM-DD on this computer's calendar. */
export function rulesToday(): string {
  return localToday(rulesNow());
}

/** The date of `now` on this computer's calendar (its time zone), as YYYY-MM-DD. */
export function localToday(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The time of `now` on this computer's wall clock, as HH:MM. */
export function localTime(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/**
 * The instant a wall-clock date and time (YYYY-MM-DD, HH:MM) fall at on this computer's calendar.
 * Across a change to or from summer time the same 10:00 is a different number of hours from
 * midnight UTC, which is what a reminder "15 minutes before" must count from.
 */
export function wallClockInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm);
}
