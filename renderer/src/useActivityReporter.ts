import { useEffect } from 'react';
import { invoke } from './api';

/** Tell the main process at most every 30 s that a person is using the window, so the idle lock waits. */
const REPORT_EVERY_MS = 30_000;

export function useActivityReporter(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const onActivity = () => {
      const now = performance.now();
      if (now - last < REPORT_EVERY_MS) return;
      last = now;
      void invoke('signIn.touch', {});
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'pointermove'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, [active]);
}
