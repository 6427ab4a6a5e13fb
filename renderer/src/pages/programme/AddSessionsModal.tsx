import { Chip, Group, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_SESSIONS_AT_ONCE,
  sessionDates,
  sessionPatternRules,
  SESSION_REPEATS,
  WEEKDAYS,
  weekdayOf,
  type ProgrammeDetail,
  type SessionRepeat,
} from '../../../../shared/domain/programme';
import { localeOf } from '../../../../shared/domain/languages';
import { isIsoDate } from '../../../../shared/domain/validation';
import { invoke } from '../../api';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { translatedFields } from '../../errors';
import { formatDate } from '../../format';
import { useSubmit } from '../../useSubmit';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';
import { TimeField } from '../../components/DateField/TimeField';

interface PatternForm {
  firstOn: string;
  startsAt: string;
  endsAt: string;
  repeat: SessionRepeat;
  weekdays: string[];
  until: string;
  count: number | string;
  venue: string;
  facilitator: string;
}

/** Weekday names in the interface language, Monday first: from the calendar, not from the catalog. */
export function weekdayNames(lang: string): string[] {
  const f = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return WEEKDAYS.map((d) => f.format(new Date(Date.UTC(2024, 0, d))));
}

export function AddSessionsModal({
  detail,
  onClose,
  onDone,
}: {
  detail: ProgrammeDetail;
  onClose: () => void;
  onDone: (d: ProgrammeDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const { busy, error, submit } = useSubmit();
  const p = detail.programme;
  const first = p.startsOn > clock.today() ? p.startsOn : clock.today();
  const form = useForm<PatternForm>({
    initialValues: {
      firstOn: first,
      startsAt: '18:00',
      endsAt: '',
      repeat: 'weekly',
      weekdays: [],
      until: p.endsOn ?? '',
      count: '',
      venue: '',
      facilitator: '',
    },
    validate: (v) => {
      const rules = sessionPatternRules({
        ...v,
        endsAt: v.endsAt || null,
        until: v.until || null,
        count: v.count === '' ? null : Number(v.count),
      });
      const fields = translatedFields(t, rules);
      if (!isIsoDate(v.firstOn)) fields['firstOn'] = t('validation.invalidDate');
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.startsAt)) fields['startsAt'] = t('validation.invalidTime');
      return fields;
    },
  });
  const v = form.values;
  const pattern = useMemo(
    () => ({
      firstOn: v.firstOn,
      repeat: v.repeat,
      weekdays: v.weekdays.map(Number),
      until: v.until || null,
      count: v.count === '' ? null : Number(v.count),
    }),
    [v.firstOn, v.repeat, v.weekdays, v.until, v.count],
  );
  const dates = useMemo(
    () =>
      isIsoDate(pattern.firstOn) && (pattern.repeat === 'once' || pattern.until || pattern.count)
        ? sessionDates(pattern, p.endsOn)
        : null,
    [pattern, p.endsOn],
  );
  const names = weekdayNames(i18n.language);
  const save = form.onSubmit((x) =>
    submit(
      () =>
        invoke('sessions.add', {
          programmeId: p.id,
          pattern: {
            ...x,
            weekdays: x.weekdays.map(Number),
            endsAt: x.endsAt || null,
            until: x.until || null,
            count: x.count === '' ? null : Number(x.count),
          },
        }),
      {
        form,
        fieldPrefix: 'pattern.',
        onOk: (r) => {
          notifications.show({
            color: 'green',
            message: [
              t('sessions.added', { count: r.added }),
              r.skipped ? t('sessions.skipped', { count: r.skipped }) : '',
            ].join(' '),
          });
          onDone(r.detail);
        },
      },
    ),
  );
  const list = (ds: string[]) => ds.map((d) => formatDate(d, i18n.language));
  return (
    <ModalForm opened title={t('sessions.addTitle')} onClose={onClose} onSubmit={save} busy={busy} error={error}>
      <SimpleGrid cols={3}>
        <DateField
          label={t('sessions.firstOn')}
          required
          min={p.startsOn}
          max={p.endsOn ?? undefined}
          data-autofocus
          {...form.getInputProps('firstOn')}
        />
        <TimeField label={t('sessions.startsAt')} required {...form.getInputProps('startsAt')} />
        <TimeField label={t('sessions.endsAt')} {...form.getInputProps('endsAt')} />
      </SimpleGrid>
      <Select
        label={t('sessions.repeat')}
        data={SESSION_REPEATS.map((r) => ({ value: r, label: t(`sessions.repeats.${r}`) }))}
        allowDeselect={false}
        {...form.getInputProps('repeat')}
      />
      {v.repeat !== 'once' && (
        <>
          {/* No day chosen means the first date's day, so changing the first date moves the run with it. */}
          <Chip.Group
            multiple
            value={v.weekdays.length ? v.weekdays : isIsoDate(v.firstOn) ? [String(weekdayOf(v.firstOn))] : []}
            onChange={(d) => form.setFieldValue('weekdays', d)}
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
              description={t('sessions.untilHint')}
              min={v.firstOn}
              max={p.endsOn ?? undefined}
              {...form.getInputProps('until')}
            />
            <NumberInput
              label={t('sessions.count')}
              min={1}
              max={MAX_SESSIONS_AT_ONCE}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('count')}
            />
          </SimpleGrid>
        </>
      )}
      <SimpleGrid cols={2}>
        <TextInput
          label={t('programmes.venue')}
          description={t('sessions.venueHint')}
          maxLength={300}
          {...form.getInputProps('venue')}
        />
        <TextInput
          label={t('sessions.facilitator')}
          description={t('sessions.facilitatorHint')}
          maxLength={200}
          {...form.getInputProps('facilitator')}
        />
      </SimpleGrid>
      {dates && (
        <Text size="sm" c={dates.length === 0 || dates.length > MAX_SESSIONS_AT_ONCE ? 'red' : undefined} role="status">
          {dates.length === 0
            ? t('sessions.previewNone')
            : dates.length > MAX_SESSIONS_AT_ONCE
              ? t('validation.tooManySessions')
              : t('sessions.preview', {
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
    </ModalForm>
  );
}
