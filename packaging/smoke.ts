/**
 * Smoke test of a packaged Casebook, for a machine that has just built the installers
 * (`npm run dist:win|linux|mac`, then `npm run smoke:packaged`). It checks, on the real binary:
 *   1. the installers for this system are in dist/;
 *   2. the fuses are set (read from the binary) and really hold: the binary refuses to run as Node;
 *   3. the app starts with a fresh profile, opens its page, creates its data folder in the user's
 *      app-data folder and writes its error log there, without the page ever stopping.
 * The fuses also switch off Node's inspector, so the UI cannot be driven here the way the tests
 * drive it; the page is checked through the log the app keeps. Anything wrong: exit code 1.
 * Usage: npm run smoke:packaged [-- --app <path to the unpacked executable>]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FUSES, packedPaths } from './afterPack.mjs';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  build: { productName: string };
};
const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? '  ok  ' : ' FAIL '} ${what}`);
  if (!ok) problems.push(what);
};

/**
 * The unpacked app electron-builder leaves beside the installers: the executable to start, and the
 * path the fuses are read from (the .app on a Mac), found the way the packaging hook finds them.
 */
function packedApp(): { executable: string; fuseTarget: string } {
  const given = process.argv.indexOf('--app');
  if (given > 0 && process.argv[given + 1]) {
    const executable = resolve(process.argv[given + 1]!);
    const app = executable.match(/^(.*\.app)\//)?.[1];
    return { executable, fuseTarget: app ?? executable };
  }
  const product = pkg.build.productName;
  const folder =
    process.platform === 'win32'
      ? 'win-unpacked'
      : process.platform === 'darwin'
        ? ((existsSync(DIST) ? readdirSync(DIST) : []).find((d) => d.startsWith('mac')) ?? 'mac')
        : 'linux-unpacked';
  const { executable: fuseTarget } = packedPaths({
    appOutDir: join(DIST, folder),
    electronPlatformName: process.platform,
    arch: 1,
    packager: { appInfo: { productFilename: product }, executableName: 'casebook' },
  });
  return {
    executable: process.platform === 'darwin' ? join(fuseTarget, 'Contents', 'MacOS', product) : fuseTarget,
    fuseTarget,
  };
}

function installers(): RegExp[] {
  const v = pkg.version.replace(/\./g, '\\.');
  if (process.platform === 'win32')
    return [new RegExp(`^Casebook-Setup-${v}\\.exe$`), new RegExp(`^Casebook-${v}-portable\\.exe$`)];
  if (process.platform === 'darwin') return [new RegExp(`^Casebook-${v}-.*\\.dmg$`)];
  return [new RegExp(`^Casebook-${v}-.*\\.AppImage$`), new RegExp(`^casebook_${v}_.*\\.deb$`)];
}

/** A fresh user profile for the child: its app-data folder is somewhere we can look and then delete. */
function freshProfile(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    APPDATA: join(home, 'AppData', 'Roaming'),
    LOCALAPPDATA: join(home, 'AppData', 'Local'),
  };
  delete env['CASEBOOK_DATA_DIR'];
  delete env['ELECTRON_RUN_AS_NODE'];
  return env;
}

function userData(home: string): string {
  const product = pkg.build.productName;
  if (process.platform === 'win32') return join(home, 'AppData', 'Roaming', product);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', product);
  return join(home, '.config', product);
}

function logFile(home: string): string {
  // Electron keeps logs in ~/Library/Logs/<name> on macOS and in <userData>/logs elsewhere.
  return process.platform === 'darwin'
    ? join(home, 'Library', 'Logs', pkg.build.productName, 'casebook.log')
    : join(userData(home), 'logs', 'casebook.log');
}

async function main(): Promise<void> {
  console.log(`Casebook ${pkg.version}: smoke test of the packaged app on ${process.platform}-${process.arch}`);

  // 1. Installers.
  const files = existsSync(DIST) ? readdirSync(DIST) : [];
  for (const pattern of installers()) {
    const found = files.find((f) => pattern.test(f));
    check(
      !!found,
      `installer ${found ? `${found} (${Math.round(statSync(join(DIST, found)).size / 1e6)} MB)` : `matching ${pattern}`} in dist/`,
    );
  }

  // 2. Fuses, read from the binary and tried.
  const { executable, fuseTarget } = packedApp();
  check(existsSync(executable), `packed app at ${executable}`);
  if (!existsSync(executable)) return;
  const wire = await getCurrentFuseWire(fuseTarget);
  for (const [fuse, on] of Object.entries(FUSES)) {
    check(
      wire[Number(fuse) as FuseV1Options] === (on ? FuseState.ENABLE : FuseState.DISABLE),
      `fuse ${FuseV1Options[Number(fuse)]} ${on ? 'on' : 'off'}`,
    );
  }
  // With the fuse off the app starts as itself instead (in a throw-away profile), and is closed after 20 s.
  const scratch = mkdtempSync(join(tmpdir(), 'casebook-smoke-node-'));
  const asNode = spawnSync(executable, ['-e', 'process.stdout.write("node-ran")'], {
    env: { ...freshProfile(scratch), ELECTRON_RUN_AS_NODE: '1' },
    timeout: 20_000,
    encoding: 'utf8',
  });
  check(!String(asNode.stdout ?? '').includes('node-ran'), 'ELECTRON_RUN_AS_NODE does not turn it into Node');
  rmSync(scratch, { recursive: true, force: true });

  // 3. A first start with a fresh profile.
  const home = mkdtempSync(join(tmpdir(), 'casebook-smoke-'));
  try {
    const child = spawn(executable, [], { env: freshProfile(home), stdio: 'ignore' });
    let exited: number | null = null;
    child.on('exit', (code) => (exited = code ?? -1));
    const log = logFile(home);
    const deadline = Date.now() + 60_000;
    while (
      Date.now() < deadline &&
      !(existsSync(log) && readFileSync(log, 'utf8').includes('page loaded')) &&
      exited === null
    )
      await new Promise((r) => setTimeout(r, 500));
    // Give the page time to ask for the app's state (which makes the data folder) and to fail, if it is going to.
    await new Promise((r) => setTimeout(r, 5_000));
    const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
    check(exited === null, 'the app is still running after it started');
    check(text.includes(`started ${pkg.version}`), `error log written at ${log}`);
    check(text.includes('page loaded'), 'the page loaded');
    check(!/preload failed|page stopped|failed:/.test(text), 'no preload failure, crash or failed call in the log');
    check(
      existsSync(join(userData(home), 'data')),
      `data folder made in the user's app-data folder (${join(userData(home), 'data')})`,
    );
    check(
      existsSync(join(userData(home), 'data')) && readdirSync(join(userData(home), 'data')).length === 0,
      'no records before setup (first start shows setup)',
    );
    child.kill();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

main()
  .then(() => {
    if (problems.length > 0) {
      console.error(`\n${problems.length} problem(s): ${problems.join('; ')}`);
      process.exit(1);
    }
    console.log('\nThe packaged app passed the smoke test.');
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
