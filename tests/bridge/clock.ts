/**
 * A clock for a test's core and page: it starts at the moment the test says and then runs at real
 * speed, so every rule about "today" sees the test's day on any real date, while waits that need
 * time to pass (the sign-in delay after wrong passwords, a notification closing) still pass.
 * Only elapsed time is read from the machine (performance.now), never its date.
 */
export function clockFrom(start: string | Date): () => Date {
  const at = typeof start === 'string' ? Date.parse(start) : start.getTime();
  if (!Number.isFinite(at)) throw new Error(`Not a moment: ${String(start)}`);
  const t0 = performance.now();
  return () => new Date(at + (performance.now() - t0));
}
