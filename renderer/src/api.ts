import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { AppError, Result } from '../../shared/result';

type Listener = (error: AppError) => void;
const sessionListeners = new Set<Listener>();

/** Called when any call finds the app locked (e.g. the idle lock fired), so the app can show the unlock screen. */
export function onSessionLost(listener: Listener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Calls a channel of the contract. Never throws: failures come back as `{ ok: false, error }`. */
export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  let result: Result<ChannelOutput<C>>;
  try {
    result = (await window.casebook.invoke(channel, input)) as Result<ChannelOutput<C>>;
  } catch {
    result = { ok: false, error: { code: 'INTERNAL', message: 'The app did not answer' } };
  }
  if (
    !result.ok &&
    (result.error.code === 'LOCKED' ||
      result.error.code === 'PASSWORD_CHANGE_REQUIRED' ||
      result.error.code === 'CORE_RESTARTED')
  ) {
    for (const l of sessionListeners) l(result.error);
  }
  return result;
}
