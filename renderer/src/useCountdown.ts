import { useEffect, useState } from 'react';

/**
 * Counts down to when the next try of a password is accepted (elapsed time, not the date:
 * performance.now). Returns the whole seconds left and a way to start waiting `ms`.
 */
export function useCountdown(): [number, (ms: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(performance.now()), 250);
    return () => clearTimeout(timer);
  }, [until, now]);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return [
    seconds,
    (ms) => {
      setNow(performance.now());
      setUntil(performance.now() + ms);
    },
  ];
}
