/**
 * What a domain's handlers are given: only what they need, never the whole core (as Actual's domains
 * depend on `db` and mutators, never on `main`). Most domains get `Records`; those that make paper
 * get `Paper`; those that run long jobs in a worker get `Work`. Only the lifecycle domains (signing
 * in, setting up, backup and restore, accounts, recovery, settings, the app itself) get the whole
 * `Casebook`, which can lock, start a session and hold setup drafts.
 */
import type { UiLanguage } from '../../shared/domain/languages';
import type { SessionUser } from '../../shared/domain/user';
import type { AuditAction } from './audit/audit';
import type { Db, ReadDb } from './db/database';
import type { JobRunner } from './jobs/runner';
import type { Platform } from './platform';
import type { Printouts } from './printouts/printouts';
import type { Rollback } from './signIn/rollback';
import type { DataPaths } from './setup/dataFolder';

/** The signed-in session: its open database and key, who it is, and the charity's rules for them. */
export interface SignedIn {
  db: Db;
  dbKey: Buffer;
  user: SessionUser;
  mustChangePassword: boolean;
  unlockedWithRecoveryKey?: boolean;
  lastActivity: number;
  idleMinutes: number;
  /** Set when an older copy of the records or the key file seems to have been put back (session/rollback.ts). */
  rollback?: Rollback | null;
  /** The charity keeps caseworkers and volunteers to their own clients (clients/reach.ts). */
  ownClientsOnly: boolean;
  /** Volunteers see clients' contact details (clients/contactDetails.ts); off unless the charity says so. */
  volunteersSeeContactDetails: boolean;
}

/**
 * The records of the signed-in session, read or changed in one transaction; the audit trail; the
 * core's clock; the interface language; the computer (files, dialogs, printing); the log.
 */
export interface Records {
  /** Reads the records (LOCKED when nobody is signed in). */
  read<T>(fn: (db: ReadDb, s: SignedIn) => T): T;
  /** Runs `fn` as one transaction: one person's action, one commit (refused while a restore runs). */
  write<T>(fn: (db: Db, s: SignedIn) => T): T;
  /** Appends to the audit trail as the signed-in person, at the core's clock. Call inside `write`. */
  audit(
    db: Db,
    s: SignedIn,
    action: AuditAction,
    extra?: { clientId?: number; detail?: Record<string, unknown> },
  ): void;
  /** The core's clock: the one place "now" comes from. */
  now(): Date;
  language(): UiLanguage;
  readonly platform: Platform;
  log(message: string): void;
}

/** For domains that make paper: the fonts and images shipped with the app, and the printouts waiting to print. */
export interface Paper extends Records {
  readonly resourcesDir: string;
  readonly printouts: Printouts;
}

/** For domains that run long jobs in a worker (reports, imports, subject access packs, the audit export). */
export interface Work extends Paper {
  readonly jobs: JobRunner;
  readonly paths: DataPaths;
  /** The session itself, for a job that opens the records on its own connection. */
  requireSignedIn(): SignedIn;
}
