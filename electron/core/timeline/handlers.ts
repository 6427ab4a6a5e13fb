import type { Records } from '../domain';
import { requireClient } from '../clients/queries';
import { noteReader } from '../notes/handlers';
import type { Handlers } from '../rpc';
import { clientTimeline } from './timeline';

export function timelineHandlers(cb: Records): Pick<Handlers, 'timeline.get'> {
  return {
    'timeline.get': (q) =>
      cb.read((db, s) => {
        requireClient(db, q.clientId);
        return clientTimeline(db, q, noteReader(s));
      }),
  };
}
