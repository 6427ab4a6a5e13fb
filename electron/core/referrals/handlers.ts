import { fillAskedWith } from '../customFields/forms';
import { readerOf } from '../clients/record';
import { reachOf } from '../clients/reach';
import { localToday } from '../../../shared/clock';
import type { Records } from '../domain';
import { requireClient } from '../clients/queries';
import type { Handlers } from '../rpc';
import { changeReferralStatus, createReferral, listClientReferrals, listReferrals, updateReferral } from './referrals';

type ReferralChannels =
  'referrals.forClient' | 'referrals.create' | 'referrals.update' | 'referrals.setStatus' | 'referrals.list';

export function referralHandlers(cb: Records): Pick<Handlers, ReferralChannels> {
  const today = () => localToday(cb.now());
  return {
    'referrals.forClient': ({ clientId }) =>
      cb.read((db) => {
        requireClient(db, clientId);
        return listClientReferrals(db, clientId);
      }),
    'referrals.create': ({ clientId, referral, answers }) =>
      cb.write((db, s) => {
        requireClient(db, clientId);
        const id = createReferral(db, clientId, referral, s.user.id, cb.now(), today());
        fillAskedWith(db, { kind: 'referral', clientId, referralId: id, on: today() }, answers, readerOf(s), cb.now());
        cb.audit(db, s, 'referral.created', { clientId, detail: { referralId: id, agencyId: referral.agencyId } });
        return listClientReferrals(db, clientId);
      }),
    'referrals.update': ({ id, version, referral, answers }) =>
      cb.write((db, s) => {
        const clientId = updateReferral(db, id, version, referral, cb.now());
        fillAskedWith(db, { kind: 'referral', clientId, referralId: id, on: today() }, answers, readerOf(s), cb.now());
        cb.audit(db, s, 'referral.changed', { clientId, detail: { referralId: id } });
        return listClientReferrals(db, clientId);
      }),
    'referrals.setStatus': (c) =>
      cb.write((db, s) => {
        const { clientId, from } = changeReferralStatus(db, c, s.user.id, cb.now(), today());
        cb.audit(db, s, 'referral.statusChanged', { clientId, detail: { referralId: c.id, from, to: c.status } });
        return listClientReferrals(db, clientId);
      }),
    'referrals.list': ({ show, agencyId, mine, limit, offset }) =>
      cb.read((db, s) =>
        listReferrals(
          db,
          { show, agencyId, mineOf: mine ? s.user.id : null, reach: reachOf(s), limit, offset },
          today(),
        ),
      ),
  };
}
