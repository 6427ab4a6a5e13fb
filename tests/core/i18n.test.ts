import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../shared/domain/audit';
import { BUILTIN_NEED_AREAS } from '../../shared/domain/assessment';
import { CASE_STATUSES, CLOSURE_REASONS, REFERRAL_SOURCES } from '../../shared/domain/client';
import { DUPLICATE_REASONS } from '../../shared/domain/clientRecord';
import { CONSENT_METHODS, CONSENT_STATES, SHARE_SCOPES } from '../../shared/domain/consent';
import { KEY_CONTACT_ROLES, RELATIONSHIPS } from '../../shared/domain/household';
import { RISK_FLAG_KINDS } from '../../shared/domain/riskFlag';
import { ERROR_CODES } from '../../shared/result';
import { AGE_BANDS } from '../../shared/domain/ageBand';
import { PROGRAMME_KINDS, SESSION_REPEATS } from '../../shared/domain/programme';
import { BUILTIN_HELP_TYPES, CURRENCIES } from '../../shared/domain/helpGiven';
import { TIMELINE_EVENTS, TIMELINE_TYPES } from '../../shared/domain/timeline';
import { VALIDATION_KEYS } from '../../shared/domain/validation';
import { catalogs, createTranslator, type Catalog } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/keys';
import { formatDateForEntry, readTypedDate, readTypedTime } from '../../renderer/src/format';

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
      for (const form of ['one', 'few', 'many', 'other'])
        expect(pl.has(`${stem}_${form}`), `${stem}_${form}`).toBe(true);
    }
  });

  it('every error code and validation key has a sentence in both languages', () => {
    for (const lang of ['en', 'pl'] as const) {
      const t = createTranslator(lang).t;
      for (const code of ERROR_CODES) expect(t(`errors.${code}`), `${lang} errors.${code}`).not.toBe(`errors.${code}`);
      for (const key of VALIDATION_KEYS)
        expect(t(`validation.${key}`), `${lang} validation.${key}`).not.toBe(`validation.${key}`);
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

  it('a date is typed day first in either language, and shown back in the language’s order', () => {
    for (const typed of [
      '7/3/1984',
      '07/03/1984',
      '7.3.1984',
      '07.03.1984',
      ' 7-3-1984 ',
      '7 / 3 / 1984',
      '1984-03-07',
      '1984-3-7',
    ]) {
      expect(readTypedDate(typed), typed).toBe('1984-03-07');
    }
    expect(readTypedDate('29.02.2028')).toBe('2028-02-29');
    for (const notADate of [
      '',
      '31/2/1984',
      '29.02.2027',
      '7/3/84',
      '13/13/2026',
      '0/1/2026',
      '7th March',
      '1984-03-07T10:00',
      '07/03/0984',
    ]) {
      expect(readTypedDate(notADate), notADate).toBeNull();
    }
    expect(formatDateForEntry('1984-03-07', 'en')).toBe('07/03/1984');
    expect(formatDateForEntry('1984-03-07', 'pl')).toBe('07.03.1984');
    // Typed text that is not a date yet stays as typed.
    expect(formatDateForEntry('31/2/1984', 'pl')).toBe('31/2/1984');
    expect(formatDateForEntry('', 'en')).toBe('');
  });

  it('a time is typed on the 24-hour clock as people type it', () => {
    for (const [typed, time] of [
      ['14:30', '14:30'],
      ['14.30', '14:30'],
      ['1430', '14:30'],
      ['930', '09:30'],
      ['9', '09:00'],
      [' 9:05 ', '09:05'],
      ['0:00', '00:00'],
      ['23:59', '23:59'],
    ]) {
      expect(readTypedTime(typed!), typed).toBe(time);
    }
    for (const notATime of ['', '24:00', '12:60', '2:3', '2.30pm', 'noon', '12345'])
      expect(readTypedTime(notATime), notATime).toBeNull();
  });

  it('every value of every list shown to people has a name in both languages', () => {
    const lists: [string, readonly string[]][] = [
      ['clients.statuses', CASE_STATUSES],
      ['clients.referralSources', REFERRAL_SOURCES],
      ['status.reasons', CLOSURE_REASONS],
      ['consent.scopes', SHARE_SCOPES],
      ['consent.methods', CONSENT_METHODS],
      ['consent.states', CONSENT_STATES],
      ['contacts.roles', KEY_CONTACT_ROLES],
      ['household.relationships', RELATIONSHIPS],
      ['riskFlags.kinds', RISK_FLAG_KINDS],
      ['needAreas.builtin', BUILTIN_NEED_AREAS],
      ['intake.reasons', DUPLICATE_REASONS],
      ['audit.actions', AUDIT_ACTIONS],
      ['programmes.kinds', PROGRAMME_KINDS],
      ['sessions.repeats', SESSION_REPEATS],
      ['ageBands', AGE_BANDS],
      ['helpGiven.builtin', BUILTIN_HELP_TYPES],
      ['helpGiven.currencies', CURRENCIES],
      ['timeline.types', TIMELINE_TYPES],
      ['timeline.events', TIMELINE_EVENTS],
    ];
    for (const lang of ['en', 'pl'] as const) {
      const t = createTranslator(lang).t;
      for (const [prefix, values] of lists)
        for (const v of values) {
          // Keys made at run time, from each list of codes: what the compiler cannot check, this does.
          const key = `${prefix}.${v}` as MessageKey;
          expect(t(key), `${lang} ${key}`).not.toBe(key);
        }
    }
  });
});
