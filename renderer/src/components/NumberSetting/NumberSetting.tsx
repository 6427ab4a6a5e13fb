import { Button, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/result';
import { errorSentence, translatedFields } from '../../errors';

/**
 * One whole-number setting with its own Save button (minutes before the lock, weeks between
 * reviews, years to keep closed cases…). `save` sends it and takes in what comes back; the core's
 * refusal shows under the box, in words.
 */
export function NumberSetting({
  label,
  description,
  min,
  max,
  width = 320,
  initial,
  field,
  save,
  savedMessage,
}: {
  label: string;
  description?: string;
  min: number;
  max: number;
  width?: number;
  initial: number;
  /** The field the core names in its refusal. */
  field: string;
  save: (n: number) => Promise<Result<unknown>>;
  /** Said when saved; "Saved" unless given. */
  savedMessage?: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <Group align="flex-end">
      <NumberInput
        label={label}
        description={description}
        min={min}
        max={max}
        clampBehavior="none"
        allowDecimal={false}
        value={value}
        onChange={setValue}
        error={error}
        w={width}
      />
      <Button
        variant="default"
        onClick={async () => {
          const r = await save(Number(value));
          if (!r.ok) return setError(translatedFields(t, r.error.fields)[field] ?? errorSentence(t, r.error));
          setError(null);
          notifications.show({ color: 'green', message: savedMessage ?? t('common.saved') });
        }}
      >
        {t('common.save')}
      </Button>
    </Group>
  );
}
