import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statfsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Drive } from '../platform';

/** Free and total bytes of the file system a folder is on, or null if it cannot be read. */
export function spaceOf(path: string): { freeBytes: number; totalBytes: number } | null {
  try {
    const s = statfsSync(path);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

function foldersIn(parent: string, removable: boolean): Drive[] {
  if (!existsSync(parent)) return [];
  const out: Drive[] = [];
  for (const name of readdirSync(parent)) {
    const path = join(parent, name);
    const space = spaceOf(path);
    if (space && space.totalBytes > 0) out.push({ path, label: name, removable, ...space });
  }
  return out;
}

/** Windows: drive letters from the system's own list (2 = removable). */
function windowsDrives(): Promise<Drive[]> {
  const script =
    'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,DriveType,VolumeName,FreeSpace,Size | ConvertTo-Json -Compress';
  return new Promise((resolve) => {
    execFile(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', script],
      { timeout: 8000, windowsHide: true },
      (err, stdout) => {
        if (err) return resolve([]);
        try {
          const raw = JSON.parse(stdout) as unknown;
          const rows = (Array.isArray(raw) ? raw : [raw]) as {
            DeviceID: string;
            DriveType: number;
            VolumeName: string | null;
            FreeSpace: number | null;
            Size: number | null;
          }[];
          resolve(
            rows
              .filter((r) => r.Size && (r.DriveType === 2 || r.DriveType === 3))
              .map((r) => ({
                path: `${r.DeviceID}\\`,
                label: r.VolumeName ? `${r.VolumeName} (${r.DeviceID})` : r.DeviceID,
                freeBytes: r.FreeSpace ?? 0,
                totalBytes: r.Size ?? 0,
                removable: r.DriveType === 2,
              })),
          );
        } catch {
          resolve([]);
        }
      },
    );
  });
}

/** Drives a volunteer might back up to, removable ones first, then by name. */
export async function listSystemDrives(platform: NodeJS.Platform = process.platform): Promise<Drive[]> {
  let drives: Drive[];
  if (platform === 'win32') drives = await windowsDrives();
  else if (platform === 'darwin') drives = foldersIn('/Volumes', true).filter((d) => d.label !== 'Macintosh HD');
  else {
    const user = userInfo().username;
    drives = [
      ...foldersIn(`/media/${user}`, true),
      ...foldersIn(`/run/media/${user}`, true),
      ...foldersIn('/mnt', true),
    ];
  }
  return drives.sort((a, b) => Number(b.removable) - Number(a.removable) || a.label.localeCompare(b.label));
}

/** The drive a folder is on, for "saved to KINGSTON (E:)". */
export function driveOf(folder: string, drives: Drive[]): Drive | null {
  const norm = (p: string) => p.replace(/[\\/]+$/, '').toLowerCase();
  return (
    drives.filter((d) => norm(folder).startsWith(norm(d.path))).sort((a, b) => b.path.length - a.path.length)[0] ?? null
  );
}
