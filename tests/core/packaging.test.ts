import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_EXTENSION } from '../../shared/domain/backup';
import { ICNS_TYPES, ICO_SIZES, PNG_SIZES } from '../../packaging/icons';
import { expectCasebookFuses, writeStandInElectron } from './fuses';
import { tempDir } from './helpers';

/**
 * What can be checked of the installers without building them (electron-builder needs to download
 * Electron, which this machine cannot): the configuration against electron-builder's own schema,
 * the promises it must keep (per-user install, backup files open Casebook, native modules unpacked),
 * the icons, and the packaging hook run on a stand-in Electron binary.
 */
const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-builder's settings, read as written
  build: Record<string, any>;
};

// electron-builder ships CommonJS without types for this internal module.
interface ConfigModule {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: unknown,
  ): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
}

describe('installers (electron-builder configuration)', () => {
  it('is valid for electron-builder and keeps its promises', async () => {
    const { getConfig, validateConfiguration } =
      (await import('app-builder-lib/out/util/config/config.js')) as unknown as ConfigModule;
    const config = await getConfig(ROOT, null, null);
    const debug = { isEnabled: false, add: () => {} };
    await expect(validateConfiguration(config, debug)).resolves.toBeUndefined();
    // The schema check is real: a misspelt option is refused.
    await expect(validateConfiguration({ ...config, nsis: { perMachin: false } }, debug)).rejects.toThrow(
      /configuration.nsis/,
    );

    const b = pkg.build;
    expect(b.appId).toBe('org.casebook.desktop');
    expect(b.productName).toBe('Casebook');
    // Windows: an installer that needs no administrator, and a portable copy.
    expect(b.win.target).toEqual(['nsis', 'portable']);
    expect(b.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
    expect(b.linux.target).toEqual(['AppImage', 'deb']);
    expect(b.mac.target).toEqual(['dmg']);
    // The SQLite and Argon2 binaries are N-API prebuilds: unpacked from the archive, never rebuilt.
    expect(b.asarUnpack).toContain('**/*.node');
    expect(b.npmRebuild).toBe(false);
    expect(b.afterPack).toBe('./packaging/afterPack.mjs');
    // Double-clicking a backup opens Casebook (and then the restore screen).
    expect(b.fileAssociations).toEqual([
      expect.objectContaining({ ext: BACKUP_EXTENSION, mimeType: 'application/x-casebook-backup' }),
    ]);
    // Every script the README names exists.
    for (const script of ['dist:win', 'dist:linux', 'dist:mac', 'smoke:packaged'])
      expect((pkg['scripts'] as Record<string, string>)[script]).toBeTruthy();
    // Runtime dependencies are what the main process loads; the page's libraries are bundled.
    expect(Object.keys(pkg['dependencies'] as object)).not.toContain('recharts');
  });

  it('has icons in every size, and .ico and .icns files that hold them', () => {
    const icons = join(ROOT, 'resources', 'icons');
    for (const prefix of ['', 'backup-'])
      for (const size of PNG_SIZES) {
        const png = readFileSync(join(icons, `${prefix}${size}x${size}.png`));
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
    for (const base of ['casebook', 'backup']) {
      const ico = readFileSync(join(icons, `${base}.ico`));
      expect(ico.readUInt16LE(2)).toBe(1);
      const count = ico.readUInt16LE(4);
      const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
      expect(sizes).toEqual([...ICO_SIZES]);
      for (let i = 0; i < count; i++) {
        const at = ico.readUInt32LE(6 + 16 * i + 12);
        expect(ico.subarray(at + 1, at + 4).toString('ascii')).toBe('PNG');
      }
      const icns = readFileSync(join(icons, `${base}.icns`));
      expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
      const types: string[] = [];
      for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
        types.push(icns.subarray(at, at + 4).toString('ascii'));
      expect(types).toEqual(ICNS_TYPES.map(([t]) => t));
    }
  });

  describe('the packaging hook', () => {
    /** A folder shaped like electron-builder's packed Linux app, with a stand-in binary carrying Electron's fuse wire (all on, as shipped). */
    function packedApp(opts: { argon2: boolean }): string {
      const dir = tempDir('casebook-packed-');
      writeStandInElectron(join(dir, 'casebook'));
      const modules = join(dir, 'resources', 'app.asar.unpacked', 'node_modules');
      mkdirSync(join(modules, 'better-sqlite3', 'prebuilds'), { recursive: true });
      writeFileSync(join(modules, 'better-sqlite3', 'prebuilds', 'linux-x64.node'), 'binary');
      if (opts.argon2) {
        mkdirSync(join(modules, '@node-rs', 'argon2-linux-x64-gnu'), { recursive: true });
        writeFileSync(join(modules, '@node-rs', 'argon2-linux-x64-gnu', 'argon2.linux-x64-gnu.node'), 'binary');
      }
      return dir;
    }
    const context = (appOutDir: string) => ({
      appOutDir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Casebook' }, executableName: 'casebook' },
    });

    it('turns Run-as-Node, NODE_OPTIONS and --inspect off, and asar-only loading and cookie encryption on', async () => {
      const { default: afterPack } = await import('../../packaging/afterPack.mjs');
      const dir = packedApp({ argon2: true });
      await afterPack(context(dir));
      await expectCasebookFuses(join(dir, 'casebook'));
    });

    it('refuses to package an app missing a native module for its system, and says why', async () => {
      const { default: afterPack } = await import('../../packaging/afterPack.mjs');
      await expect(afterPack(context(packedApp({ argon2: false })))).rejects.toThrow(
        /@node-rs\/argon2 for linux-x64 missing.*Build each installer on its own system/,
      );
    });
  });
});
