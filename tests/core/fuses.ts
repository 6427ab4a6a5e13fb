import { writeFileSync } from 'node:fs';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { expect } from 'vitest';

/** Electron's fuse sentinel: the fuse wire follows it in the binary (version 1, length, one byte per fuse). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in for the Electron executable: a few bytes around a fuse wire with every fuse on, as Electron ships. */
export function writeStandInElectron(path: string, around: Buffer = Buffer.alloc(4096, 7)): void {
  const wire = Buffer.concat([Buffer.from([1, 9]), Buffer.alloc(9, FuseState.ENABLE)]);
  writeFileSync(path, Buffer.concat([around, Buffer.from(SENTINEL), wire, around]));
}

/** The fuses the packaging hook must leave on a Casebook binary. */
export async function expectCasebookFuses(executable: string): Promise<void> {
  const wire = await getCurrentFuseWire(executable);
  expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
  expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
  expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
  expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
}
