import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/pl';
import { useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as clock from '../../clock';
import { formatDateForEntry, readTypedDate } from '../../format';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'min' | 'max' | 'type' | 'defaultValue'> & {
  /** YYYY-MM-DD, '' when empty, or the typed text while it is not yet a date. */
  value?: string;
  onChange: (value: string) => void;
  /** The first and last dates the calendar offers (YYYY-MM-DD); the form's own rules still check typed dates. */
  min?: string | undefined;
  max?: string | undefined;
};

/**
 * A date box in the interface language's order (07/03/1984 in English, 07.03.1984 in Polish),
 * typed or picked from a calendar. It gives the form a YYYY-MM-DD date, or the typed text while
 * that is not a date, so the form's own check refuses it in words and nothing typed is lost.
 */
export function DateField({ value = '', onChange, min, max, onBlur, error, disabled, readOnly, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [text, setText] = useState(() => formatDateForEntry(value, lang));
  const [opened, setOpened] = useState(false);
  const [unreadable, setUnreadable] = useState(false);

  // A value set from outside (a reset, a default) shows in this language's order; what is being
  // typed stays as typed. Another language: the same date in that language's order. (Adjusted while
  // rendering, as React advises for state that follows a prop, rather than in an effect.)
  const [shownFor, setShownFor] = useState({ value, lang });
  if (shownFor.value !== value || shownFor.lang !== lang) {
    setShownFor({ value, lang });
    const typed = text.trim();
    if (shownFor.value !== value) {
      const same = value === '' ? typed === '' : typed === value || readTypedDate(typed) === value;
      if (!same) setText(formatDateForEntry(value, lang));
    } else {
      const iso = readTypedDate(text);
      if (iso) setText(formatDateForEntry(iso, lang));
    }
  }

  const type = (typed: string) => {
    setText(typed);
    setUnreadable(false);
    const trimmed = typed.trim();
    onChange(trimmed === '' ? '' : (readTypedDate(trimmed) ?? trimmed));
  };

  const blur = (event: FocusEvent<HTMLInputElement>) => {
    const iso = readTypedDate(text.trim());
    if (iso) setText(formatDateForEntry(iso, lang));
    else setUnreadable(text.trim() !== '');
    onBlur?.(event);
  };

  const picked = readTypedDate(value);
  const today = clock.today();
  const shownMonth = picked ?? (max && max < today ? max : min && min > today ? min : today);
  const pattern = t('dates.pattern');

  return (
    <TextInput
      {...rest}
      value={text}
      disabled={disabled}
      readOnly={readOnly}
      placeholder={pattern}
      inputMode="numeric"
      autoComplete="off"
      onChange={(e) => type(e.currentTarget.value)}
      onBlur={blur}
      error={unreadable ? t('dates.unreadable', { pattern }) : error}
      rightSectionPointerEvents="all"
      rightSection={
        disabled || readOnly ? undefined : (
          <Popover
            opened={opened}
            onChange={setOpened}
            position="bottom-end"
            shadow="md"
            trapFocus
            returnFocus
            withinPortal
          >
            <Popover.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('dates.pick')}
                onClick={() => setOpened((o) => !o)}
              >
                <CalendarIcon />
              </ActionIcon>
            </Popover.Target>
            <Popover.Dropdown>
              <DatePicker
                value={picked}
                defaultDate={shownMonth}
                // Weekends in the text's own colour and no greyed days of the next month: both were
                // too faint to read.
                weekendDays={[]}
                hideOutsideDates
                minDate={min}
                maxDate={max}
                ariaLabels={{
                  nextMonth: t('dates.nextMonth'),
                  previousMonth: t('dates.previousMonth'),
                  nextYear: t('dates.nextYear'),
                  previousYear: t('dates.previousYear'),
                  nextDecade: t('dates.nextDecade'),
                  previousDecade: t('dates.previousDecade'),
                }}
                onChange={(day) => {
                  if (!day) return;
                  setUnreadable(false);
                  setText(formatDateForEntry(day, lang));
                  onChange(day);
                  setOpened(false);
                }}
              />
            </Popover.Dropdown>
          </Popover>
        )
      }
    />
  );
}

function CalendarIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 11h18" />
    </svg>
  );
}
