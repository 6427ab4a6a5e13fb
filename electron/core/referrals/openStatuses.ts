import { sql } from 'drizzle-orm';
import { OPEN_REFERRAL_STATUSES } from '../../../shared/domain/referral';

/**
 * The statuses of a referral still open, written into the SQL rather than bound: only then can SQLite
 * see that the partial index on open referrals' follow-up dates applies (a bound list could hold anything).
 */
export const OPEN_STATUS_LIST = sql.raw(OPEN_REFERRAL_STATUSES.map((s) => `'${s}'`).join(', '));
