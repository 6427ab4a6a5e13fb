import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { keepPrivate } from '../storage/files';
import { join } from 'node:path';

/**
 * The error log: what went wrong and when, for whoever helps the charity — never about clients.
 * The core only ever logs channel names, error types and counts; as a second guard anything quoted,
 * any e-mail address and any long number in a message is blanked before it is written, because
 * some library errors quote the value they choked on. Kept small: at 1 MB the log is moved aside
 * and the oldest of three is dropped.
 */
export const LOG_FILE = 'casebook.log';
const MAX_BYTES = 1024 * 1024;
const KEEP = 3;

const QUOTED = /"[^"\n]*"|'[^'\n]*'|`[^`\n]*`|“[^”\n]*”|‘[^’\n]*’/g;
const EMAIL = /[^\s@<>(),;]+@[^\s@<>(),;]+\.[^\s@<>(),;]+/g;
const LONG_NUMBER = /\+?\d[\d ()-]{5,}\d/g;
// Stack frames and file positions stay readable: "at x (file.js:120:14)".
const FRAME = /^\s+at .*$/;

export function redact(message: string): string {
  return message
    .split('\n')
    .map((line) =>
      FRAME.test(line) ? line : line.replace(QUOTED, '[…]').replace(EMAIL, '[e-mail]').replace(LONG_NUMBER, '[number]'),
    )
    .join('\n');
}

export interface FileLog {
  (message: string): void;
  readonly dir: string;
  readonly file: string;
}

export function fileLog(dir: string, opts: { maxBytes?: number; now?: () => Date } = {}): FileLog {
  const file = join(dir, LOG_FILE);
  const maxBytes = opts.maxBytes ?? MAX_BYTES;
  // The error log's times are the real time, on purpose: whoever reads it matches them to what
  // happened on the PC. No rule about dates reads them.
  const now = opts.now ?? (() => new Date());
  try {
    // There from the start, so Help > About can open it before anything has been written.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Kept private, also when an older Casebook made them readable by others.
    keepPrivate(dir, true);
    for (const f of readdirSync(dir)) if (f.endsWith('.log')) keepPrivate(join(dir, f));
  } catch {
    // Reported when the first line cannot be written.
  }
  const rotate = () => {
    for (let i = KEEP - 1; i >= 1; i--) {
      const from = i === 1 ? file : join(dir, `casebook.${i - 1}.log`);
      if (existsSync(from)) renameSync(from, join(dir, `casebook.${i}.log`));
    }
    rmSync(file, { force: true });
  };
  const log = (message: string) => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (existsSync(file) && statSync(file).size >= maxBytes) rotate();
      appendFileSync(file, `${now().toISOString()} ${redact(message)}\n`, { mode: 0o600 });
    } catch {
      // A log that cannot be written must never stop the work; the console still has it.
      console.error(redact(message));
    }
  };
  return Object.assign(log, { dir, file });
}
