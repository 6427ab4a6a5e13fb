import { TextInput, type TextInputProps } from '@mantine/core';
import { useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readTypedTime } from '../../format';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  /** HH:MM, '' when empty, or the typed text while it is not yet a time. */
  value?: string;
  onChange: (value: string) => void;
};

/**
 * A time on the 24-hour clock in both languages (14:30), typed as people type it: 14:30, 14.30,
 * 1430 or 9. The browser's own time box follows the computer's settings (2:30 PM) instead.
 */
export function TimeField({ value = '', onChange, onBlur, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);

  // A value set from outside shows as it is; what is being typed stays as typed (adjusted while
  // rendering, as React advises for state that follows a prop).
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    setShownFor(value);
    if (text.trim() !== value && readTypedTime(text) !== value) setText(value);
  }

  const blur = (event: FocusEvent<HTMLInputElement>) => {
    const time = readTypedTime(text);
    if (time) setText(time);
    onBlur?.(event);
  };

  return (
    <TextInput
      {...rest}
      value={text}
      placeholder={t('dates.timePattern')}
      inputMode="numeric"
      autoComplete="off"
      onChange={(e) => {
        const typed = e.currentTarget.value;
        setText(typed);
        onChange(typed.trim() === '' ? '' : (readTypedTime(typed) ?? typed.trim()));
      }}
      onBlur={blur}
    />
  );
}
