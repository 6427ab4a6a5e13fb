import type { Paper } from '../domain';
import type { Handlers } from '../rpc';

/** The one print dialog every printout goes through (letters, sheets, registers, reports, packs). */
export function printoutHandlers(cb: Paper): Pick<Handlers, 'printouts.print'> {
  return {
    'printouts.print': async ({ printId }) => {
      await cb.printouts.print(cb.platform, printId);
      return { printed: true as const };
    },
  };
}
