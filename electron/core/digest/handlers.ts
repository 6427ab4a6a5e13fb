import { localToday } from '../../../shared/clock';
import type { Digest } from '../../../shared/domain/digest';
import type { ReadDb } from '../db/database';
import type { Records, SignedIn } from '../domain';
import type { Handlers } from '../rpc';
import { markDigestRead, markHandoverRead, readDigest, unreadHandover, writeHandover } from './digest';

type DigestChannels = 'digest.get' | 'digest.markAllRead' | 'handover.write' | 'handover.markRead';

export function digestHandlers(cb: Records): Pick<Handlers, DigestChannels> {
  const view = (db: ReadDb, s: SignedIn): Digest => ({
    ...readDigest(db, s.user, localToday(cb.now())),
    handover: unreadHandover(db, s.user.id),
  });
  return {
    'digest.get': () => cb.read(view),
    'digest.markAllRead': () =>
      cb.write((db, s) => {
        markDigestRead(db, s.user.id, cb.now());
        return view(db, s);
      }),
    'handover.write': ({ body }) =>
      cb.write((db, s) => {
        const id = writeHandover(db, body, s.user.id, cb.now());
        cb.audit(db, s, 'handover.written', { detail: { handoverId: id } });
        return view(db, s);
      }),
    'handover.markRead': ({ id }) =>
      cb.write((db, s) => {
        markHandoverRead(db, id, s.user.id, cb.now());
        cb.audit(db, s, 'handover.read', { detail: { handoverId: id } });
        return view(db, s);
      }),
  };
}
