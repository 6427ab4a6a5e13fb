import type { AppState, Channel } from '../../shared/contract';
import type { UiLanguage } from '../../shared/domain/languages';
import { CasebookError, type Result } from '../../shared/result';
import { auditHead, recordAudit, type AuditAction } from './audit/audit';
import { setAuditHead } from './vault/vault';
import { appHandlers } from './app/handlers';
import { charityHandlers } from './charity/handlers';
import { assessmentHandlers } from './assessments/handlers';
import { clientHandlers } from './clients/handlers';
import { consentHandlers } from './consent/handlers';
import { householdHandlers } from './household/handlers';
import { riskFlagHandlers } from './riskFlags/handlers';
import { planHandlers } from './plans/handlers';
import { noteHandlers } from './notes/handlers';
import { timelineHandlers } from './timeline/handlers';
import { safetyPlanHandlers } from './safetyPlans/handlers';
import { caseloadHandlers } from './caseload/handlers';
import { agencyHandlers } from './agencies/handlers';
import { referralHandlers } from './referrals/handlers';
import { programmeHandlers } from './programmes/handlers';
import { helpGivenHandlers } from './helpGiven/handlers';
import { reportHandlers } from './reports/handlers';
import { erasureHandlers } from './erasure/handlers';
import { retentionHandlers } from './retention/handlers';
import { accessHandlers } from './subjectAccess/handlers';
import { importHandlers } from './imports/handlers';
import { letterHandlers } from './letters/handlers';
import { withClock } from './clock';
import { closeDatabase, type Db, type ReadDb } from './db/database';
import type { Platform } from './platform';
import { languageFromLocale, readPreferences } from './preferences/preferences';
import { documentHandlers } from './documents/handlers';
import { eligibilityHandlers } from './eligibility/handlers';
import { customFieldHandlers } from './customFields/handlers';
import { incomingHandlers } from './incoming/handlers';
import { signpostingHandlers } from './signposting/handlers';
import { diaryHandlers } from './diary/handlers';
import { digestHandlers } from './digest/handlers';
import { dispatch, joinHandlers, type Gate, type Handlers } from './rpc';
import { signInHandlers } from './signIn/handlers';
import { PasswordGate } from './signIn/passwordGate';
import { dataPaths, inspectDataFolder, type DataPaths } from './setup/dataFolder';
import { setupHandlers, type SetupDraft } from './setup/handlers';
import type { RecoveryDraft } from './recovery/recoveryDraft';
import { Printouts } from './printouts/printouts';
import { printoutHandlers } from './printouts/handlers';
import { recoveryHandlers } from './recovery/handlers';
import { userHandlers } from './users/handlers';
import { auditHandlers } from './audit/handlers';
import { settingsHandlers } from './settings/handlers';
import { DEFAULT_IDLE_MINUTES } from './settings/settings';
import { backupHandlers, backupStatus } from './backup/handlers';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { KDF_DEFAULT, kdfWrittenByCasebook, type KdfParams } from './vault/kdf';
import type { WorkerEntry } from './host/messages';
import type { SignedIn, Work } from './domain';

export type { SignedIn } from './domain';
import { JobRunner } from './jobs/runner';
import { jobHandlers } from './jobs/handlers';
import { fullExportHandlers } from './fullExport/handlers';
import { checkReach } from './clients/reach';

export interface CasebookOptions {
  /** The folder that holds the encrypted database, its key slots and the preferences. */
  dataDir: string;
  /** The folder with `fonts/` (the repository's or the installed app's `resources`). */
  resourcesDir: string;
  platform: Platform;
  kdf?: KdfParams;
  /** The clock for everything about "today" (tests fix it); the computer's clock when not given. */
  now?: () => Date;
  /** The operating system's locale, for the language before anyone has chosen one. */
  locale?: string;
  /** How often the idle lock is checked; 0 turns the timer off (tests call checkIdle themselves). */
  idleCheckMs?: number;
  /** Where unexpected errors are reported. Never given client details. */
  log?: (message: string) => void;
  /** The folder the log is kept in, shown in Help > About (see log/log.ts). */
  logDir?: string;
  /** The app's version and what it runs on, for Help > About. */
  version?: string;
  runtime?: string;
  /** Below this much free space on the data folder's disk Casebook shows the "disk full" page. */
  minFreeBytes?: number;
  /** Where long jobs run: a worker of their own, with their own connection to the records. */
  jobWorker?: WorkerEntry;
  /** Started again after the core stopped unexpectedly: the unlock screen says so until someone signs in. */
  restarted?: boolean;
}

/** Refused calls are folded into one entry per person and channel over this long (or until they lock). */
const REFUSALS_FOLDED_MS = 5 * 60_000;

/** Channels a person who unlocked with the recovery key may use before choosing a new password. */
const ALLOWED_BEFORE_NEW_PASSWORD: ReadonlySet<Channel> = new Set(['signIn.setNewPassword']);

/**
 * The running core: one per data folder. Holds the unlocked session (database + key) and the
 * handler table, and knows nothing about Electron.
 */
export class Casebook implements Work {
  readonly paths: DataPaths;
  readonly resourcesDir: string;
  readonly platform: Platform;
  readonly kdf: KdfParams;
  readonly now: () => Date;
  /** Every check of a password or the recovery key, one at a time, with growing waits after failures. */
  readonly passwords: PasswordGate;
  readonly handlers: Handlers;
  readonly defaultLanguage: UiLanguage;
  setupDraft: SetupDraft | null = null;
  /** A new recovery key an administrator is replacing the old one with. */
  recoveryDraft: RecoveryDraft | null = null;
  /** Printouts the window is drawing, waiting for their print dialog. */
  readonly printouts = new Printouts();
  private signedIn: SignedIn | null = null;
  private lockReason: 'idle' | 'manual' | 'restarted' | null;
  private readonly timer: NodeJS.Timeout | null;
  readonly log: (message: string) => void;
  /** Long jobs (backups, restores, the import check, the subject access pack, reports), beside the screens. */
  readonly jobs: JobRunner;
  /** Set while a backup is being restored: changes are refused, as the restore would lose them. */
  private restoring = false;
  readonly about: { version: string; runtime: string | null; logDir: string | null };
  private readonly minFreeBytes: number | undefined;

  constructor(opts: CasebookOptions) {
    this.paths = dataPaths(opts.dataDir);
    this.resourcesDir = opts.resourcesDir;
    this.platform = opts.platform;
    this.kdf = opts.kdf ?? KDF_DEFAULT;
    if (!kdfWrittenByCasebook(this.kdf))
      throw new Error('Key-derivation settings must be one of KDF_WRITTEN, or the slots made with them will not open');
    // The one place the core reads the computer's clock: everything about "today" asks this.now.
    this.now = opts.now ?? (() => new Date());
    this.log = opts.log ?? ((m) => console.error(m));
    this.jobs = new JobRunner(opts.jobWorker, opts.resourcesDir, () => this.now(), this.log);
    this.about = { version: opts.version ?? 'development', runtime: opts.runtime ?? null, logDir: opts.logDir ?? null };
    this.minFreeBytes = opts.minFreeBytes;
    this.lockReason = opts.restarted ? 'restarted' : null;
    this.defaultLanguage = languageFromLocale(opts.locale);
    this.passwords = new PasswordGate(this.paths.throttle, () => this.now().getTime());
    this.handlers = joinHandlers([
      appHandlers(this),
      setupHandlers(this),
      signInHandlers(this),
      charityHandlers(this),
      clientHandlers(this),
      consentHandlers(this),
      householdHandlers(this),
      riskFlagHandlers(this),
      assessmentHandlers(this),
      planHandlers(this),
      noteHandlers(this),
      timelineHandlers(this),
      safetyPlanHandlers(this),
      caseloadHandlers(this),
      agencyHandlers(this),
      referralHandlers(this),
      letterHandlers(this),
      documentHandlers(this),
      eligibilityHandlers(this),
      customFieldHandlers(this),
      incomingHandlers(this),
      signpostingHandlers(this),
      diaryHandlers(this),
      digestHandlers(this),
      programmeHandlers(this),
      helpGivenHandlers(this),
      reportHandlers(this),
      erasureHandlers(this),
      retentionHandlers(this),
      accessHandlers(this),
      importHandlers(this),
      userHandlers(this),
      recoveryHandlers(this),
      auditHandlers(this),
      settingsHandlers(this),
      backupHandlers(this),
      jobHandlers(this),
      printoutHandlers(this),
      fullExportHandlers(this),
    ]);
    const every = opts.idleCheckMs ?? 15_000;
    this.timer = every > 0 ? setInterval(() => this.checkIdle(), every) : null;
    this.timer?.unref();
  }

  /** Runs one channel call end to end and returns the envelope. */
  async call(channel: string, input: unknown): Promise<Result<unknown>> {
    const result = await withClock(this.now, () =>
      dispatch(
        this.handlers,
        this.gate,
        channel,
        input,
        (ch, err) =>
          this.log(
            `[casebook] ${ch} failed: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err)}`,
          ),
        (ch, parsed) => {
          if (this.signedIn) checkReach(this.signedIn.db, this.signedIn, ch, parsed as never);
        },
      ),
    );
    if (!result.ok && (result.error.code === 'FORBIDDEN' || result.error.code === 'NOT_YOUR_CLIENT') && this.signedIn)
      this.noteRefusal(this.signedIn.user.id, channel);
    return result;
  }

  /**
   * Refused calls (someone asked for what their role may not do) are kept in the audit trail, folded:
   * one entry per person and channel, with how many times and since when, written when they lock
   * (or a few minutes on), so a screen that keeps asking does not bury the trail.
   */
  private readonly refusals = new Map<string, { userId: number; channel: string; count: number; first: string }>();

  private noteRefusal(userId: number, channel: string): void {
    const key = `${userId}\u0000${channel.slice(0, 80)}`;
    const seen = this.refusals.get(key);
    if (seen) seen.count++;
    else this.refusals.set(key, { userId, channel: channel.slice(0, 80), count: 1, first: this.now().toISOString() });
  }

  private flushRefusals(db: Db): void {
    if (!this.refusals.size) return;
    const at = this.now();
    db.$client.transaction(() => {
      for (const r of this.refusals.values())
        recordAudit(db, {
          userId: r.userId,
          action: 'access.refused',
          detail: { channel: r.channel, count: r.count, since: r.first },
          at,
        });
    })();
    this.refusals.clear();
  }

  private readonly gate: Gate = (channel, access) => {
    if (access === 'open') return;
    const s = this.signedIn;
    if (!s) throw new CasebookError('LOCKED', 'Casebook is locked');
    if (s.mustChangePassword && !ALLOWED_BEFORE_NEW_PASSWORD.has(channel))
      throw new CasebookError('PASSWORD_CHANGE_REQUIRED', 'A new password must be chosen first');
    if (!access.includes(s.user.role)) throw new CasebookError('FORBIDDEN', `${s.user.role} may not use ${channel}`);
    s.lastActivity = this.now().getTime();
  };

  language(): UiLanguage {
    return readPreferences(this.paths.preferences, { language: this.defaultLanguage }).language;
  }

  status(): AppState {
    const base = {
      language: this.language(),
      dataDir: this.paths.dir,
      lockReason: null,
      user: null,
      mustChangePassword: false,
      unlockedWithRecoveryKey: false,
      idleMinutes: DEFAULT_IDLE_MINUTES,
      problem: null,
      now: this.now().toISOString(),
      rollback: null,
      ownClientsOnly: false,
      volunteersSeeContactDetails: false,
    };
    if (this.signedIn) {
      const s = this.signedIn;
      return {
        ...base,
        state: 'unlocked',
        user: s.user,
        mustChangePassword: s.mustChangePassword,
        unlockedWithRecoveryKey: s.unlockedWithRecoveryKey ?? false,
        idleMinutes: s.idleMinutes,
        rollback: s.rollback ?? null,
        ownClientsOnly: s.ownClientsOnly,
        volunteersSeeContactDetails: s.volunteersSeeContactDetails,
      };
    }
    const folder = inspectDataFolder(this.paths, this.minFreeBytes);
    if (folder.kind === 'problem') return { ...base, state: 'problem', problem: folder.problem };
    if (folder.kind === 'needsSetup') return { ...base, state: 'needsSetup' };
    return { ...base, state: 'locked', lockReason: this.lockReason };
  }

  /** The signed-in session, or LOCKED. */
  requireSignedIn(): SignedIn {
    if (!this.signedIn) throw new CasebookError('LOCKED', 'Casebook is locked');
    return this.signedIn;
  }

  startSignedIn(s: Omit<SignedIn, 'lastActivity'>): void {
    if (this.signedIn) this.lock('manual');
    this.signedIn = { ...s, lastActivity: this.now().getTime() };
    this.lockReason = null;
  }

  /** Runs `fn` as one transaction on the session's database: one user action, one commit. */
  write<T>(fn: (db: Db, s: SignedIn) => T): T {
    const s = this.requireSignedIn();
    if (this.restoring) throw new CasebookError('RESTORE_RUNNING', 'A backup is being restored');
    return s.db.$client.transaction(() => fn(s.db, s))();
  }

  /** Appends to the audit trail as the signed-in user, at the core's clock. Call inside `write`. */
  audit(
    db: Db,
    s: SignedIn,
    action: AuditAction,
    extra: { clientId?: number; detail?: Record<string, unknown> } = {},
  ): void {
    recordAudit(db, { userId: s.user.id, action, ...extra, at: this.now() });
  }

  /**
   * Runs a restore: from the moment it starts until it has switched over (or stopped), every change
   * is refused with RESTORE_RUNNING (it would be lost in the switch); reading goes on until the switch.
   */
  async whileRestoring<T>(fn: () => Promise<T>): Promise<T> {
    this.restoring = true;
    try {
      return await fn();
    } finally {
      this.restoring = false;
    }
  }

  read<T>(fn: (db: ReadDb, s: SignedIn) => T): T {
    const s = this.requireSignedIn();
    // The type offers no way to write; the connection refuses one too while the read runs (raw
    // SQL, or a write reached by a cast), so a read can never change the records by mistake.
    const sqlite = s.db.$client;
    const wasQueryOnly = sqlite.pragma('query_only', { simple: true }) === 1;
    if (!wasQueryOnly) sqlite.pragma('query_only = ON');
    try {
      return fn(s.db, s);
    } finally {
      if (!wasQueryOnly) sqlite.pragma('query_only = OFF');
    }
  }

  /** Closes the database and wipes the key from memory. */
  lock(reason: 'idle' | 'manual'): void {
    const s = this.signedIn;
    if (!s) return;
    this.signedIn = null;
    this.lockReason = reason;
    // Jobs stop first: their workers hold the key and a connection to the records.
    void this.jobs.stopAll();
    this.recoveryDraft = null;
    this.printouts.forget();
    try {
      this.flushRefusals(s.db);
      recordAudit(s.db, {
        userId: s.user.id,
        action: reason === 'idle' ? 'session.idleLocked' : 'session.locked',
        at: this.now(),
      });
      // The trail's head, kept outside the database (in the key file, under its MAC): a trail
      // rewritten inside the database while Casebook was closed no longer holds it.
      const head = auditHead(s.db);
      if (head) setAuditHead(this.paths.keySlots, s.dbKey, head);
    } catch (err) {
      this.log(`[casebook] could not record lock: ${String(err)}`);
    }
    try {
      closeDatabase(s.db);
    } finally {
      s.dbKey.fill(0);
    }
  }

  /** Locks when nobody has used Casebook for the configured minutes (not while a long job runs). */
  checkIdle(): void {
    const s = this.signedIn;
    if (!s) return;
    const oldest = Math.min(...[...this.refusals.values()].map((r) => Date.parse(r.first)));
    if (this.refusals.size && !this.restoring && this.now().getTime() - oldest >= REFUSALS_FOLDED_MS) {
      try {
        this.flushRefusals(s.db);
      } catch (err) {
        this.log(`[casebook] could not record refused calls: ${String(err)}`);
      }
    }
    if (this.jobs.busy()) return;
    if (this.now().getTime() - s.lastActivity >= s.idleMinutes * 60_000) this.lock('idle');
  }

  touch(): void {
    if (this.signedIn) this.signedIn.lastActivity = this.now().getTime();
  }

  /**
   * When Casebook closes: if the administrator asked for it and the last backup's folder (the USB
   * stick) is plugged in, make a backup there first. Never stops the app from closing.
   */
  async backUpOnExit(): Promise<'done' | 'skipped' | 'failed'> {
    const s = this.signedIn;
    if (!s || s.user.role !== 'admin') return 'skipped';
    const status = this.read((db) => backupStatus(db, this.now()));
    const folder = status.last ? dirname(status.last.path) : null;
    if (!status.settings.onExit || !folder || !existsSync(folder)) return 'skipped';
    const r = await this.call('backup.create', { targetDir: folder });
    return r.ok ? 'done' : 'failed';
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.lock('manual');
    void this.jobs.stopAll();
  }
}
