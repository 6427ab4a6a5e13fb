import { migration0001 } from './0001_initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order, bundled into the build (no folder is read at run time). */
export const MIGRATIONS: readonly Migration[] = [migration0001];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
