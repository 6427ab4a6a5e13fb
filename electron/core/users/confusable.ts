import { rectifyConfusion } from 'unicode-confusables';

/**
 * A name's "skeleton" (Unicode's UTS #39): what it looks like, with letters that look alike made the
 * same (a Cyrillic "А" and a Latin "A", "rn" and "m", a digit one and an "l"), in lower case, with
 * accents kept as marks of their own so "Łucja" and "Lucja" still differ. Two people whose names have
 * the same skeleton cannot be told apart on a screen.
 */
export function nameSkeleton(name: string): string {
  return rectifyConfusion(name.normalize('NFD')).normalize('NFD').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}
