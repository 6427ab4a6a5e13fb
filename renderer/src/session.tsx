import { createContext, useContext } from 'react';
import { contract, type AppState, type Channel } from '../../shared/contract';

/** The signed-in state, for pages that show or hide things by role. */
export const SessionContext = createContext<AppState | null>(null);

/**
 * Whether the signed-in user may use a channel, read from the same contract table the core enforces.
 * Hiding a button is only a courtesy: the core refuses the call anyway.
 */
export function useCan(): (channel: Channel) => boolean {
  const state = useContext(SessionContext);
  return (channel) => {
    const access = contract[channel].access;
    if (access === 'open') return true;
    return !!state?.user && access.includes(state.user.role);
  };
}

/** Who is signed in (null user before sign-in). */
export function useSession(): AppState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside the signed-in frame');
  return state;
}
