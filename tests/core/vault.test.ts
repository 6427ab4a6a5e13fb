import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { dammCheckDigit, parseRecoveryKey, recoveryGroup } from '../../shared/domain/recoveryKey';
import { CasebookError } from '../../shared/result';
import { KDF_MINIMUM } from '../../electron/core/vault/kdf';
import { readKeySlots, writeKeySlots } from '../../electron/core/vault/keySlots';
import {
  createKeySlots,
  generateRecoveryKey,
  setUserPassword,
  unlockWithPassword,
  unlockWithRecoveryKey,
} from '../../electron/core/vault/vault';
import { tempDir } from './helpers';

const NOW = new Date('2026-11-23T10:00:00Z');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (err) {
    if (err instanceof CasebookError) return err.code;
    throw err;
  }
}

async function makeVault() {
  const path = join(tempDir(), 'keyslots.json');
  const dbKey = randomBytes(32);
  const groups = generateRecoveryKey();
  await createKeySlots(
    path,
    dbKey,
    { userId: 1, name: 'Anna Kowalska', password: 'first password 1' },
    groups,
    KDF_MINIMUM,
    NOW,
  );
  return { path, dbKey, groups };
}

describe('recovery key format', () => {
  it('catches every single-digit typo and every swap of neighbours in a group', () => {
    for (let n = 0; n < 200; n++) {
      const five = String(Math.floor(Math.random() * 100000)).padStart(5, '0');
      const group = recoveryGroup(five);
      expect(dammCheckDigit(group)).toBe(0);
      for (let i = 0; i < 6; i++) {
        for (let d = 0; d < 10; d++) {
          if (String(d) === group[i]) continue;
          expect(dammCheckDigit(group.slice(0, i) + d + group.slice(i + 1))).not.toBe(0);
        }
        if (i < 5 && group[i] !== group[i + 1]) {
          const swapped = group.slice(0, i) + group[i + 1] + group[i] + group.slice(i + 2);
          expect(dammCheckDigit(swapped)).not.toBe(0);
        }
      }
    }
  });

  it('accepts spaces and dashes, and names the group with a typo', () => {
    const groups = generateRecoveryKey();
    expect(parseRecoveryKey(groups.join(' - '))).toMatchObject({ ok: true, groups });
    const typo = [...groups];
    typo[2] = typo[2]!.slice(0, 5) + String((Number(typo[2]![5]) + 1) % 10);
    expect(parseRecoveryKey(typo.join(' '))).toEqual({ ok: false, reason: 'group', group: 3 });
    expect(parseRecoveryKey('123')).toEqual({ ok: false, reason: 'length' });
  });
});

describe('key slots', () => {
  it('unlocks with the right password and with the recovery key, to the same database key', async () => {
    const { path, dbKey, groups } = await makeVault();
    const byPassword = await unlockWithPassword(path, '  anna KOWALSKA ', 'first password 1', KDF_MINIMUM);
    expect(byPassword.dbKey.equals(dbKey)).toBe(true);
    expect(byPassword.userId).toBe(1);
    const byRecovery = await unlockWithRecoveryKey(path, groups.join(' '));
    expect(byRecovery.dbKey.equals(dbKey)).toBe(true);
  });

  it('holds no secret in the clear', async () => {
    const { path, dbKey, groups } = await makeVault();
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(dbKey.toString('hex'));
    expect(text).not.toContain(dbKey.toString('base64'));
    expect(text).not.toContain('first password 1');
    expect(text).not.toContain(groups.join(''));
  });

  it('says WRONG_PASSWORD for a wrong password or an unknown name, and WRONG_RECOVERY_KEY for a wrong key', async () => {
    const { path } = await makeVault();
    expect(await codeOf(unlockWithPassword(path, 'Anna Kowalska', 'first password 2', KDF_MINIMUM))).toBe(
      'WRONG_PASSWORD',
    );
    expect(await codeOf(unlockWithPassword(path, 'Somebody Else', 'first password 1', KDF_MINIMUM))).toBe(
      'WRONG_PASSWORD',
    );
    expect(await codeOf(unlockWithRecoveryKey(path, generateRecoveryKey().join('')))).toBe('WRONG_RECOVERY_KEY');
  });

  it('says KEY_FILE_DAMAGED for a flipped byte, a truncated file or a slot swapped in from elsewhere', async () => {
    const { path } = await makeVault();
    const original = readFileSync(path);

    const flipped = Buffer.from(original);
    const at = original.indexOf('"wrappedKey"') + 20;
    flipped[at] = flipped[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(path, flipped);
    expect(await codeOf(unlockWithPassword(path, 'Anna Kowalska', 'first password 1', KDF_MINIMUM))).toBe(
      'KEY_FILE_DAMAGED',
    );

    writeFileSync(path, original.subarray(0, original.length / 2));
    expect(await codeOf(unlockWithPassword(path, 'Anna Kowalska', 'first password 1', KDF_MINIMUM))).toBe(
      'KEY_FILE_DAMAGED',
    );

    // Someone replaces the recovery slot with one from another vault and fixes up the checksum:
    // the password still opens the key, but the keyed MAC shows the file was changed.
    writeFileSync(path, original);
    const other = await makeVault();
    const mine = readKeySlots(path);
    const theirs = readKeySlots(other.path);
    const forged = { ...mine, slots: [mine.slots[0]!, theirs.slots[1]!] };
    writeKeySlots(path, forged, randomBytes(32)); // right checksum, MAC under the wrong key
    expect(await codeOf(unlockWithPassword(path, 'Anna Kowalska', 'first password 1', KDF_MINIMUM))).toBe(
      'KEY_FILE_DAMAGED',
    );
  });

  it('says KEY_FILE_MISSING when there is no file', async () => {
    expect(await codeOf(unlockWithPassword(join(tempDir(), 'keyslots.json'), 'a', 'b', KDF_MINIMUM))).toBe(
      'KEY_FILE_MISSING',
    );
  });

  it('does not run key-derivation settings that Casebook never wrote (below the minimum, or made to take hours)', async () => {
    for (const change of [{ memoryKiB: 1024 }, { iterations: 100_000_000 }, { memoryKiB: 64 * 1024 * 1024 }]) {
      const { path, dbKey } = await makeVault();
      const file = readKeySlots(path);
      Object.assign(file.slots[0]!.kdf, change);
      writeKeySlots(path, file, dbKey);
      expect(await codeOf(unlockWithPassword(path, 'Anna Kowalska', 'first password 1', KDF_MINIMUM))).toBe(
        'KEY_SLOT_CHANGED',
      );
    }
  });

  it('rotates a password: the new one works, the old one fails, the recovery key still works', async () => {
    const { path, dbKey, groups } = await makeVault();
    await setUserPassword(path, dbKey, { id: 1, name: 'Anna Kowalska' }, 'second password 2', KDF_MINIMUM, NOW);
    expect(
      (await unlockWithPassword(path, 'Anna Kowalska', 'second password 2', KDF_MINIMUM)).dbKey.equals(dbKey),
    ).toBe(true);
    expect(await codeOf(unlockWithPassword(path, 'Anna Kowalska', 'first password 1', KDF_MINIMUM))).toBe(
      'WRONG_PASSWORD',
    );
    expect((await unlockWithRecoveryKey(path, groups.join(''))).dbKey.equals(dbKey)).toBe(true);
    expect(readKeySlots(path).slots.filter((s) => s.kind === 'password')).toHaveLength(1);
  });
});
