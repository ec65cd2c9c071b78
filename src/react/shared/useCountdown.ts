import { useCallback, useSyncExternalStore } from 'react';

const secondsUntil = (until: number | undefined) =>
  until === undefined ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));

/**
 * Whole seconds left until `until` (epoch ms), 0 once passed. The clock is an external store: the component that
 * uses it re-renders once a second while counting, and never after. Keep it in a small leaf component.
 */
export function useCountdown(until: number | undefined): number {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (until === undefined || until <= Date.now()) return () => {};
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = () => {
        notify();
        const left = until - Date.now();
        // Wake at the next whole-second boundary of the remaining time.
        if (left > 0) timer = setTimeout(tick, left % 1000 || 1000);
      };
      timer = setTimeout(tick, (until - Date.now()) % 1000 || 1000);
      return () => clearTimeout(timer);
    },
    [until],
  );
  const snapshot = () => secondsUntil(until);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
