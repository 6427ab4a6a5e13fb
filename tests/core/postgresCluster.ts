import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL server of the test's own, in a temp folder, reached by its Unix socket only (no TCP
 * port): made with initdb, started, and removed afterwards, as the core tests use temp folders for
 * SQLite. The Debian package `postgresql` provides the programs; without them, `findPostgres` says so.
 */
export interface Cluster {
  /** The folder holding the socket: the `host` a client connects to. */
  socketDir: string;
  port: number;
  user: string;
  stop(): Promise<void>;
}

/** The folder of initdb and postgres, or null when PostgreSQL is not installed. */
export function findPostgres(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** PostgreSQL will not run as root; the package's own `postgres` account runs it then. */
function asServerUser(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

/**
 * Starts a server of its own. Tests turn `fsync` off (a throwaway server need not survive a power
 * cut); a benchmark keeps it on (`durable`), so that its writes cost what they would in an office.
 */
export async function startCluster(bin: string, opts: { durable?: boolean } = {}): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-pg-'));
  const data = join(dir, 'data');
  const root = process.getuid?.() === 0;
  if (root) execFileSync('chown', ['postgres:postgres', dir]);
  const user = root ? 'postgres' : userInfo().username;
  const [initdb, initArgs] = asServerUser(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    user,
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
  ]);
  execFileSync(initdb, initArgs, { stdio: 'ignore' });
  const port = 20_000 + (process.pid % 20_000);
  const [postgres, args] = asServerUser(join(bin, 'postgres'), [
    '-D',
    data,
    '-k',
    dir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=',
    ...(opts.durable ? [] : ['-c', 'fsync=off']),
  ]);
  const server: ChildProcess = spawn(postgres, args, { stdio: 'ignore' });
  const ready = join(dir, `.s.PGSQL.${port}`);
  for (let i = 0; i < 200 && !existsSync(ready); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(ready)) throw new Error('PostgreSQL did not start');
  // The socket appears a moment before connections are accepted.
  const [isReady, readyArgs] = [join(bin, 'pg_isready'), ['-h', dir, '-p', String(port), '-U', user]];
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync(isReady, readyArgs, { stdio: 'ignore' });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    socketDir: dir,
    port,
    user,
    async stop() {
      // A fast shutdown, asked of the server itself (runuser, in between when root, passes no signal on).
      const [pgCtl, stopArgs] = asServerUser(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast']);
      const exited = new Promise((r) => server.once('exit', r));
      execFileSync(pgCtl, stopArgs, { stdio: 'ignore' });
      await exited;
      if (root) chownSync(dir, 0, 0);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
