import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, posix, resolve } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { expectCasebookFuses, writeStandInElectron } from '../core/fuses';
import { tempDir } from '../core/helpers';

/**
 * The real electron-builder run, as `npm run dist:linux` does it, up to the unpacked app folder.
 * Electron itself cannot be downloaded here, so electron-builder is given a stand-in Electron folder
 * (`electronDist`): one file carrying Electron's fuse wire. Everything else is real: the files
 * chosen, app.asar, the unpacked native modules, the resources, the packaging hook and its fuses.
 * Then the packed app's own copies of the native modules are loaded and used.
 */
const ROOT = resolve(__dirname, '../..');

function standInElectron(): string {
  const dir = tempDir('casebook-electron-dist-');
  writeStandInElectron(join(dir, 'electron'), Buffer.from('#!/bin/sh\nexit 1\n'));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(
    join(dir, 'version'),
    JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version,
  );
  mkdirSync(join(dir, 'resources'));
  return dir;
}

describe('packaging (electron-builder with a stand-in Electron)', () => {
  it('packs the built app, its runtime libraries and native modules into app.asar, and sets the fuses', async () => {
    expect(existsSync(join(ROOT, 'out/main/index.js')), 'run "npm run build" first').toBe(true);
    const output = tempDir('casebook-dist-');
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: { electronDist: standInElectron(), directories: { output }, publish: null },
    });
    const app = join(output, 'linux-unpacked');
    const resources = join(app, 'resources');

    // The hook ran: the fuses are set on the packed executable.
    await expectCasebookFuses(join(app, 'casebook'));

    // app.asar: the built code, no sources, no source maps, no test or packaging files.
    const files = listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    for (const f of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/coreWorker.js',
      '/out/main/jobWorker.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
    ])
      expect(files).toContain(f);
    expect(
      files.filter((f) => /^\/(electron|renderer\/src|tests|packaging|shared)\//.test(f) || f.endsWith('.map')),
    ).toEqual([]);
    // The page's libraries are bundled into out/renderer; they are not shipped again.
    expect(files.some((f) => f.startsWith('/node_modules/react/') || f.startsWith('/node_modules/recharts/'))).toBe(
      false,
    );

    // The fonts and icons beside the app, where the main process looks for them.
    expect(existsSync(join(resources, 'resources', 'fonts'))).toBe(true);
    expect(existsSync(join(resources, 'resources', 'icons', '512x512.png'))).toBe(true);

    // Every library the main process and the core's workers require is in the package, and the
    // native ones work from it. The main process (the window's thread) loads none of the native ones:
    // the records are opened, and keys derived, only in the workers.
    const extracted = tempDir('casebook-asar-');
    extractAll(join(resources, 'app.asar'), extracted);
    expect(
      existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node')),
    ).toBe(true);
    const librariesOf = (file: string): string[] => {
      const code = readFileSync(join(extracted, 'out/main', file), 'utf8');
      const own = [...code.matchAll(/require\("(\.\.?\/[^"]+)"\)/g)].map((m) => posix.join(posix.dirname(file), m[1]!));
      const outside = [...code.matchAll(/require\("([^".][^"]*)"\)/g)]
        .map((m) => m[1]!)
        .filter((m) => m !== 'electron' && !m.startsWith('node:') && !builtinModules.includes(m));
      return [...new Set([...outside, ...own.flatMap(librariesOf)])];
    };
    const native = ['better-sqlite3', '@node-rs/argon2'];
    expect(librariesOf('index.js').filter((m) => native.includes(m))).toEqual([]);
    const required = [...new Set(['index.js', 'coreWorker.js', 'jobWorker.js'].flatMap(librariesOf))];
    expect(librariesOf('coreWorker.js')).toEqual(expect.arrayContaining([...native, 'pdfkit', 'drizzle-orm']));
    expect(librariesOf('jobWorker.js')).toEqual(expect.arrayContaining([...native, 'pdfkit', 'drizzle-orm']));
    const fromApp = createRequire(join(extracted, 'out/main/index.js'));
    for (const m of required) expect(() => fromApp.resolve(m), m).not.toThrow();
    // Loaded in a separate Node process: open an encrypted database and derive a key with Argon2.
    const check = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.pragma("cipher = 'sqlcipher'");
      db.pragma("key = 'packaged'");
      db.exec('create table t (x); insert into t values (42)');
      const ok = db.prepare('select x from t').get().x === 42 && db.pragma('cipher', { simple: true }) === 'sqlcipher';
      db.close();
      const argon2 = require('@node-rs/argon2');
      const hash = argon2.hashRawSync('pw', { salt: Buffer.alloc(16, 1), memoryCost: 1024, timeCost: 1, parallelism: 1 });
      process.stdout.write(ok && hash.length === 32 ? 'ok' : 'bad');`;
    const out = execFileSync(process.execPath, ['-e', check, join(tempDir('casebook-db-'), 'x.db')], {
      cwd: join(extracted, 'out/main'),
    });
    expect(out.toString()).toBe('ok');
  }, 180_000);
});
