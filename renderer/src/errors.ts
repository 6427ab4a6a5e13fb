import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { fieldIssues } from '../../shared/domain/validation';
import { codedKey } from '../../shared/i18n/keys';
import type { AppError } from '../../shared/result';

/** Refusals about the action as a whole rather than a field of a form (a session not yet held, a full programme): their own sentence. */
const ACTION_FIELDS = new Set(['sessionId', 'programmeId', 'overCapacity', 'cancelled', 'id', 'file']);

/** The plain, translated sentence for an error from the core. */
export function errorSentence(t: TFunction, error: AppError): string {
  if (error.code === 'BAD_INPUT' && error.fields) {
    for (const [path, key] of Object.entries(error.fields))
      if (ACTION_FIELDS.has(path)) return t(codedKey('validation', key));
  }
  if ((error.code === 'CONSENT_REQUIRED' || error.code === 'ELIGIBILITY_REQUIRED') && error.reason) {
    const key = codedKey(error.code === 'CONSENT_REQUIRED' ? 'consentGate' : 'eligibilityGate', error.reason);
    const why = t(key);
    if (why !== key) return why;
  }
  const key = codedKey('errors', error.code);
  const text = t(key);
  return text === key ? t('errors.INTERNAL') : text;
}

/** Field errors from the core (BAD_INPUT) as translated messages, with a path prefix removed. */
export function translatedFields(
  t: TFunction,
  fields: Record<string, string> | undefined,
  stripPrefix = '',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, key] of Object.entries(fields ?? {})) {
    out[path.startsWith(stripPrefix) ? path.slice(stripPrefix.length) : path] = t(codedKey('validation', key));
  }
  return out;
}

/** A Mantine form validator from a shared zod schema: the same rules as the core, in the person's language. */
export function schemaValidator<S extends z.ZodType>(schema: S, t: TFunction) {
  return (values: unknown): Record<string, string> => {
    const r = schema.safeParse(values);
    return r.success ? {} : translatedFields(t, fieldIssues(r.error));
  };
}
