/** The longest wait between two tries of a password. */
export const MAX_DELAY_MS = 30_000;

/** Growing waits after failed tries: 1 s after the first failure, then 2, 4, 8, 16, and at most 30 s. */
export function delayAfter(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - 1));
}
