import { Chip, Group, NumberInput, Select, SimpleGrid, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../../shared/domain/languages';
import {
  MAX_SESSIONS_AT_ONCE,
  sessionDates,
  SESSION_REPEATS,
  WEEKDAYS,
  weekdayOf,
  type SessionRepeat,
} from '../../../../shared/domain/programme';
import { isIsoDate } from '../../../../shared/domain/validation';
import { formatDate } from '../../format';
import { DateField } from '../DateField/DateField';

/** The fields of a repeating run in a form: how it repeats, on which days, until when or how many times. */
export interface RepeatValues {
  repeat: SessionRepeat;
  weekdays: string[];
  until: string;
  count: number | string;
}

/** Weekday names in the interface language, Monday first: from the calendar, not from the catalog. */
export function weekdayNames(lang: string): string[] {
  const f = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return WEEKDAYS.map((d) => f.format(new Date(Date.UTC(2024, 0, d))));
}

/** The form's run as the shared rules take it. */
export const runOf = (v: RepeatValues) => ({
  repeat: v.repeat,
  weekdays: v.weekdays.map(Number),
  until: v.until || null,
  count: v.count === '' ? null : Number(v.count),
});

/**
 * How a programme's sessions or a client's appointments repeat ("every other Tuesday until March"),
 * with the dates the run will make shown as they are chosen. The dates come from the same calendar
 * rules the core books by (sessionDates), so what is shown is what is made.
 */
export function RepeatFields<V extends RepeatValues>({
  form,
  firstOn,
  lastOn = null,
  words,
}: {
  form: UseFormReturnType<V>;
  firstOn: string;
  /** No date after this (a programme's end). */
  lastOn?: string | null;
  /** What a run makes: sessions of a programme, or appointments. */
  words: 'sessions' | 'diary';
}) {
  const { t, i18n } = useTranslation();
  const v = form.values;
  const run = useMemo(() => runOf(v), [v]);
  const dates = useMemo(
    () =>
      isIsoDate(firstOn) && (run.repeat === 'once' || run.until || run.count)
        ? sessionDates({ ...run, firstOn }, lastOn)
        : null,
    [run, firstOn, lastOn],
  );
  const names = weekdayNames(i18n.language);
  const list = (ds: string[]) => ds.map((d) => formatDate(d, i18n.language));
  // Untyped paths: the caller's form has these four fields (RepeatValues), whatever else it holds.
  const field = (name: keyof RepeatValues) => form.getInputProps(name as never);
  return (
    <>
      <Select
        label={t('sessions.repeat')}
        data={SESSION_REPEATS.map((r) => ({ value: r, label: t(`sessions.repeats.${r}`) }))}
        allowDeselect={false}
        {...field('repeat')}
      />
      {v.repeat !== 'once' && (
        <>
          {/* No day chosen means the first date's day, so changing the first date moves the run with it. */}
          <Chip.Group
            multiple
            value={v.weekdays.length ? v.weekdays : isIsoDate(firstOn) ? [String(weekdayOf(firstOn))] : []}
            onChange={(d) => form.setFieldValue('weekdays' as never, d as never)}
          >
            <Group gap={6} role="group" aria-label={t('sessions.weekdays')}>
              <Text size="sm" fw={500}>
                {t('sessions.weekdays')}
              </Text>
              {WEEKDAYS.map((d) => (
                <Chip key={d} value={String(d)} size="sm">
                  {names[d - 1]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <SimpleGrid cols={2}>
            <DateField
              label={t('sessions.until')}
              description={t(`${words}.untilHint`)}
              min={firstOn}
              max={lastOn ?? undefined}
              {...field('until')}
            />
            <NumberInput
              label={t(words === 'diary' ? 'diary.repeatCount' : 'sessions.count')}
              min={1}
              max={MAX_SESSIONS_AT_ONCE}
              allowDecimal={false}
              allowNegative={false}
              {...field('count')}
            />
          </SimpleGrid>
        </>
      )}
      {dates && (
        <Text size="sm" c={dates.length === 0 || dates.length > MAX_SESSIONS_AT_ONCE ? 'red' : undefined} role="status">
          {dates.length === 0
            ? t(`${words}.previewNone`)
            : dates.length > MAX_SESSIONS_AT_ONCE
              ? t('validation.tooManySessions')
              : t(`${words}.preview`, {
                  count: dates.length,
                  dates:
                    dates.length <= 6
                      ? list(dates).join(', ')
                      : t('sessions.previewMore', {
                          list: list(dates.slice(0, 4)).join(', '),
                          last: list(dates.slice(-1))[0] ?? '',
                        }),
                })}
        </Text>
      )}
    </>
  );
}
