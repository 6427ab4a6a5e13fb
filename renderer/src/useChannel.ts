import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { invoke } from './api';
import { errorSentence } from './errors';

export interface Loaded<T> {
  /** What the channel answered for the current input; null until it has answered (or when it failed). */
  data: T | null;
  /** The translated sentence when the channel refused or failed. */
  error: string | null;
  /** The refusal itself, for a page that treats one code differently (e.g. NOT_FOUND). */
  failure: AppError | null;
  /** True from a change of input or a reload until the answer arrives. */
  loading: boolean;
  /** Asks again with the same input; the last answer stays on screen until the new one arrives. */
  reload: () => void;
  /** Puts a newer answer in place without asking (e.g. the one a save returned). */
  replace: (data: T) => void;
}

interface Answer<T> {
  /** The input (with the language) it answers, and which reload. */
  key: string;
  tick: number;
  data: T | null;
  failure: AppError | null;
}

/**
 * Loads what a page shows from one channel, and loads again when the input or the language changes.
 * An answer that arrives after the input has changed (or the page has gone) is dropped, so a slow
 * answer never overwrites a newer one. `input` null means "nothing to ask yet". With `keepWhileLoading`
 * (a live preview, results as the person types) the last answer stays on screen until the next one
 * arrives, so it does not flicker at every keystroke.
 */
export function useChannel<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
  options: { keepWhileLoading?: boolean } = {},
): Loaded<ChannelOutput<C>> {
  const { t, i18n } = useTranslation();
  const key = input === null ? null : JSON.stringify([channel, input, i18n.language]);
  const [tick, setTick] = useState(0);
  const [answer, setAnswer] = useState<Answer<ChannelOutput<C>> | null>(null);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const [, asked] = JSON.parse(key) as [C, ChannelInput<C>];
    void invoke(channel, asked).then((r) => {
      if (live) setAnswer({ key, tick, data: r.ok ? r.value : null, failure: r.ok ? null : r.error });
    });
    return () => {
      live = false;
    };
  }, [channel, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const replace = useCallback(
    (data: ChannelOutput<C>) => setAnswer((a) => (a && a.key === key ? { ...a, data, failure: null } : a)),
    [key],
  );
  // Only an answer to this input counts; one to an earlier reload of it stays shown meanwhile.
  const mine = key === null || answer === null ? null : answer.key === key || options.keepWhileLoading ? answer : null;
  return {
    data: mine?.data ?? null,
    failure: mine?.failure ?? null,
    error: mine?.failure ? errorSentence(t, mine.failure) : null,
    loading: key !== null && (mine === null || mine.key !== key || mine.tick !== tick),
    reload,
    replace,
  };
}
