import type Database from 'better-sqlite3';
import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_users_and_audit_chain';
import { migration0003 } from './0003_client_record';
import { migration0004 } from './0004_casework';
import { migration0005 } from './0005_referrals_and_letters';
import { migration0006 } from './0006_programmes_and_support';
import { migration0007 } from './0007_report_indexes';
import { migration0008 } from './0008_retention';
import { migration0009 } from './0009_subject_access';
import { migration0010 } from './0010_client_imports';
import { migration0011 } from './0011_caseload_index';
import { migration0012 } from './0012_client_shares';
import { migration0013 } from './0013_shipped_template_wording';
import { migration0014 } from './0014_relationship_codes';
import { migration0015 } from './0015_saved_files';
import { migration0016 } from './0016_search_phone_runs';
import { migration0017 } from './0017_last_assessed_on';
import { migration0018 } from './0018_report_by_kind';
import { migration0019 } from './0019_postcode_tokens';
import { migration0020 } from './0020_documents';
import { migration0021 } from './0021_document_retention';
import { migration0022 } from './0022_eligibility';
import { migration0023 } from './0023_eligibility_required';
import { migration0024 } from './0024_diary';
import { migration0025 } from './0025_handover';
import { migration0026 } from './0026_custom_fields';
import { migration0027 } from './0027_incoming_referrals';
import { migration0028 } from './0028_signposting';
import { migration0029 } from './0029_custom_forms';
import { migration0030 } from './0030_referral_replies';
import { migration0031 } from './0031_non_client_retention';
import { migration0032 } from './0032_forms_asked_with';
import { migration0033 } from './0033_forms_with_notes_and_registrations';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration's transaction. */
  up(sqlite: Database.Database): void;
}

/** Every migration, in order, bundled into the build (no folder is read at run time). */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0025,
  migration0026,
  migration0027,
  migration0028,
  migration0029,
  migration0030,
  migration0031,
  migration0032,
  migration0033,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
