import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/result';
import { VALIDATION_KEYS } from '../../shared/domain/validation';
import { catalogs, createTranslator, type Catalog } from '../../shared/i18n';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(c: Catalog, prefix = ''): string[] {
  return Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}
const base = (ks: string[]) => [...new Set(ks.map((k) => k.replace(PLURAL, '')))].sort();

describe('message catalogs', () => {
  it('English and Polish have the same messages (plural forms aside)', () => {
    expect(base(keys(catalogs.pl))).toEqual(base(keys(catalogs.en)));
  });

  it('Polish has all its plural forms wherever English has a plural', () => {
    const pl = new Set(keys(catalogs.pl));
    for (const k of keys(catalogs.en).filter((k) => k.endsWith('_other'))) {
      const stem = k.replace(PLURAL, '');
      for (const form of ['one', 'few', 'many', 'other']) expect(pl.has(`${stem}_${form}`), `${stem}_${form}`).toBe(true);
    }
  });

  it('every error code and validation key has a sentence in both languages', () => {
    for (const lang of ['en', 'pl'] as const) {
      const t = createTranslator(lang).t;
      for (const code of ERROR_CODES) expect(t(`errors.${code}`), `${lang} errors.${code}`).not.toBe(`errors.${code}`);
      for (const key of VALIDATION_KEYS) expect(t(`validation.${key}`), `${lang} validation.${key}`).not.toBe(`validation.${key}`);
    }
  });

  it('Polish plurals pick the right form', () => {
    const t = createTranslator('pl').t;
    expect([1, 2, 5, 22, 25].map((count) => t('unlock.waitSeconds', { count }))).toEqual([
      'Możesz spróbować ponownie za 1 sekundę.',
      'Możesz spróbować ponownie za 2 sekundy.',
      'Możesz spróbować ponownie za 5 sekund.',
      'Możesz spróbować ponownie za 22 sekundy.',
      'Możesz spróbować ponownie za 25 sekund.',
    ]);
  });
});
