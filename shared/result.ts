/**
 * The envelope every channel returns. Errors cross the boundary as data with a stable code;
 * the renderer turns the code (and field issues) into a translated sentence.
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'LOCKED',
  'WRONG_PASSWORD',
  'WRONG_RECOVERY_KEY',
  'TOO_MANY_ATTEMPTS',
  'KEY_FILE_DAMAGED',
  'KEY_FILE_MISSING',
  'KEY_FILE_TOO_NEW',
  'DATABASE_DAMAGED',
  'DATABASE_MISSING',
  'DATABASE_TOO_NEW',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'CANCELLED',
  'DISK_FULL',
  'NOT_WRITABLE',
  'PASSWORD_CHANGE_REQUIRED',
  'LAST_ADMINISTRATOR',
  'NOT_A_BACKUP',
  'BACKUP_DAMAGED',
  'BACKUP_MISSING',
  'POSSIBLE_DUPLICATE',
  'CONSENT_REQUIRED',
  /** A programme or agency needs a current eligibility decision for a service (reason: none, notEligible, due). */
  'ELIGIBILITY_REQUIRED',
  'PRINT_FAILED',
  'NOT_CURRENT_CREDENTIALS',
  /** The core stopped unexpectedly and was started again (locked); nothing acknowledged was lost. */
  'CORE_RESTARTED',
  /** A backup is being restored: changes are refused until it has finished. */
  'RESTORE_RUNNING',
  /** The records' tables do not match the schema version they carry: changed outside Casebook. */
  'SCHEMA_MISMATCH',
  /** The password opens the key file, but that key does not open these records. */
  'KEY_NOT_FOR_RECORDS',
  /** The client is allocated to someone else and not shared with the caller (the charity keeps caseworkers to their own). */
  'NOT_YOUR_CLIENT',
  /** Volunteers do not see clients' contact details at this charity (a setting). */
  'CONTACT_DETAILS_WITHHELD',
  /** A key slot's owner or settings were edited outside Casebook; it is not used. */
  'KEY_SLOT_CHANGED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** English text for logs and developers; the UI translates by code instead. */
  message: string;
  /** For BAD_INPUT: field path (dot-joined) -> validation message key. */
  fields?: Record<string, string>;
  /** For TOO_MANY_ATTEMPTS and WRONG_PASSWORD: how long until the next try is accepted. */
  retryAfterMs?: number;
  /** For CONSENT_REQUIRED: which part of the consent is missing (see ConsentGateProblem). */
  reason?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export class CasebookError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly retryAfterMs?: number;
  readonly reason?: string;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: Record<string, string>; retryAfterMs?: number; reason?: string } = {},
  ) {
    super(message);
    this.name = 'CasebookError';
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterMs = extra.retryAfterMs;
    this.reason = extra.reason;
  }

  toAppError(): AppError {
    const error: AppError = { code: this.code, message: this.message };
    if (this.fields) error.fields = this.fields;
    if (this.retryAfterMs !== undefined) error.retryAfterMs = this.retryAfterMs;
    if (this.reason !== undefined) error.reason = this.reason;
    return error;
  }
}
