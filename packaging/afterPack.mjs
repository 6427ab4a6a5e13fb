// electron-builder's afterPack hook (see "build.afterPack" in package.json). Runs once per platform and
// architecture after the app is copied into the Electron folder and before it is signed and wrapped
// into an installer, so what it changes is covered by the signature.
//  1. Sets Electron's fuses: the packaged Casebook cannot be turned into a plain Node.js (RunAsNode),
//     cannot be given code through NODE_OPTIONS or --inspect, loads its code only from app.asar, and
//     encrypts its cookies. Read back afterwards: a fuse that did not take fails the build.
//  2. Checks the two native modules (encrypted SQLite and Argon2) for the target are unpacked beside
//     app.asar: a Windows installer built without them would install and then fail at sign-in.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/** The fuses Casebook ships with. Exported for the packaging test and the packaged-build smoke test. */
export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
};

// electron-builder's Arch enum.
const ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** Where the Electron executable and the app's resources are inside the packed folder. */
export function packedPaths(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  const product = packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') {
    const app = join(appOutDir, `${product}.app`);
    return { executable: app, resources: join(app, 'Contents', 'Resources') };
  }
  if (platform === 'win32')
    return { executable: join(appOutDir, `${product}.exe`), resources: join(appOutDir, 'resources') };
  return { executable: join(appOutDir, packager.executableName), resources: join(appOutDir, 'resources') };
}

/** The native binaries that must sit in app.asar.unpacked for this platform and architecture. */
export function missingNativeModules(resources, platform, arch) {
  const modules = join(resources, 'app.asar.unpacked', 'node_modules');
  const missing = [];
  const archs = arch === 'universal' ? ['x64', 'arm64'] : [arch];
  for (const a of archs) {
    const sqlite = join(modules, 'better-sqlite3', 'prebuilds', `${platform}-${a}.node`);
    if (!existsSync(sqlite)) missing.push(`better-sqlite3 for ${platform}-${a}`);
    const scope = join(modules, '@node-rs');
    const argon = existsSync(scope)
      ? readdirSync(scope).filter(
          (d) =>
            d.startsWith(`argon2-${platform}-${a}`) && readdirSync(join(scope, d)).some((f) => f.endsWith('.node')),
        )
      : [];
    if (argon.length === 0) missing.push(`@node-rs/argon2 for ${platform}-${a}`);
  }
  return missing;
}

export default async function afterPack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = ARCH[context.arch] ?? String(context.arch);
  const { executable, resources } = packedPaths(context);

  const missing = missingNativeModules(resources, platform, arch);
  if (missing.length > 0) {
    throw new Error(
      `Casebook cannot be packaged for ${platform}-${arch}: ${missing.join(', ')} missing from app.asar.unpacked. ` +
        'Build each installer on its own system (Windows on Windows, macOS on a Mac) after "npm ci" there.',
    );
  }

  await flipFuses(executable, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
    ...FUSES,
  });
  const wire = await getCurrentFuseWire(executable);
  for (const [fuse, on] of Object.entries(FUSES)) {
    const want = on ? FuseState.ENABLE : FuseState.DISABLE;
    if (wire[fuse] !== want) throw new Error(`Fuse ${FuseV1Options[fuse]} did not take in ${executable}`);
  }
  console.log(`  • Casebook fuses set and checked for ${platform}-${arch}`);
}
