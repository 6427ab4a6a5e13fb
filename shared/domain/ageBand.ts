/**
 * The age bands funders ask for, used for anonymous headcounts at sessions and for the ages of
 * clients in reports. `notKnown` is for someone whose age was not asked or not given.
 */
export const AGE_BANDS = ['under18', '18to24', '25to34', '35to44', '45to54', '55to64', '65plus', 'notKnown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const LOWER: [number, AgeBand][] = [
  [65, '65plus'],
  [55, '55to64'],
  [45, '45to54'],
  [35, '35to44'],
  [25, '25to34'],
  [18, '18to24'],
  [0, 'under18'],
];

/** The band an age in whole years falls in; no age is `notKnown`. */
export function ageBandOf(age: number | null): AgeBand {
  if (age === null || !Number.isFinite(age) || age < 0) return 'notKnown';
  return LOWER.find(([min]) => age >= min)![1];
}
