import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../shared/result';
import { errorSentence, translatedFields } from './errors';

interface FormLike {
  setErrors(errors: Record<string, string>): void;
}

/**
 * Sends a form to a channel: shows it is busy, and on failure puts the core's field messages on the
 * form and the plain sentence above the buttons. Nothing is kept only in the form: a failed save
 * leaves what was typed in place to correct.
 */
export function useSubmit() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit<T>(
    call: () => Promise<Result<T>>,
    opts: { form?: FormLike; fieldPrefix?: string; renameFields?: Record<string, string>; onOk: (value: T) => void },
  ): Promise<void> {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (r.ok) return opts.onOk(r.value);
    if (r.error.code === 'CANCELLED') return;
    const fields = translatedFields(t, r.error.fields, opts.fieldPrefix);
    for (const [from, to] of Object.entries(opts.renameFields ?? {})) {
      if (fields[from] !== undefined) {
        fields[to] = fields[from]!;
        delete fields[from];
      }
    }
    opts.form?.setErrors(fields);
    setError(errorSentence(t, r.error));
  }

  return { busy, error, setError, submit };
}
