import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPassword, PASSWORD_MIN_LENGTH } from '../../../../shared/domain/validation';
import { PasswordStrength } from '../PasswordStrength/PasswordStrength';

/** A new password typed twice: the rule the core applies, plus "the two must match". */
export const newPasswordPair = z
  .object({ password: newPassword(), repeat: z.string() })
  .refine((v) => v.password === v.repeat, { path: ['repeat'], error: 'passwordsDiffer' });

export interface NewPasswordValues {
  password: string;
  repeat: string;
}

/** Password, its strength, and the repeat field, for setup and for choosing a new password. */
export function NewPasswordFields<V extends NewPasswordValues>({
  form,
  userInputs,
  autoFocus = false,
  label,
}: {
  form: UseFormReturnType<V>;
  userInputs: string[];
  autoFocus?: boolean;
  /** Defaults to "Password". */
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={label ?? t('setup.password')}
        description={t('setup.passwordHint', { count: PASSWORD_MIN_LENGTH })}
        required
        autoFocus={autoFocus}
        autoComplete="new-password"
        {...form.getInputProps('password')}
      />
      <PasswordStrength password={form.getValues().password} userInputs={userInputs} />
      <PasswordInput
        label={t('setup.passwordRepeat')}
        required
        autoComplete="new-password"
        {...form.getInputProps('repeat')}
      />
    </>
  );
}
