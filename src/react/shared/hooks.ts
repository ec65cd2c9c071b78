import { useEffect, useLayoutEffect } from 'react';

/** useLayoutEffect in the browser; useEffect on the server, where layout effects do not run and would warn. */
export const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
