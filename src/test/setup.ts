import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor wait for what a shopper would wait for (a lazily loaded phone zone or language, the in-process
// Purse answering): 1 s, the default, is too short when npm test runs every lane at once on 2 cores. A test that
// expects something never to appear still fails, only later.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
